package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations' layout (docs/postgresql.md): shared ones in db/migration, the others once per database in
 * db/vendor/&lt;vendor&gt;. Moving SQLite's files there must not change a byte of them: Flyway validates every
 * existing archive against the checksums it recorded when it migrated it.
 */
class MigrationLayoutTest {
    /** The checksums Flyway recorded for a database migrated before the move (every file in db/migration). */
    private static final Map<String, Integer> RECORDED_BEFORE_THE_MOVE = Map.ofEntries(
            Map.entry("1", -1054780148), Map.entry("2", -781906291), Map.entry("3", 132873501),
            Map.entry("4", 842943886), Map.entry("5", -390319927), Map.entry("7", 687362837),
            Map.entry("8", 1211258426), Map.entry("9", -1985660388), Map.entry("10", 836099538),
            Map.entry("11", -1926323162), Map.entry("12", 1401069), Map.entry("14", -592688163));

    @TempDir
    Path dir;

    @Test
    void sqliteMigratedByTheNewLayoutRecordsTheChecksumsOfTheOldSoExistingArchivesStillValidate() throws Exception {
        Path file = dir.resolve("aupat.db");
        try (SqliteDatabase db = new SqliteDatabase(file, "aupat.database")) {
            Flyway flyway = Flyway.configure().dataSource(db).locations(MigratedSchema.LOCATIONS).load();
            flyway.migrate();
            Map<String, Integer> recorded = new LinkedHashMap<>();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT version, checksum FROM flyway_schema_history WHERE version"
                            + " IS NOT NULL")) {
                while (rs.next()) {
                    recorded.put(rs.getString(1), rs.getInt(2));
                }
            }
            // Versions added after the move are new to every archive: only the old ones must match.
            RECORDED_BEFORE_THE_MOVE.forEach((version, checksum) ->
                    assertThat(recorded.get(version)).as("V" + version).isEqualTo(checksum));
            assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        }
    }

    @Test
    void sqliteAndPostgresqlHaveTheSameVersionsAndNoneTwice() {
        // migrations() refuses a version found twice for one database (in db/migration and a vendor folder).
        Map<String, ?> sqlite = MigratedSchema.migrations(SqlDialect.SQLITE);
        Map<String, ?> postgres = MigratedSchema.migrations(SqlDialect.POSTGRESQL);
        assertThat(postgres.keySet()).containsExactlyElementsOf(sqlite.keySet()).containsAll(RECORDED_BEFORE_THE_MOVE.keySet());
    }
}
