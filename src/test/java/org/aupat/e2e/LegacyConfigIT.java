package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --config=user.json through the real jar: the original tool's settings, checked before any script runs. */
class LegacyConfigIT {
    @TempDir
    Path home;

    private Path userJson(String archive) throws Exception {
        return Files.writeString(home.resolve("user.json"), """
                {"db_name": "aupat.db", "db_loc": "%1$s/db", "db_backup": "%1$s/backups",
                 "db_ingest": "%1$s/ingest", "arch_loc": "%2$s"}""".formatted(home, archive));
    }

    @Test
    void aTemplatePlaceholderStopsTheRunNamingTheKey() throws Exception {
        userJson("/absolute/path/to/archive/");
        JarRunner.Result r = new JarRunner(home).run("--script=gen_uuid", "--config=user.json");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("user.json key 'arch_loc'").contains("placeholder").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aGoodUserJsonIsUsedAndItsReadingOfDbLocIsLogged() throws Exception {
        userJson(home + "/archive");
        JarRunner.Result r = new JarRunner(home).run("--script=gen_uuid", "--config", "user.json");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(home.resolve("logs/main.log")))
                .contains("db_loc " + home + "/db is a folder, so the database is " + home + "/db/aupat.db");
    }

    @Test
    void userJsonPathsReachTheSettingsAndCommandLineOptionsWin() throws Exception {
        userJson(home + "/ingest/archive");
        JarRunner.Result nested = new JarRunner(home).run("--script=gen_uuid", "--config=user.json");
        assertThat(nested.exit()).isEqualTo(2);
        assertThat(nested.err()).contains("aupat.staging (" + home + "/ingest)").contains("aupat.archive");

        JarRunner.Result overridden = new JarRunner(home).run("--script=gen_uuid", "--config=user.json",
                "--aupat.archive=" + home + "/elsewhere");
        assertThat(overridden.exit()).isZero();
    }
}
