/**
 * move and merge: files, whole imports and whole locations put into the location (or sub-location) they
 * belong to, with their archive names, folders, relationships and master JSON following.
 */
package org.aupat.archive.moving;
