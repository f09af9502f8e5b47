/** Upkeep of the database and its surroundings: schema migration, verified backups, cleanup and retention. */
package org.aupat.archive.maintenance;
