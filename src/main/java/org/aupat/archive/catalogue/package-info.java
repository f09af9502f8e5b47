/**
 * The offline HTML catalogue: an index of every location and one page per location, with thumbnails
 * (derived data kept beside the archive) and a map, readable from disk in any browser.
 */
package org.aupat.archive.catalogue;
