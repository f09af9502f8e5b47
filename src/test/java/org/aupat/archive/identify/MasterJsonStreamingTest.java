package org.aupat.archive.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aupat.archive.identify.MasterJsonRepository.Section;
import org.aupat.foundation.config.DatabaseAddress;
import org.aupat.foundation.config.DatabaseCredentials;
import org.aupat.foundation.db.LoggingTransactionManager;
import org.aupat.foundation.db.PostgresDatabase;
import org.aupat.foundation.db.SqlDialect;
import org.aupat.testing.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * On PostgreSQL the master JSON's rows come from the server through a cursor, a fetch at a time, as SQLite
 * steps them: the driver would otherwise read every image of the location into memory before the first one
 * is written (1 GB at 100,000 files). While the first row is being written, the images query is still an open
 * cursor of the session, with rows left to fetch; a query read whole is closed by then.
 */
class MasterJsonStreamingTest {
    static final String LOC = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";
    static final int IMAGES = 3 * 1000;

    /**
     * Transactions as the application has them (no @Configuration: the application's component scan would
     * find it beside its own).
     */
    @EnableTransactionManagement(proxyTargetClass = true)
    static class Transactions {
    }

    @Test
    void theImagesOfALocationAreReadThroughACursorNotAllAtOnce() throws Exception {
        LocalPostgres server = LocalPostgres.server();
        String url = server.url(server.newDatabase());
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            // The repository as the application has it: a proxy whose read-only transactions the app's manager runs.
            context.register(Transactions.class);
            context.registerBean(PostgresDatabase.class, () -> new PostgresDatabase(
                    (DatabaseAddress.PostgresServer) DatabaseAddress.parse(url), new DatabaseCredentials(LocalPostgres.USER,
                    "", Map.of("AUPAT_DATABASE_PASSWORD", LocalPostgres.PASSWORD))));
            context.registerBean(LoggingTransactionManager.class, () -> new LoggingTransactionManager(
                    context.getBean(PostgresDatabase.class)));
            context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(context.getBean(PostgresDatabase.class)));
            context.registerBean(MasterJsonRepository.class, () -> new MasterJsonRepository(context.getBean(JdbcTemplate.class)));
            context.refresh();
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Flyway.configure().dataSource(context.getBean(PostgresDatabase.class))
                    .locations(SqlDialect.POSTGRESQL.migrationLocations().toArray(String[]::new)).load().migrate();
            jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type, loc_loc, loc_add, loc_update) VALUES (?,"
                    + " 'Test Mill', 'ny', 'industrial', '/archive/mill', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')", LOC);
            jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, img_add) SELECT lpad(to_hex(n), 64, '0'),"
                    + " 'n' || n || '.jpg', '/archive/mill/n' || n || '.jpg', ?, '2025-01-01T00:00:00.000Z'"
                    + " FROM generate_series(1, ?) AS n", LOC, IMAGES);
            MasterJsonRepository repository = context.getBean(MasterJsonRepository.class);
            List<Integer> openCursors = new ArrayList<>();
            List<String> written = new ArrayList<>();

            repository.rows(Section.IMAGES, LOC, columns -> {
                if (written.isEmpty()) {
                    // The same connection: the transaction the repository's read runs in.
                    openCursors.add(jdbc.queryForObject("SELECT count(*) FROM pg_cursors WHERE statement LIKE"
                            + " 'SELECT * FROM images WHERE loc_uuid%'", Integer.class));
                }
                written.add((String) columns.stream().filter(c -> c.name().equals("img_sha256")).findFirst()
                        .orElseThrow().value());
            });

            assertThat(openCursors).containsExactly(1);
            assertThat(written).hasSize(IMAGES).doesNotHaveDuplicates().isSorted();
        }
    }
}
