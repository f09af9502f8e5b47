/** db_folder: the archive folder tree of each location. */
package org.aupat.archive.folder;
