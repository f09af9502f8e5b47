/**
 * Imports as records: every db_import or pipeline run is one row of the imports table (when, from where, by
 * whom, with which options, the counts of its summary, the location it added to), and every file row names
 * its import. Read by the scripts that show, find, move or trash files by import.
 */
package org.aupat.archive.imports;
