package org.aupat.archive.maintenance;

import org.aupat.archive.rules.Rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.aupat.archive.ArchiveClock;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.db.DatabaseHealth;
import org.aupat.foundation.db.LoggingTransactionManager;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.verification.BackupVerifier;
import org.aupat.testing.SettableClock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The maintenance services wired by hand on real files under one temporary home, with a settable clock. */
final class Fixture implements AutoCloseable {
    final Path home;
    final AupatProperties properties;
    final SqliteDatabase database;
    final JdbcTemplate jdbc;
    final SqliteFiles sqliteFiles = new SqliteFiles();
    final MaintenanceRepository repository;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
    final ArchiveClock archiveClock = new ArchiveClock(clock);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), false);
    final BackupService backups;
    final MigrationService migration;
    final Rules rules;
    final CleanupService cleanup;

    Fixture(Path home) {
        this.home = home;
        this.properties = new AupatProperties(home.resolve("data/aupat.db"), home.resolve("data/checkpoint_state.db"),
                home.resolve("staging"), home.resolve("archive"), home.resolve("backups"), home.resolve("logs"),
                home.resolve("rules"), "exiftool", "ffprobe");
        this.database = new SqliteDatabase(properties.databaseFile(), "aupat.database");
        this.jdbc = new JdbcTemplate(database);
        this.repository = new MaintenanceRepository(jdbc, sqliteFiles);
        this.rules = Rules.from(properties.rules());
        this.backups = new BackupService(database, properties, repository, new BackupVerifier(sqliteFiles),
                new FileHasher(), archiveClock);
        this.migration = new MigrationService(database, sqliteFiles, repository, rules, archiveClock,
                new TransactionTemplate(new LoggingTransactionManager(database)), console, properties);
        this.cleanup = new CleanupService(database, properties, repository, new DatabaseHealth(jdbc, database), sqliteFiles,
                new FileHasher(), archiveClock, java.util.Optional.empty(), java.util.Optional.empty());
    }

    /** db_migrate as the script runner runs it: the check, a backup, the migration. */
    MigrationService.Result migrate() {
        MigrationService.Checked checked = migration.check();
        backups.backup();
        return migration.migrate(checked);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        database.close();
    }
}
