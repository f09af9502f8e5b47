package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractThrowableAssert;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyUserConfigTest {
    @TempDir
    Path dir;

    private Path userJson(String json) throws IOException {
        return Files.writeString(dir.resolve("user.json"), json);
    }

    private LegacyUserConfig.Mapped read(String json) throws IOException {
        return LegacyUserConfig.read(userJson(json));
    }

    @Test
    void theFiveOriginalKeysMapOntoTheSettings() throws IOException {
        LegacyUserConfig.Mapped m = read("""
                {"db_name": "aupat.db", "db_loc": "/srv/aupat/db/aupat.db", "db_backup": "/srv/aupat/backups/",
                 "db_ingest": "/srv/aupat/ingest/staging/", "arch_loc": "/srv/aupat/archive/"}""");
        assertThat(m.properties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "aupat.database", "/srv/aupat/db/aupat.db",
                "aupat.backups", "/srv/aupat/backups",
                "aupat.staging", "/srv/aupat/ingest/staging",
                "aupat.archive", "/srv/aupat/archive"));
        assertThat(m.interpretation()).contains("ends in .db, so it is the database file");
    }

    @Test
    void dbLocNamingAnExistingFileWithoutDbEndingIsTheDatabaseFile() throws IOException {
        Path existing = Files.writeString(dir.resolve("archive.sqlite"), "");
        LegacyUserConfig.Mapped m = read(completeWith("\"db_name\": \"aupat.db\", \"db_loc\": \"" + existing + "\""));
        assertThat(m.properties()).containsEntry("aupat.database", existing.toString());
        assertThat(m.interpretation()).contains("is an existing file, so it is the database file");
    }

    @Test
    void dbLocNamingAFolderHoldsTheDatabaseCalledDbName() throws IOException {
        LegacyUserConfig.Mapped m = read(completeWith("\"db_name\": \"mine.db\", \"db_loc\": \"/srv/aupat/db/\""));
        assertThat(m.properties()).containsEntry("aupat.database", "/srv/aupat/db/mine.db");
        assertThat(m.interpretation()).contains("is a folder, so the database is /srv/aupat/db/mine.db");
    }

    @Test
    void aFolderDbLocWithoutDbNameIsAnErrorNamingDbName() throws IOException {
        refused(completeWith("\"db_loc\": \"/srv/aupat/db\""))
                .hasMessageContaining("'db_name'").hasMessageContaining("is missing");
    }

    @Test
    void theLaterKeyNamesAreAcceptedAsAliases() throws IOException {
        LegacyUserConfig.Mapped m = read("""
                {"db_path": "/data/aupat.db", "db_backup": "/data/backups", "staging_path": "/data/staging",
                 "archive_path": "/photos/archive", "immich_url": "http://localhost:2283"}""");
        assertThat(m.properties()).containsEntry("aupat.database", "/data/aupat.db")
                .containsEntry("aupat.staging", "/data/staging").containsEntry("aupat.archive", "/photos/archive");
    }

    @Test
    void aKeyAndItsAliasThatDisagreeAreRefused() throws IOException {
        refused(completeWith("\"db_loc\": \"/a/aupat.db\", \"db_path\": \"/b/aupat.db\""))
                .hasMessageContaining("'db_loc' and 'db_path' give different paths");
    }

    @Test
    void theTemplatesPlaceholderIsAnErrorNamingTheKey() throws IOException {
        refused(originalWith("arch_loc", "/absolute/path/to/archive/"))
                .hasMessageContaining("'arch_loc'").hasMessageContaining("template placeholder /absolute/path/to/archive/");
    }

    @Test
    void aMissingKeyIsAnErrorNamingItAndItsAlias() throws IOException {
        refused(originalWith("db_ingest", null))
                .hasMessageContaining("'db_ingest' (or its later name 'staging_path') is missing");
    }

    @Test
    void aRelativePathIsAnErrorNamingTheKey() throws IOException {
        refused(originalWith("db_backup", "backups/"))
                .hasMessageContaining("'db_backup'").hasMessageContaining("relative path");
    }

    @Test
    void aPathThatIsNotTextIsAnErrorNamingTheKey() throws IOException {
        refused(completeWith("\"db_loc\": 42")).hasMessageContaining("'db_loc' must be a non-empty text");
    }

    @Test
    void invalidJsonIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = userJson("{\n  \"db_name\": \"aupat.db\",\n  \"db_loc\": \"/srv/aupat.db\"\n  \"db_backup\": \"/srv/b\"\n}");
        refused(file).hasMessageContaining(file.toString()).hasMessageContaining("is not valid JSON (line 4");
    }

    @Test
    void aDuplicatedKeyIsInvalidJsonRatherThanALastOneWins() throws IOException {
        refused(completeWith("\"db_loc\": \"/a/aupat.db\", \"db_loc\": \"/b/aupat.db\""))
                .hasMessageContaining("Duplicate field 'db_loc'");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws IOException {
        refused("[\"/srv/aupat.db\"]").hasMessageContaining("must hold one JSON object");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope/user.json");
        refused(missing).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aFolderIsAnErrorNamingIt() {
        refused(dir).hasMessageContaining(dir + " is not a regular file");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String json) throws IOException {
        return refused(userJson(json));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Path file) {
        return assertThatThrownBy(() -> LegacyUserConfig.read(file)).isInstanceOf(ConfigurationError.class);
    }

    /** A valid user.json with the five original keys, one of them changed (or removed when value is null). */
    private static String originalWith(String key, String value) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>(Map.of("db_name", "aupat.db", "db_loc", "/srv/aupat.db",
                "db_backup", "/srv/backups", "db_ingest", "/srv/staging", "arch_loc", "/srv/archive"));
        keys.put(key, value);
        keys.values().removeIf(Objects::isNull);
        return new ObjectMapper().writeValueAsString(keys);
    }

    /** A valid user.json apart from the database keys, which the test gives. */
    private static String completeWith(String databaseKeys) {
        return "{" + databaseKeys + ", \"db_backup\": \"/srv/aupat/backups\", \"db_ingest\": \"/srv/aupat/staging\","
                + " \"arch_loc\": \"/srv/aupat/archive\"}";
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aHostileFileIsRefusedInOneLineNamingItWithoutReadingItWhole() throws Exception {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100_000) + "]".repeat(100_000));
        Path huge = Files.writeString(dir.resolve("huge.json"), "{\"db_loc\": \"/" + "x".repeat(10_000_000) + "\"}");
        Path longPath = Files.writeString(dir.resolve("long.json"), completeWith("\"db_loc\": \"/" + "x".repeat(20_000) + "\""));
        Path fifo = dir.resolve("fifo.json");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path hostile : new Path[] {deep, huge, longPath, fifo, Path.of("/dev/zero"), dir}) {
            assertThatThrownBy(() -> LegacyUserConfig.read(hostile)).isInstanceOf(ConfigurationError.class)
                    .hasMessageContaining(hostile.toAbsolutePath().toString())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(400));
        }
    }
}
