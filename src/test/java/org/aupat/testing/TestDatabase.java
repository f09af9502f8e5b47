package org.aupat.testing;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A real SQLite file in a temp folder with AUPAT's migrations applied, for repository and service tests. */
public final class TestDatabase {
    private TestDatabase() {
    }

    public static JdbcTemplate migrated(Path folder) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + folder.resolve("test.db"));
        Flyway.configure().dataSource(dataSource).locations(org.aupat.foundation.db.MigratedSchema.LOCATIONS).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** Inserts a location with the given uuid and an archive folder. */
    public static void location(JdbcTemplate jdbc, String uuid, String folder) {
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type, loc_loc, loc_add, loc_update)"
                + " VALUES (?, 'Test Mill', 'ny', 'industrial', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')",
                uuid, folder);
    }
}
