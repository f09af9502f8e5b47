/** db_identify: the master JSON record of each location, written atomically. */
package org.aupat.archive.identify;
