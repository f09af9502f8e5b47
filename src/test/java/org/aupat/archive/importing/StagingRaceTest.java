package org.aupat.archive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.aupat.archive.finding.SightingRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.config.DatabaseAddress;
import org.aupat.foundation.config.DatabaseCredentials;
import org.aupat.foundation.db.MigratedSchema;
import org.aupat.foundation.db.PostgresDatabase;
import org.aupat.foundation.db.SqlDialect;
import org.aupat.testing.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two importers on two machines stage the same file into one PostgreSQL archive at the same moment: both found
 * no row for its bytes, both copied it, both record it. The unique SHA-256 decides inside the transactions:
 * the second waits for the first, writes nothing, records a duplicate sighting and hears that it lost, so it
 * can remove its copy. Nothing fails and the file is in the archive once.
 */
class StagingRaceTest {
    static final String SHA = "ab".repeat(32);
    static final String LOCATION = "0d9c1b5e-8a3f-4c2e-9b1d-7e6f5a4b3c2d";
    LocalPostgres server;
    String database;
    PostgresDatabase postgres;
    JdbcTemplate jdbc;
    StagingLedger ledger;
    TransactionTemplate transactions;

    @BeforeEach
    void aMigratedArchiveWithOneLocation() {
        server = LocalPostgres.server();
        database = server.newDatabase();
        postgres = new PostgresDatabase((DatabaseAddress.PostgresServer) DatabaseAddress.parse(server.url(database)),
                new DatabaseCredentials(LocalPostgres.USER, "", Map.of("AUPAT_DATABASE_PASSWORD", LocalPostgres.PASSWORD)));
        Flyway.configure().dataSource(postgres).locations(SqlDialect.POSTGRESQL.migrationLocations().toArray(String[]::new))
                .load().migrate();
        jdbc = new JdbcTemplate(postgres);
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES (?, 'Mill', 'ny', 'industrial')",
                LOCATION);
        ledger = new StagingLedger(new MediaRepository(jdbc, SqlDialect.POSTGRESQL), new SightingRepository(jdbc));
        transactions = new TransactionTemplate(new JdbcTransactionManager(postgres));
        assertThat(MigratedSchema.migrations(SqlDialect.POSTGRESQL)).isNotEmpty();
    }

    @AfterEach
    void close() {
        postgres.close();
    }

    static Staged staged(String machine) {
        return new Staged(MediaType.IMAGE, SHA, "mill-" + machine + ".jpg", "/staging/" + machine + "/mill.jpg", LOCATION,
                null, "/media/" + machine + "/DCIM", "IMG_0001.JPG", machine, "jpg", false, null,
                "2024-01-01T00:00:00.000Z", 1234);
    }

    @Test
    void theSecondOfTwoSimultaneousImportersRecordsADuplicateAndIsToldItLost() throws Exception {
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        CompletableFuture<List<StagingLedger.Lost>> first = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> {
                    List<StagingLedger.Lost> lost = ledger.record(List.of(staged("a")), List.of(), "2024-01-02T00:00:00.000Z",
                            null, Map.of());
                    firstInserted.countDown();
                    await(secondWaiting);
                    return lost;
                }));
        await(firstInserted);
        CompletableFuture<List<StagingLedger.Lost>> second = CompletableFuture.supplyAsync(() ->
                transactions.execute(status -> ledger.record(List.of(staged("b")), List.of(), "2024-01-02T00:00:01.000Z",
                        null, Map.of())));
        // The second insert waits on the first's uncommitted row with the same SHA-256.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (waitingOnALock() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(waitingOnALock()).as("the second importer waits for the first").isEqualTo(1);
        secondWaiting.countDown();

        assertThat(first.get(20, TimeUnit.SECONDS)).isEmpty();
        List<StagingLedger.Lost> lost = second.get(20, TimeUnit.SECONDS);
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).owner()).isEqualTo(LOCATION);
        assertThat(lost.get(0).ownerPath()).isEqualTo("/staging/a/mill.jpg");
        assertThat(jdbc.queryForList("SELECT img_loc FROM images", String.class)).containsExactly("/staging/a/mill.jpg");
        assertThat(jdbc.queryForList("SELECT orig_folder || '/' || orig_name || ' ' || imp_author FROM duplicate_sightings",
                String.class)).containsExactly("/media/b/DCIM/IMG_0001.JPG b");
        assertThat(jdbc.queryForObject("SELECT files FROM location_totals WHERE media_type = 'img'", Integer.class))
                .isEqualTo(1);
    }

    private int waitingOnALock() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock'", Integer.class);
        return n == null ? 0 : n;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
