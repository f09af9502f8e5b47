/** db_import: registers a location and stages its files, hashing while copying. */
package org.aupat.archive.importing;
