package org.aupat.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;

class MigrationServiceTest extends FixtureTest {

    @Test
    void createsTheSchemaAndRecordsEveryComponent() {
        MigrationService.Result result = f.migrate();

        assertThat(result.created()).isTrue();
        assertThat(result.schemaVersion()).isEqualTo(MigrationService.jarMigrations().get(MigrationService.jarMigrations().size() - 1));
        assertThat(result.migrationsApplied()).isEqualTo(MigrationService.jarMigrations().size());
        Map<String, String> versions = versions();
        assertThat(versions).containsEntry("database_schema", result.schemaVersion())
                .containsEntry("prefix_length", "12").containsKey("name.json").containsKey("camera_hardware.json")
                .containsKey("db_migrate");
        assertThat(f.jdbc.queryForObject("SELECT ver_updated FROM versions WHERE modules = 'db_migrate'", String.class))
                .isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(f.jdbc.queryForList("SELECT name FROM sqlite_master WHERE type = 'table'", String.class))
                .contains("locations", "sub_locations", "images", "videos", "documents", "urls", "versions");
        assertThat(home.resolve("backups")).doesNotExist();
    }

    @Test
    void aSecondRunChangesNothingButVerUpdatedAndBacksUpFirst() throws Exception {
        f.migrate();
        f.jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES"
                + " ('0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6', 'Cafe', 'ny', 'commercial')");
        String schemaBefore = f.jdbc.queryForList("SELECT sql FROM sqlite_master ORDER BY name", String.class).toString();
        List<Map<String, Object>> historyBefore = f.jdbc.queryForList("SELECT * FROM flyway_schema_history");
        Map<String, String> versionsBefore = versions();

        f.clock.advanceSeconds(60);
        MigrationService.Result second = f.migrate();

        assertThat(second.migrationsApplied()).isZero();
        assertThat(second.created()).isFalse();
        assertThat(f.jdbc.queryForList("SELECT sql FROM sqlite_master ORDER BY name", String.class).toString()).isEqualTo(schemaBefore);
        assertThat(f.jdbc.queryForList("SELECT * FROM flyway_schema_history")).isEqualTo(historyBefore);
        Map<String, String> versionsAfter = versions();
        assertThat(versionsAfter.remove("backup")).as("the backup made first records itself").isEqualTo(BackupService.VERSION);
        assertThat(versionsAfter).isEqualTo(versionsBefore);
        assertThat(f.jdbc.queryForObject("SELECT ver_updated FROM versions WHERE modules = 'db_migrate'", String.class))
                .isEqualTo("2026-11-24T12:01:00.000Z");
        assertThat(f.jdbc.queryForObject("SELECT count(*) FROM locations", Integer.class)).isOne();
        try (var files = Files.list(home.resolve("backups"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".db")).count()).isEqualTo(1);
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedUntouched() throws Exception {
        Path db = f.properties.databaseFile();
        Files.createDirectories(db.getParent());
        Files.writeString(db, "my tax notes, not a database", StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(db);

        assertThatThrownBy(() -> f.migrate()).isInstanceOf(ValidationError.class)
                .hasMessageContaining("not an SQLite database").hasMessageContaining("untouched");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(home.resolve("backups")).doesNotExist();
    }

    @Test
    void aCorruptDatabaseIsRefusedUntouched() throws Exception {
        f.migrate();
        f.close();
        Path db = f.properties.databaseFile();
        byte[] bytes = Files.readAllBytes(db);
        for (int i = 100; i < bytes.length; i += 7) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(db, bytes);

        assertThatThrownBy(() -> new Fixture(home).migrate()).isInstanceOf(ValidationError.class)
                .hasMessageContaining("damaged").hasMessageContaining("untouched");

        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
    }

    @Test
    void aDatabaseFromANewerAupatIsRefusedUntouched() throws Exception {
        f.migrate();
        f.jdbc.update("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 1, 'x', 1, 1)");
        f.close();
        byte[] before = Files.readAllBytes(f.properties.databaseFile());

        assertThatThrownBy(() -> new Fixture(home).migrate()).isInstanceOf(ValidationError.class)
                .hasMessageContaining("newer AUPAT").hasMessageContaining("[99]");

        assertThat(Files.readAllBytes(f.properties.databaseFile())).isEqualTo(before);
    }

    @Test
    void aDatabaseOfTheOriginalPythonToolIsRefusedUntouched() throws Exception {
        Path db = f.properties.databaseFile();
        Files.createDirectories(db.getParent());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE locations (loc_uuid TEXT PRIMARY KEY, loc_name TEXT NOT NULL)");
            st.execute("CREATE TABLE versions (modules TEXT PRIMARY KEY, version TEXT NOT NULL, ver_updated TEXT NOT NULL)");
        }
        byte[] before = Files.readAllBytes(db);

        assertThatThrownBy(() -> f.migrate()).isInstanceOf(ValidationError.class)
                .hasMessageContaining("original Python AUPAT").hasMessageContaining("[locations, versions]");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(home.resolve("backups")).doesNotExist();
    }

    @Test
    void anotherPrefixLengthThanTheRecordedOneIsRefused() throws Exception {
        f.migrate();
        f.close();
        Files.createDirectories(home.resolve("rules"));
        Files.writeString(home.resolve("rules/name.json"), Files.readString(Path.of("config/rules/name.json"))
                .replaceFirst("\"prefix_length\"\\s*:\\s*12", "\"prefix_length\": 8"));
        byte[] before = Files.readAllBytes(f.properties.databaseFile());

        assertThatThrownBy(() -> new Fixture(home).migrate()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("prefix_length 8").hasMessageContaining("built with 12");

        assertThat(Files.readAllBytes(f.properties.databaseFile())).isEqualTo(before);
    }

    @Test
    void aFailingBackupStopsTheMigrationBeforeAnyChange() throws Exception {
        f.migrate();
        f.close();
        Files.writeString(home.resolve("backups"), "a file where the backups folder should be");
        byte[] before = Files.readAllBytes(f.properties.databaseFile());

        assertThatThrownBy(() -> new Fixture(home).migrate())
                .isInstanceOf(org.aupat.foundation.error.BackupError.class);

        assertThat(Files.readAllBytes(f.properties.databaseFile())).isEqualTo(before);
    }

    private Map<String, String> versions() {
        Map<String, String> versions = new java.util.TreeMap<>();
        f.jdbc.query("SELECT modules, version FROM versions", rs -> {
            versions.put(rs.getString(1), rs.getString(2));
        });
        return versions;
    }

    @Test
    void aDatabaseMissingTablesItsHistoryPromisesIsNamedDamagedNotReportedUpToDate() throws Exception {
        f.migrate();
        f.jdbc.execute("DROP TABLE sub_locations");
        f.close();
        byte[] before = Files.readAllBytes(f.properties.databaseFile());

        assertThatThrownBy(() -> new Fixture(home).migration.check())
                .isInstanceOf(org.aupat.foundation.error.PreflightError.class)
                .hasMessageContaining("is damaged").hasMessageContaining("table sub_locations is missing")
                .hasMessageContaining("Restore the newest good backup");

        assertThat(Files.readAllBytes(f.properties.databaseFile())).isEqualTo(before);
    }
}
