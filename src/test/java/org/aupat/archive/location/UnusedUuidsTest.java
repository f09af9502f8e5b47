package org.aupat.archive.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.error.AupatError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class UnusedUuidsTest {
    static final String TAKEN = "0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6";
    static final String SAME_PREFIX = "0c6d2e7a-4b13-4fff-8fff-ffffffffffff";
    static final String FREE = "11111111-2222-4333-8444-555555555555";
    @TempDir
    Path home;
    SqliteDatabase database;
    AupatProperties properties;

    /** Hands out the given uuids in order, so that collisions can be staged. */
    static final class Scripted extends UuidGenerator {
        final Deque<String> next;

        Scripted(List<String> uuids) {
            this.next = new ArrayDeque<>(uuids);
        }

        @Override
        public String newUuid() {
            return next.isEmpty() ? SAME_PREFIX : next.pop();
        }
    }

    @BeforeEach
    void setUp() {
        properties = new AupatProperties(home.resolve("data/aupat.db"), home.resolve("data/cp.db"), home.resolve("s"),
                home.resolve("a"), home.resolve("b"), home.resolve("l"), home.resolve("rules"), "exiftool", "ffprobe");
        database = new SqliteDatabase(properties.databaseFile(), "aupat.database");
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    UnusedUuids uuids(List<String> scripted) {
        return new UnusedUuids(new Scripted(scripted), new LocationIdRepository(new JdbcTemplate(database)), database,
                Rules.from(properties.rules()));
    }

    void createTables(String table, String column) {
        JdbcTemplate jdbc = new JdbcTemplate(database);
        for (String t : List.of("locations (loc_uuid TEXT)", "sub_locations (sub_uuid TEXT)", "urls (url_uuid TEXT)")) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS " + t);
        }
        jdbc.update("INSERT INTO " + table + " (" + column + ") VALUES (?)", TAKEN);
    }

    @Test
    void withoutADatabaseAnyUuidIsFreeAndNoFileIsCreated() {
        assertThat(uuids(List.of(TAKEN)).next()).isEqualTo(TAKEN);
        assertThat(properties.databaseFile()).doesNotExist();
    }

    @Test
    void aPrefixUsedByALocationSubLocationOrUrlIsSkipped() {
        for (String[] t : new String[][] {{"locations", "loc_uuid"}, {"sub_locations", "sub_uuid"}, {"urls", "url_uuid"}}) {
            new JdbcTemplate(database).execute("DROP TABLE IF EXISTS locations");
            new JdbcTemplate(database).execute("DROP TABLE IF EXISTS sub_locations");
            new JdbcTemplate(database).execute("DROP TABLE IF EXISTS urls");
            createTables(t[0], t[1]);
            assertThat(uuids(List.of(SAME_PREFIX, FREE)).next()).as(t[0]).isEqualTo(FREE);
        }
    }

    @Test
    void onlyTheFirstTwelveCharactersWithoutHyphensAreCompared() {
        createTables("locations", "loc_uuid");
        String differentAt13 = "0c6d2e7a-4b13-5c5d-8e9f-a1b2c3d4e5f6";
        assertThat(UnusedUuids.prefix(differentAt13, 12)).isEqualTo("0c6d2e7a4b13");
        assertThat(uuids(List.of("0c6d2e7a-4b12-4c5d-8e9f-a1b2c3d4e5f6")).next()).startsWith("0c6d2e7a-4b12");
        assertThat(uuids(List.of(differentAt13, FREE)).next()).isEqualTo(FREE);
    }

    @Test
    void givesUpAfterOneHundredCollisions() {
        createTables("locations", "loc_uuid");
        assertThatThrownBy(() -> uuids(List.of()).next()).isInstanceOf(AupatError.class).hasMessageContaining("100 tries");
    }
}
