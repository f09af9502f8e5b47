package org.aupat.archive.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.foundation.rollback.FileTransactions;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.SettableClock;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** db_identify on a real migrated database and real folders: which locations it exports, and how. */
class IdentifyServiceTest {
    static final String NEVER = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String CHANGED = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";
    static final String CURRENT = "b81d4e02-55aa-4c3e-8f19-0c6d2e7a4b13";
    static final String NO_FOLDER = "5e9f7a10-3c2b-4d8e-9f01-a2b3c4d5e6f7";

    @TempDir
    Path home;
    JdbcTemplate jdbc;
    ArchiveLayout layout;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
    IdentifyService service;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.migrated(home);
        layout = new ArchiveLayout(Rules.from(home.resolve("rules")), home.resolve("archive"), home.resolve("staging"));
        service = new IdentifyService(new MasterJsonRepository(jdbc), new ObjectMapper(), layout, new ArchiveClock(clock),
                new FileTransactions(home.resolve("journal"), new DiskFileSystem()));
        for (String uuid : new String[] {NEVER, CHANGED, CURRENT}) {
            TestDatabase.location(jdbc, uuid, folder(uuid).toString());
        }
        // loc_update is 2025-01-01 for all: CHANGED was exported before that, CURRENT after it.
        jdbc.update("UPDATE locations SET json_update = '2024-06-01T00:00:00.000Z' WHERE loc_uuid = ?", CHANGED);
        jdbc.update("UPDATE locations SET json_update = '2025-02-01T00:00:00.000Z' WHERE loc_uuid = ?", CURRENT);
    }

    Path folder(String uuid) {
        return home.resolve("archive/ny-industrial/test-mill_" + layout.uuidPrefix("loc", uuid));
    }

    Path masterJson(String uuid) {
        return layout.masterJson(folder(uuid), uuid);
    }

    String column(String column, String uuid) {
        return jdbc.queryForObject("SELECT " + column + " FROM locations WHERE loc_uuid = ?", String.class, uuid);
    }

    @Test
    void onlyStaleLocationsAreExportedAndOnlyJsonUpdateMoves() throws IOException {
        IdentifyService.Result result = service.identify(null, false);

        assertThat(result.written()).containsExactlyInAnyOrder(masterJson(NEVER), masterJson(CHANGED));
        assertThat(result.failed()).isEmpty();
        assertThat(masterJson(CURRENT)).doesNotExist();
        JsonNode json = new ObjectMapper().readTree(masterJson(CHANGED).toFile());
        assertThat(json.at("/location/loc_uuid").asText()).isEqualTo(CHANGED);
        assertThat(json.at("/metadata/export_date").asText()).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(column("json_update", CHANGED)).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(column("loc_update", CHANGED)).as("untouched").isEqualTo("2025-01-01T00:00:00.000Z");
        assertThat(column("json_update", CURRENT)).isEqualTo("2025-02-01T00:00:00.000Z");
        assertThat(ArchiveInvariants.files(home.resolve("archive"))).as("no temporary or backup file left")
                .containsExactlyInAnyOrder(masterJson(NEVER), masterJson(CHANGED));
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void aSecondRunIsANoOpUntilSomethingChanges() {
        service.identify(null, false);
        String first = ArchiveInvariants.sha256(masterJson(NEVER));
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));

        assertThat(service.identify(null, false).written()).isEmpty();
        assertThat(ArchiveInvariants.sha256(masterJson(NEVER))).isEqualTo(first);
        assertThat(column("json_update", NEVER)).isEqualTo("2026-11-24T12:00:00.000Z");

        jdbc.update("UPDATE locations SET loc_update = '2026-11-25T00:00:00.000Z' WHERE loc_uuid = ?", NEVER);
        assertThat(service.identify(null, false).written()).containsExactly(masterJson(NEVER));
    }

    @Test
    void aLocationWithoutAFolderFailsAloneAndTheOthersAreWritten() {
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type, loc_add, loc_update) VALUES"
                + " (?, 'No Folder', 'ny', 'industrial', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')", NO_FOLDER);

        IdentifyService.Result result = service.identify(null, false);

        assertThat(result.failed()).containsOnlyKeys(NO_FOLDER);
        assertThat(result.failed().get(NO_FOLDER)).contains("db_folder");
        assertThat(result.written()).containsExactlyInAnyOrder(masterJson(NEVER), masterJson(CHANGED));
        assertThat(column("json_update", NO_FOLDER)).isNull();
    }

    @Test
    void allAndOneLocationForceAnExport() {
        assertThat(service.identify(null, true).written()).hasSize(3);
        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(service.identify(CURRENT, false).written()).containsExactly(masterJson(CURRENT));
        assertThat(column("json_update", CURRENT)).isEqualTo("2026-11-25T12:00:00.000Z");
        assertThat(ArchiveInvariants.files(home.resolve("archive"))).as("the replaced export left no backup behind")
                .containsExactlyInAnyOrder(masterJson(NEVER), masterJson(CHANGED), masterJson(CURRENT));
        assertThat(masterJson(CURRENT)).content().contains("2026-11-25T12:00:00.000Z");
        assertThatThrownBy(() -> service.identify(NO_FOLDER, false)).isInstanceOf(ValidationError.class)
                .hasMessageContaining(NO_FOLDER);
    }
}
