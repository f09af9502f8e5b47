package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users meet it, run in process: catalog, exit codes, gen_uuid, gen_sha, help, no stack traces. */
@Tag("commands")
class CommandLineTest {
    @TempDir
    Path home;

    @Test
    void withoutAScriptTheCatalogIsPrintedAndTheExitCodeIs2() {
        JarRunner.Result r = new InProcessRunner(home).run();
        assertThat(r.exit()).isEqualTo(2);
        for (String name : new String[] {"db_migrate", "db_import", "db_organize", "db_folder", "db_ingest", "db_verify",
                "db_identify", "db_cleanup", "backup", "gen_uuid", "gen_sha", "name", "folder"}) {
            assertThat(r.err()).contains("  " + name + " ");
        }
    }

    @Test
    void genUuidPrintsAVersion4Uuid() {
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_uuid");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void genShaOnAMissingFileFailsCleanly() {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result r = aupat.run("--script=gen_sha", "--file=" + aupat.path("missing.jpg"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.jpg").contains("does not exist").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(home.resolve("logs/main.log")).exists();
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello\n");
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_sha", "--fiel=a.txt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--fiel").contains("--help").doesNotContain("\tat ");
    }

    @Test
    void nestedFoldersInTheSettingsAreRefusedNamingBoth() {
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_uuid", "--aupat.staging=" + home.resolve("a"),
                "--aupat.archive=" + home.resolve("a/b"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("aupat.staging").contains("aupat.archive").doesNotContain("\tat ");
    }

    @Test
    void scriptHelpListsItsOptions() {
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_sha", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--file=PATH").contains("Exit status");
    }
}
