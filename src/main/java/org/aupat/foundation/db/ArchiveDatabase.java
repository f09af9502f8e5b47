package org.aupat.foundation.db;

import javax.sql.DataSource;

/**
 * The archive database as the rest of AUPAT sees it: a DataSource, whichever database holds it (an SQLite
 * file, {@link SqliteDatabase}, or a database on a PostgreSQL server, {@link PostgresDatabase}), with the one
 * {@link SqlDialect} its repositories use where SQL differs. Services never ask which one it is.
 */
public interface ArchiveDatabase extends DataSource {
    /** Whether the database exists yet: the SQLite file is there; a server's database always is (the user made it). */
    boolean exists();

    /** What a message names: the file's path or the server's URL (never a password). */
    String shown();

    /** Where this database's SQL differs from the shared SQL. */
    SqlDialect dialect();
}
