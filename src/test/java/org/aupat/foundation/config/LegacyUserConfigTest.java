package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
    void aFolderDbLocWithoutDbNameIsAnErrorNamingDbName() {
        assertThatThrownBy(() -> read(completeWith("\"db_loc\": \"/srv/aupat/db\"")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("'db_name'").hasMessageContaining("is missing");
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
    void aKeyAndItsAliasThatDisagreeAreRefused() {
        assertThatThrownBy(() -> read(completeWith("\"db_loc\": \"/a/aupat.db\", \"db_path\": \"/b/aupat.db\"")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("'db_loc' and 'db_path' give different paths");
    }

    @Test
    void theTemplatesPlaceholderIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read("""
                {"db_name": "aupat.db", "db_loc": "/srv/aupat.db", "db_backup": "/srv/backups",
                 "db_ingest": "/srv/staging", "arch_loc": "/absolute/path/to/archive/"}"""))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("'arch_loc'").hasMessageContaining("template placeholder /absolute/path/to/archive/");
    }

    @Test
    void aMissingKeyIsAnErrorNamingItAndItsAlias() {
        assertThatThrownBy(() -> read("""
                {"db_name": "aupat.db", "db_loc": "/srv/aupat.db", "db_backup": "/srv/backups", "arch_loc": "/srv/archive"}"""))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("'db_ingest' (or its later name 'staging_path') is missing");
    }

    @Test
    void aRelativePathIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read("""
                {"db_name": "aupat.db", "db_loc": "/srv/aupat.db", "db_backup": "backups/",
                 "db_ingest": "/srv/staging", "arch_loc": "/srv/archive"}"""))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("'db_backup'").hasMessageContaining("relative path");
    }

    @Test
    void aPathThatIsNotTextIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> read(completeWith("\"db_loc\": 42")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("'db_loc' must be a non-empty text");
    }

    @Test
    void invalidJsonIsAnErrorNamingTheFileAndTheLine() throws IOException {
        Path file = userJson("{\n  \"db_name\": \"aupat.db\",\n  \"db_loc\": \"/srv/aupat.db\"\n  \"db_backup\": \"/srv/b\"\n}");
        assertThatThrownBy(() -> LegacyUserConfig.read(file))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("is not valid JSON (line 4");
    }

    @Test
    void aDuplicatedKeyIsInvalidJsonRatherThanALastOneWins() throws IOException {
        Path file = userJson(completeWith("\"db_loc\": \"/a/aupat.db\", \"db_loc\": \"/b/aupat.db\""));
        assertThatThrownBy(() -> LegacyUserConfig.read(file))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("Duplicate field 'db_loc'");
    }

    @Test
    void jsonThatIsNotAnObjectIsRefused() throws IOException {
        Path file = userJson("[\"/srv/aupat.db\"]");
        assertThatThrownBy(() -> LegacyUserConfig.read(file))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("must hold one JSON object");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("nope/user.json");
        assertThatThrownBy(() -> LegacyUserConfig.read(missing))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorNamingIt() {
        assertThatThrownBy(() -> LegacyUserConfig.read(dir))
                .isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("cannot read " + dir).hasMessageContaining("readable");
    }

    /** A valid user.json apart from the database keys, which the test gives. */
    private static String completeWith(String databaseKeys) {
        return "{" + databaseKeys + ", \"db_backup\": \"/srv/aupat/backups\", \"db_ingest\": \"/srv/aupat/staging\","
                + " \"arch_loc\": \"/srv/aupat/archive\"}";
    }
}
