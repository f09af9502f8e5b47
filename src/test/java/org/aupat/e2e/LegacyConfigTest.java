package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --config=user.json, run in process: the original tool's settings, checked before any script runs. */
@Tag("commands")
class LegacyConfigTest {
    @TempDir
    Path home;

    private String userJson(String archive) throws Exception {
        return Files.writeString(home.resolve("user.json"), """
                {"db_name": "aupat.db", "db_loc": "%1$s/db", "db_backup": "%1$s/backups",
                 "db_ingest": "%1$s/ingest", "arch_loc": "%2$s"}""".formatted(home, archive)).toString();
    }

    @Test
    void aTemplatePlaceholderStopsTheRunNamingTheKey() throws Exception {
        String config = userJson("/absolute/path/to/archive/");
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_uuid", "--config=" + config);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("user.json key 'arch_loc'").contains("placeholder").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aGoodUserJsonIsUsedAndItsReadingOfDbLocIsLogged() throws Exception {
        String config = userJson(home + "/archive");
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_uuid", "--config", config);
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(home.resolve("logs/main.log")))
                .contains("db_loc " + home + "/db is a folder, so the database is " + home + "/db/aupat.db");
    }

    @Test
    void userJsonPathsReachTheSettingsAndCommandLineOptionsWin() throws Exception {
        String config = userJson(home + "/ingest/archive");
        JarRunner.Result nested = new InProcessRunner(home).run("--script=gen_uuid", "--config=" + config);
        assertThat(nested.exit()).isEqualTo(2);
        assertThat(nested.err()).contains("aupat.staging (" + home + "/ingest)").contains("aupat.archive");

        JarRunner.Result overridden = new InProcessRunner(home).run("--script=gen_uuid", "--config=" + config,
                "--aupat.archive=" + home + "/elsewhere");
        assertThat(overridden.exit()).isZero();
    }
}
