package org.aupat.archive.maintenance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.aupat.archive.ArchiveClock;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.DatabaseBackup;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.PostgresBackup;
import org.aupat.foundation.db.PostgresDatabase;
import org.aupat.foundation.db.SqliteDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.aupat.foundation.db.DatabaseErrors;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.BackupError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.verification.BackupVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Verified backups of the database: a consistent copy by {@code VACUUM INTO} (never a file copy of a
 * WAL database) to a temporary name, flushed, verified, renamed to {@code <stem>-<local time>.db} and
 * listed with its SHA-256 in the manifest. On any failure nothing is left behind. The script runner
 * makes one before every script that writes the database.
 */
@Service
public class BackupService implements DatabaseBackup {
    /** Recorded in {@code versions} under module {@code backup}. */
    static final String VERSION = "1.0.0";
    private static final Logger log = LoggerFactory.getLogger(BackupService.class);

    private final ArchiveDatabase database;
    private final BackupFolder folder;
    private final MaintenanceRepository repository;
    private final BackupVerifier verifier;
    private final FileHasher hasher;
    private final ArchiveClock clock;
    private final Path pgDump;

    public BackupService(ArchiveDatabase database, AupatProperties properties, MaintenanceRepository repository,
            BackupVerifier verifier, FileHasher hasher, ArchiveClock clock) {
        this(database, properties, repository, verifier, hasher, clock, "");
    }

    /** @param pgDump the {@code aupat.pg-dump} setting: pg_dump (or its folder) for a database on PostgreSQL */
    @Autowired
    public BackupService(ArchiveDatabase database, AupatProperties properties, MaintenanceRepository repository,
            BackupVerifier verifier, FileHasher hasher, ArchiveClock clock, @Value("${aupat.pg-dump:}") String pgDump) {
        this.pgDump = pgDump == null || pgDump.isBlank() ? null : Path.of(pgDump.trim());
        this.database = database;
        this.folder = BackupFolder.of(properties);
        this.repository = repository;
        this.verifier = verifier;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Makes and verifies one backup; empty when there is no database yet. A failure throws BackupError. */
    @Override
    public Optional<Path> backup() {
        if (database instanceof PostgresDatabase server) {
            return backupServer(server);
        }
        SqliteDatabase sqlite = (SqliteDatabase) database;
        Path source = sqlite.file();
        if (!hasContent(source)) {
            return Optional.empty();
        }
        SqliteDatabase.requireSqliteOrAbsent(source, "aupat.database");
        createFolder();
        // A run killed mid-backup leaves its temporary file; no later run would ever reuse or remove it.
        folder.removeLeftTemporaries().forEach(left -> log.warn("removed {}, left by an interrupted backup", left));
        FileTime previousNewest = folder.newest().map(BackupFolder.Backup::modified).orElse(null);
        Path target = folder.freeName(clock.localNow());
        Path temp = BackupFolder.temporary(target);
        boolean moved = false;
        try {
            repository.vacuumInto(temp);
            flush(temp);
            verifier.verify(source, temp, previousNewest);
            String sha = hasher.sha256(temp);
            Files.move(temp, target);
            moved = true;
            Map<String, String> manifest = folder.manifest();
            manifest.put(target.getFileName().toString(), sha);
            folder.writeManifest(manifest);
        } catch (IOException | RuntimeException e) {
            BackupFolder.deleteIfExists(temp);
            if (moved) {
                BackupFolder.deleteIfExists(target);
            }
            if (e instanceof BackupError || e instanceof PreflightError) {
                throw (RuntimeException) e; // already says what failed; a pre-flight problem keeps its exit code 3
            }
            if (diskFull(e)) {
                throw new BackupError("the backups folder " + folder.dir() + " has no space left for a backup of "
                        + source + ". Free space on its disk or point aupat.backups at one with room for about the"
                        + " database's size. Nothing was kept; the database is unchanged.", e);
            }
            throw new BackupError("the backup of " + source + " failed: " + message(e)
                    + ". Nothing was kept; the database is unchanged.", e);
        }
        if (repository.hasTable("versions")) {
            repository.upsertVersion("backup", VERSION, clock.timestamp());
        }
        log.info("backup {} written and verified", target);
        pruneAfter(target);
        return Optional.of(target);
    }

    /**
     * A database on PostgreSQL: pg_dump, verified by restoring it into a scratch database ({@link PostgresBackup}),
     * then listed in the manifest and pruned like SQLite's backups. Empty before the first db_migrate.
     */
    private Optional<Path> backupServer(PostgresDatabase server) {
        if (!repository.hasTable("flyway_schema_history")) {
            return Optional.empty();
        }
        createFolder();
        folder.removeLeftTemporaries().forEach(left -> log.warn("removed {}, left by an interrupted backup", left));
        Path target = folder.freeName(clock.localNow());
        new PostgresBackup(server.endpoint(), pgDump).backup(target);
        try {
            Map<String, String> manifest = folder.manifest();
            manifest.put(target.getFileName().toString(), hasher.sha256(target));
            folder.writeManifest(manifest);
        } catch (RuntimeException e) {
            BackupFolder.deleteIfExists(target);
            throw e instanceof BackupError b ? b : new BackupError("the backup " + target + " was made but could not be"
                    + " listed in the manifest: " + message(e) + ". It was removed; the database is unchanged.", e);
        }
        if (repository.hasTable("versions")) {
            repository.upsertVersion("backup", VERSION, clock.timestamp());
        }
        log.info("backup {} written and verified", target);
        pruneAfter(target);
        return Optional.of(target);
    }

    /**
     * Backups are pruned as they are made, so they never pile up between db_cleanup runs. The new backup is the
     * newest and is never surplus; a failure to prune is a warning, never a failed backup.
     */
    private void pruneAfter(Path made) {
        try {
            folder.prune(clock.now(), BackupRetention.KEEP_DAYS, clock.localNow().getZone())
                    .forEach(removed -> log.info("surplus backup {} removed (kept {} days, then the first and last of"
                            + " each day)", removed, BackupRetention.KEEP_DAYS));
        } catch (BackupError e) {
            log.warn("backup {} is made, but older backups were not pruned: {}", made, e.getMessage());
        }
    }

    /** Whether a database file exists with at least one byte (an empty file is a database not created yet). */
    static boolean hasContent(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new BackupError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void createFolder() {
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new BackupError("cannot create the backups folder " + folder.dir() + ": " + e.getMessage()
                    + ". Check aupat.backups.", e);
        }
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** SQLite's "database or disk is full" while writing the backup, or the system's "No space left on device". */
    private static boolean diskFull(Exception e) {
        if (DatabaseErrors.translate(e) instanceof AupatError a && "SQLITE_FULL".equals(a.context().get("sqlite_code"))) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static String message(Exception e) {
        return e instanceof AupatError ? e.getMessage() : e.toString();
    }
}
