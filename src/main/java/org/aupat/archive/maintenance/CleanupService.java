package org.aupat.archive.maintenance;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.aupat.archive.ArchiveClock;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.DatabaseHealth;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.hashing.FileHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * db_cleanup: checks the database and the folders around it and reports. It removes only what is its
 * own to remove (temporary files of crashed runs, surplus backups); other repairs wait for --fix; it
 * never deletes an archived file or a row.
 */
@Service
public class CleanupService {
    private static final Logger log = LoggerFactory.getLogger(CleanupService.class);
    private final ArchiveDatabase database;
    private final AupatProperties properties;
    private final BackupFolder backups;
    private final MaintenanceRepository repository;
    private final DatabaseHealth health;
    private final SqliteFiles sqliteFiles;
    private final FileHasher hasher;
    private final ArchiveClock clock;
    private final Optional<FailureLogArchiver> failureLogArchiver;
    private final Optional<CheckpointArchiver> checkpointArchiver;

    public CleanupService(ArchiveDatabase database, AupatProperties properties, MaintenanceRepository repository,
            DatabaseHealth health, SqliteFiles sqliteFiles, FileHasher hasher, ArchiveClock clock,
            Optional<FailureLogArchiver> failureLogArchiver, Optional<CheckpointArchiver> checkpointArchiver) {
        this.database = database;
        this.properties = properties;
        this.backups = BackupFolder.of(properties);
        this.repository = repository;
        this.health = health;
        this.sqliteFiles = sqliteFiles;
        this.hasher = hasher;
        this.clock = clock;
        this.failureLogArchiver = failureLogArchiver;
        this.checkpointArchiver = checkpointArchiver;
    }

    /**
     * @param keepDays         keep every backup of this many days
     * @param vacuum           run VACUUM
     * @param fix              make the repairs that change more than cleanup's own files
     * @param archiveAfterDays age after which failure-log entries and completed checkpoints are archived
     */
    public record Options(int keepDays, boolean vacuum, boolean fix, int archiveAfterDays) {
    }

    public CleanupReport clean(Options options) {
        CleanupReport report = new CleanupReport();
        removeTempFiles(report);
        cleanStaging(report, options.fix());
        boolean sound = false;
        boolean exists = databaseExists();
        if (!exists) {
            report.note("no database yet at " + database.shown() + ": nothing to check.");
        } else {
            if (database instanceof SqliteDatabase sqlite) {
                SqliteDatabase.requireSqliteOrAbsent(sqlite.file(), "aupat.database");
            }
            sound = checkDatabase(report);
            if (sound) {
                checkMediaFiles(report);
            }
        }
        checkManifest(report, options.fix());
        if (sound) {
            pruneBackups(report, options.keepDays());
            vacuum(report, options.vacuum());
        } else if (exists) {
            report.note("backups were not pruned and VACUUM did not run, because the database checks failed.");
        }
        archiveOldRecords(report, options.archiveAfterDays());
        return report;
    }

    /** An SQLite file with content, or a server's database AUPAT has migrated. */
    private boolean databaseExists() {
        return database instanceof SqliteDatabase sqlite ? BackupService.hasContent(sqlite.file())
                : repository.hasTable("flyway_schema_history");
    }

    private boolean checkDatabase(CleanupReport report) {
        String integrity = health.integrityCheck();
        if (!"ok".equals(integrity)) {
            report.problem("database integrity check failed: " + integrity
                    + ". Restore the newest good backup (see manifest-sha256.txt).");
            return false;
        }
        int violations = health.foreignKeyViolations();
        if (violations > 0) {
            report.problem("database has " + violations + " row(s) that break a foreign key (PRAGMA foreign_key_check).");
            return false;
        }
        return true;
    }

