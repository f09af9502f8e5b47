package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.PreflightError;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratedSchemaTest {
    @TempDir
    Path dir;

    private Path migrated() throws Exception {
        Path file = dir.resolve("aupat.db");
        try (SqliteDatabase db = new SqliteDatabase(file, "aupat.database")) {
            Flyway.configure().dataSource(db).locations(MigratedSchema.LOCATIONS).load().migrate();
        }
        return file;
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    @Test
    void aDatabaseAsItsMigrationsMadeItPassesAndStillOpens() throws Exception {
        Path file = migrated();
        MigratedSchema.requireIntact(file, "aupat.database");
        try (SqliteDatabase db = new SqliteDatabase(file, "aupat.database"); var c = db.getConnection()) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    @Test
    void missingOrAlteredTablesAndColumnsAreNamedAndTheDatabaseIsNotOpened() throws Exception {
        Path file = migrated();
        sql(file, "DROP TABLE urls", "ALTER TABLE images DROP COLUMN img_gps_lat",
                "ALTER TABLE videos RENAME COLUMN vid_codec TO codec", "DROP INDEX idx_images_verified");
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> MigratedSchema.requireIntact(file, "aupat.database")).isInstanceOf(PreflightError.class)
                .hasMessageContaining(file + " (aupat.database) is damaged")
                .hasMessageContaining("table urls is missing, ")
                .hasMessageContaining("column images.img_gps_lat is missing")
                .hasMessageContaining("column videos.vid_codec is missing")
                .hasMessageContaining("index idx_images_verified is missing")
                .hasMessageNotContaining("column urls.").hasMessageNotContaining("idx_urls")
                .hasMessageContaining("Restore the newest good backup")
                .satisfies(e -> assertThat(((PreflightError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT));
        try (SqliteDatabase db = new SqliteDatabase(file, "aupat.database")) {
            assertThatThrownBy(db::getConnection).isInstanceOf(PreflightError.class).hasMessageContaining("is damaged");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void aColumnOfAnotherTypeIsAltered() throws Exception {
        Path file = migrated();
        sql(file, "ALTER TABLE versions RENAME TO versions_old",
                "CREATE TABLE versions (modules TEXT PRIMARY KEY, version INTEGER, ver_updated TEXT NOT NULL)");
        assertThatThrownBy(() -> MigratedSchema.requireIntact(file, "aupat.database"))
                .hasMessageContaining("column versions.version is altered (INTEGER instead of TEXT NOT NULL)");
    }

    @Test
    void aFileWithoutHistoryOrWithANewerHistoryIsLeftToDbMigrate() throws Exception {
        Path bare = dir.resolve("bare.db");
        sql(bare, "CREATE TABLE notes (x TEXT)");
        MigratedSchema.requireIntact(bare, "aupat.database");
        Path file = migrated();
        sql(file, "DROP TABLE urls", "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'future', 'SQL', 'V99__f.sql', 1, 'x', 1, 1)");
        MigratedSchema.requireIntact(file, "aupat.database");
    }
}
