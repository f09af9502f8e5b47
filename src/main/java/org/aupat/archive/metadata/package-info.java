/** Metadata of media files: long-lived exiftool processes for images and videos, ffprobe for video streams. */
package org.aupat.archive.metadata;
