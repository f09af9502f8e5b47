package org.aupat.archive.replication;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.ArchiveIdentity;
import org.aupat.foundation.db.PostgresAdvisoryLock;
import org.aupat.foundation.db.PostgresBackup;
import org.aupat.foundation.db.PostgresDatabase;
import org.aupat.foundation.error.DatabaseError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Repository;

/**
 * The database half of recover when the archive's database is on a PostgreSQL server. The configured database
 * is filled from a verified pg_dump only while it holds no table, so a live archive that other computers use is
 * never mixed into; the restore is one transaction ({@link PostgresBackup#restore}: pg_restore
 * --single-transaction --exit-on-error --no-owner --no-acl, the password in its environment only), so a kill
 * leaves the database empty; the recorded paths are then moved onto this home ({@link RecordedPaths}) in a
 * transaction of their own. {@link RecoveryService} decides the order and marks its progress.
 */
@Repository
class PostgresRecovery {
    private final ArchiveDatabase database;
    private final RecordedPaths paths;
    private final ArchiveIdentity identity;
    private final Path pgDump;

    /** @param pgDump the {@code aupat.pg-dump} setting: pg_dump (or its folder), pg_restore beside it */
    PostgresRecovery(ArchiveDatabase database, RecordedPaths paths, ArchiveIdentity identity,
            @Value("${aupat.pg-dump:}") String pgDump) {
        this.database = database;
        this.paths = paths;
        this.identity = identity;
        this.pgDump = pgDump == null || pgDump.isBlank() ? null : Path.of(pgDump.trim());
    }

    /** Whether the archive's database is on PostgreSQL (else recover makes an SQLite file). */
    boolean active() {
        return database instanceof PostgresDatabase;
    }

    /** What messages name: the server's URL, never a password. */
    String shown() {
        return database.shown();
    }

    /**
     * Whether the database holds any table. A restore a killed run left running is ended first, so what is
     * seen is what stays: the whole archive or nothing.
     */
    boolean holdsTables() {
        try (Connection c = database.getConnection()) {
            PostgresBackup.endLeftRestores(c);
            return !PostgresBackup.holdsNoTable(c);
        } catch (SQLException e) {
            throw new DatabaseError("cannot look at the tables of " + shown() + ": " + e.getMessage(), e);
        }
    }

    /** Restores the dump into the (empty) database, all or nothing. */
    void restore(Path dump) {
        PostgresDatabase server = (PostgresDatabase) database;
        new PostgresBackup(server.endpoint(), pgDump).restore(dump, server.endpoint());
    }

    /** The archive's identity as the restored database records it. */
    Optional<String> archiveIdentity() {
        return identity.find();
    }

    /** The moves the restored rows need to name this home's folders; nothing is written. */
    List<RecordedPaths.Move> moves(RecordedPaths.Home home) {
        try (Connection c = database.getConnection()) {
            return paths.moves(c, home);
        } catch (SQLException e) {
            throw new DatabaseError("cannot read the paths recorded in " + shown() + ": " + e.getMessage(), e);
        }
    }

    /** Makes the moves still to make, in one transaction (none once made). */
    void rebase(RecordedPaths.Home home) {
        try (Connection c = database.getConnection()) {
            paths.rebase(c, home);
        } catch (SQLException e) {
            throw new DatabaseError("cannot move the paths recorded in " + shown() + " to this home: " + e.getMessage()
                    + ". Run the same recover again.", e);
        }
    }

    /**
     * The archive's lock under its identity, now that the database has one: the run's own lock was taken while
     * the database was empty (under its name), and other computers pointed at it lock by the identity.
     */
    PostgresAdvisoryLock.Held lockArchive(String id) {
        return new PostgresAdvisoryLock(((PostgresDatabase) database).endpoint(), id).acquire("recover");
    }
}
