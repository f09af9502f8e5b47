/** The archive's domain: locations, media, metadata, hardware, layout and the pipeline's services. */
package org.aupat.archive;
