/** db_organize: camera metadata, hardware flags, live-photo pairs and document links. */
package org.aupat.archive.organizing;
