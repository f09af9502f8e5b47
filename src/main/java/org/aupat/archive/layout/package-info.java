/** Where things go: standard file names (name.json), the archive folder tree (folder.json) and staging paths. */
package org.aupat.archive.layout;
