package org.aupat.archive.maintenance;

import org.aupat.archive.rules.Rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.MigratedSchema;
import org.aupat.foundation.db.SqlDialect;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ValidationError;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * db_migrate: creates or upgrades the schema with the Flyway migrations in the jar and records what it
 * did in {@code versions}. Before touching an existing file it proves, read-only, that the file is a
 * sound AUPAT database this jar understands ({@link #check()}, after which the script runner backs it up);
 * anything else is refused untouched.
 */
@Service
public class MigrationService {
    private static final String SETTING = "aupat.database";

    private final ArchiveDatabase database;
    private final SqliteFiles sqliteFiles;
    private final MaintenanceRepository repository;
    private final Rules rules;
    private final ArchiveClock clock;
    private final TransactionTemplate transaction;
    private final Console console;
    private final Path home;

    public MigrationService(ArchiveDatabase database, SqliteFiles sqliteFiles, MaintenanceRepository repository,
            Rules rules, ArchiveClock clock, TransactionTemplate transaction, Console console, AupatProperties properties) {
        this.console = console;
        this.home = properties.home();
        this.database = database;
        this.sqliteFiles = sqliteFiles;
        this.repository = repository;
        this.rules = rules;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What one run did. */
    public record Result(String schemaVersion, int migrationsApplied, boolean created) {
    }

    /** What {@link #check()} found, read-only: the migrations in the jar and those the database has applied. */
    public record Checked(boolean existed, List<String> inJar, List<String> alreadyApplied) {
    }

    /**
     * Proves, read-only, that the database is absent or a sound AUPAT database this jar may migrate; throws
     * (exit 2, file untouched) otherwise. The runner backs the database up after this and before {@link #migrate}.
     */
    public Checked check() {
        List<String> inJar = jarMigrations(database.dialect());
        if (!(database instanceof SqliteDatabase sqlite)) {
            return checkServer(inJar);
        }
        Path file = sqlite.file();
        SqliteDatabase.requireSqliteOrAbsent(file, SETTING);
        boolean existed = BackupService.hasContent(file);
        List<String> alreadyApplied = existed ? refuseWhatWeMustNotTouch(file, rules.prefixLength(), inJar) : List.of();
        return new Checked(existed, inJar, alreadyApplied);
    }

    /**
     * A database on a server: the user made it, so it "existed" once it has AUPAT's history; one with tables
     * but no history, or migrated by a newer AUPAT, or built with another prefix length, is refused untouched.
     */
    private Checked checkServer(List<String> inJar) {
        String shown = database.shown();
        boolean existed = repository.hasTable("flyway_schema_history");
        if (!existed) {
            List<String> tables = repository.tablesOnServer();
            if (!tables.isEmpty()) {
                throw new ConfigurationError("the database " + shown + " (" + SETTING + ") holds tables " + tables
                        + " but no AUPAT migration history: it belongs to another program. It was left untouched. Create"
                        + " an empty database for AUPAT (README \"Shared archives on PostgreSQL\").");
            }
            return new Checked(false, inJar, List.of());
        }
        List<String> applied = repository.appliedMigrations();
        List<String> unknown = new ArrayList<>(applied);
        unknown.removeAll(inJar);
        if (!unknown.isEmpty()) {
            throw new ConfigurationError("the database " + shown + " was migrated by a newer AUPAT (schema versions "
                    + unknown + " are unknown to this one). It was left untouched. Use the newer AUPAT.");
        }
        int prefixLength = rules.prefixLength();
        repository.version("prefix_length").filter(recorded -> !recorded.equals(String.valueOf(prefixLength)))
                .ifPresent(recorded -> {
                    throw new ConfigurationError("name.json sets prefix_length " + prefixLength + " but this archive was"
                            + " built with " + recorded + ", and one archive keeps one prefix length forever. Set"
                            + " prefix_length back to " + recorded + " in name.json. The database was left untouched.");
                });
        return new Checked(true, inJar, applied);
    }

    /** Migrates a checked database and records versions. */
    public Result migrate(Checked checked) {
        String file = database.shown();
        int prefixLength = rules.prefixLength();
        Map<String, String> ruleVersions = rules.versions();
        boolean existed = checked.existed();
        List<String> inJar = checked.inJar();
        List<String> alreadyApplied = checked.alreadyApplied();
        int applied = 0;
        String schema;
        if (!existed) {
            // Shown even with --quiet: a user who ran from an unexpected set-up sees at once where the new archive is.
            console.warn("creating a new, empty archive in " + home + " (database " + file + "); to use another one,"
                    + " set AUPAT_HOME or --aupat.home.");
        }
        if (!alreadyApplied.isEmpty() && alreadyApplied.containsAll(inJar)) {
            // Up to date: Flyway would only confirm it, at the cost of about a second of loading and scanning.
            schema = inJar.stream().max(Comparator.comparing(MigrationVersion::fromVersion)).orElse("0");
        } else {
            try {
                Flyway flyway = Flyway.configure().dataSource(database)
                        .locations(database.dialect().migrationLocations().toArray(String[]::new)).load();
                applied = flyway.migrate().migrationsExecuted;
                MigrationInfo current = flyway.info().current();
                schema = current == null ? "0" : current.getVersion().getVersion();
            } catch (FlywayException e) {
                throw new DatabaseError("the schema migration of " + file + " failed: " + e.getMessage()
                        + (existed ? ". The failed step was rolled back; a backup was made before it." : ""), e);
            }
        }
        String now = clock.timestamp();
        transaction.executeWithoutResult(status -> {
            repository.upsertVersion("database_schema", schema, now);
            repository.upsertVersion("db_migrate", toolVersion(), now);
            ruleVersions.forEach((name, version) -> repository.upsertVersion(name, version, now));
            if (repository.version("prefix_length").isEmpty()) {
                repository.upsertVersion("prefix_length", String.valueOf(prefixLength), now);
            }
        });
        List<String> missing = new ArrayList<>();
        for (String module : expectedModules(ruleVersions)) {
            if (repository.version(module).isEmpty()) {
                missing.add(module);
            }
        }
        if (!missing.isEmpty()) {
            throw new DatabaseError("after migrating, the versions table lacks " + missing + "; run db_migrate again.");
        }
        return new Result(schema, applied, !existed);
    }

    /**
     * Refuses (exit 2, file untouched) a damaged file, a legacy or foreign database, one newer than this jar,
     * or another prefix length. Returns the migrations the database has applied.
     */
    private List<String> refuseWhatWeMustNotTouch(Path file, int prefixLength, List<String> inJar) {
        String integrity = sqliteFiles.integrityCheck(file);
        if (!"ok".equals(integrity)) {
            throw new ValidationError(SETTING, file, "is damaged (SQLite integrity check: " + integrity + "). It was left"
                    + " untouched. Restore the newest good backup from the backups folder, then run db_migrate again.");
        }
        MaintenanceRepository.ExistingDatabase existing = repository.inspect(file);
        if (!existing.tables().isEmpty() && !existing.tables().contains("flyway_schema_history")) {
            throw new ValidationError(SETTING, file, "holds tables " + existing.tables() + " but no AUPAT migration history:"
                    + " it was made by the original Python AUPAT or by another program. It was left untouched. Point"
                    + " aupat.database at a new path and run db_migrate to create a fresh database.");
        }
        List<String> unknown = new ArrayList<>(existing.appliedMigrations());
        unknown.removeAll(inJar);
        if (!unknown.isEmpty()) {
            throw new ValidationError(SETTING, file, "was migrated by a newer AUPAT (schema versions " + unknown
                    + " are unknown to this one). It was left untouched. Use the newer AUPAT.");
        }
        // History says current but tables or columns are gone: migrating would apply nothing, so say so.
        MigratedSchema.requireIntact(file, SETTING);
        existing.prefixLength().filter(recorded -> !recorded.equals(String.valueOf(prefixLength))).ifPresent(recorded -> {
            throw new ConfigurationError("name.json sets prefix_length " + prefixLength + " but this archive was built with "
                    + recorded + ", and one archive keeps one prefix length forever. Set prefix_length back to "
                    + recorded + " in name.json. The database was left untouched.");
        });
        return existing.appliedMigrations();
    }

    /** Versions of the migrations inside this jar, as Flyway writes them ("1", "2", "2.1"). */
    static List<String> jarMigrations() {
        return jarMigrations(SqlDialect.SQLITE);
    }

    static List<String> jarMigrations(SqlDialect dialect) {
        return new ArrayList<>(MigratedSchema.migrations(dialect).keySet());
    }

    private static List<String> expectedModules(Map<String, String> ruleVersions) {
        List<String> modules = new ArrayList<>(List.of("database_schema", "db_migrate", "prefix_length"));
        modules.addAll(ruleVersions.keySet());
        return modules;
    }

    /** The jar's version from its manifest; "development" when run from compiled classes. */
    static String toolVersion() {
        String version = MigrationService.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