    /** Rows whose file is gone, and archive files no row knows; the archive is walked, not listed into memory. */
    private void checkMediaFiles(CleanupReport report) {
        Set<String> known = new HashSet<>();
        repository.forEachMediaFile((table, sha, path) -> {
            known.add(path);
            if (!Files.isRegularFile(Path.of(path))) {
                report.problem(table + " row " + sha + ": its file " + path + " is missing. Restore it from a copy;"
                        + " the row was kept.");
            }
        });
        List<Path> urlFolders = repository.urlFolders().stream().map(Path::of).toList();
        Path archive = properties.archive();
        if (!Files.isDirectory(archive)) {
            return;
        }
        walk(archive, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                boolean explained = known.contains(file.toString()) || name.endsWith("_master.json")
                        || urlFolders.stream().anyMatch(file::startsWith);
                if (attrs.isRegularFile() && !explained) {
                    report.problem("archive file " + file + " has no database row. Import it again or move it out"
                            + " of the archive; it was kept.");
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Temporary files ({@code *.aupat-tmp}, and SQLite's side files of one) are written only by AUPAT and never
     * hold the only copy of anything.
     */
    private void removeTempFiles(CleanupReport report) {
        for (Path root : List.of(properties.archive(), properties.staging(), properties.backups())) {
            if (Files.isDirectory(root)) {
                walk(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        removeIfTemp(file, attrs, report);
                        return FileVisitResult.CONTINUE;
                    }
                });
            }
        }
        Path dbFolder = properties.databaseInFile() ? properties.databaseFile().getParent() : null;
        if (dbFolder != null && Files.isDirectory(dbFolder)) {
            try (Stream<Path> files = Files.list(dbFolder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    removeIfTemp(file, Files.readAttributes(file, BasicFileAttributes.class), report);
                }
            } catch (IOException e) {
                throw new FileSystemError("cannot list " + dbFolder + ": " + e.getMessage(), e);
            }
        }
    }

    private static void removeIfTemp(Path file, BasicFileAttributes attrs, CleanupReport report) {
        if (attrs.isRegularFile() && BackupFolder.isTemporary(file.getFileName().toString())) {
            delete(file);
            report.removed("temporary file of a crashed run: " + file);
        }
    }

    /** Empty staging folders are left by verified imports; removing them is a --fix repair. */
    private void cleanStaging(CleanupReport report, boolean fix) {
        Path staging = properties.staging();
        if (!Files.isDirectory(staging)) {
            return;
        }
        walk(staging, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                if (!dir.equals(staging) && isEmpty(dir)) {
                    if (fix) {
                        Files.delete(dir);
                        report.repair("removed the empty staging folder " + dir);
                    } else {
                        report.repair("would remove the empty staging folder " + dir + " (run with --fix)");
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Every listed backup must still hash to its manifest line; a mismatch is a backup that rotted. */
    private void checkManifest(CleanupReport report, boolean fix) {
        Map<String, String> manifest = backups.manifest();
        boolean changed = false;
        for (var entry : Map.copyOf(manifest).entrySet()) {
            Path file = backups.dir().resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                changed |= fix;
                if (fix) {
                    manifest.remove(entry.getKey());
                }
                report.repair((fix ? "dropped" : "would drop (run with --fix)") + " the manifest line of the missing backup " + file);
            } else if (!hasher.sha256(file).equals(entry.getValue())) {
                report.problem("backup " + file + " no longer matches its SHA-256 in " + BackupFolder.MANIFEST
                        + ": it rotted or was changed. Do not restore it; make a fresh backup and check the disk.");
            }
        }
        for (BackupFolder.Backup b : backups.backups()) {
            if (!manifest.containsKey(b.name())) {
                if (!fix) {
                    report.repair("would add the unlisted backup " + b.path() + " to the manifest (run with --fix)");
                } else if (!(database instanceof SqliteDatabase)) {
                    // A pg_dump is proven only by restoring it, which its own backup did: AUPAT lists only those.
                    report.problem("the unlisted backup " + b.path() + " was not made (or not verified) by AUPAT; it was"
                            + " not listed. Make a fresh backup with --script=backup.");
                } else if ("ok".equals(sqliteFiles.integrityCheck(b.path()))) {
                    manifest.put(b.name(), hasher.sha256(b.path()));
                    changed = true;
                    report.repair("added the unlisted backup " + b.path() + " to the manifest");
                } else {
                    report.problem("the unlisted backup " + b.path() + " fails SQLite's integrity check; it was not listed.");
                }
            }
        }
        if (changed) {
            backups.writeManifest(manifest);
        }
    }

    private void pruneBackups(CleanupReport report, int keepDays) {
        backups.prune(clock.now(), keepDays, clock.localNow().getZone())
                .forEach(removed -> report.removed("surplus backup " + removed));
    }

    private void vacuum(CleanupReport report, boolean vacuum) {
        if (vacuum) {
            health.checkpoint();
            long before = health.size();
            health.vacuum();
            report.note("VACUUM reclaimed " + Math.max(0, before - health.size()) + " bytes.");
        }
        health.optimize();
        StringBuilder counts = new StringBuilder();
        health.rowCounts().forEach((table, n) -> counts.append(' ').append(table).append('=').append(n));
        report.note("database " + database.shown() + ": " + health.size() + " bytes; rows:" + counts);
    }

    private void archiveOldRecords(CleanupReport report, int archiveAfterDays) {
        Instant cutoff = clock.now().minus(Duration.ofDays(archiveAfterDays));
        failureLogArchiver.ifPresentOrElse(
                a -> report.note("archived " + a.archiveOlderThan(cutoff) + " failure-log entries older than "
                        + archiveAfterDays + " days."),
                () -> log.info("no failure-log archiver in this build; skipped"));
        checkpointArchiver.ifPresentOrElse(
                a -> report.note("archived " + a.archiveCompletedOlderThan(cutoff) + " completed checkpoints older than "
                        + archiveAfterDays + " days."),
                () -> log.info("no checkpoint archiver in this build; skipped"));
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void walk(Path root, SimpleFileVisitor<Path> visitor) {
        try {
            Files.walkFileTree(root, visitor);
        } catch (IOException e) {
            throw new FileSystemError("cannot walk " + root + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new FileSystemError("cannot delete " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FileSystemError("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
