/** What a file is (image, video, document or ignored), decided by its name and extension. */
package org.aupat.archive.media;
