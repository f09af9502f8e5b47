/** db_ingest: organised files from staging into the archive tree. */
package org.aupat.archive.ingest;
