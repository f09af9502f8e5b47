/**
 * Seeing and finding what the archive holds, read only: the list of locations, one location in full, files by
 * name, folder, SHA-256, camera, date or place, and the duplicates an import saw (recorded by the import).
 */
package org.aupat.archive.finding;
