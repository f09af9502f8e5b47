package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A step run before the one its files wait for names that step in one line, does what it can and exits 0. */
@Tag("commands")
class StepOrderTest {
    @TempDir
    Path home;

    private static long lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @Test
    void eachStepNamesTheEarliestStepItsFilesStillWaitFor() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).photo("DSC_0001.JPG", "NIKON CORPORATION", "NIKON D850");
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        assertThat(aupat.run("--script=db_import", "--source=" + card, "--name=Mill", "--state=ny",
                "--type=industrial").exit()).isZero();

        for (String step : new String[] {"db_folder", "db_ingest", "db_verify"}) {
            JarRunner.Result r = aupat.run("--script=" + step);
            assertThat(r.exit()).as(step + ": " + r.err()).isZero();
            assertThat(lines(r.err(), step + ": 1 file(s) still wait for db_organize: run --script=db_organize first,"
                    + " then --script=" + step + " again.")).as(step + ": " + r.err()).isEqualTo(1);
        }

        assertThat(aupat.run("--script=db_organize").exit()).isZero();
        JarRunner.Result verify = aupat.run("--script=db_verify");
        assertThat(verify.exit()).isZero();
        assertThat(lines(verify.err(), "db_verify: 1 file(s) still wait for db_ingest: run --script=db_ingest first"))
                .as(verify.err()).isEqualTo(1);
        JarRunner.Result ingest = aupat.run("--script=db_ingest");
        assertThat(ingest.err()).as("nothing waits for an earlier step").doesNotContain("still wait for");
        assertThat(aupat.run("--script=db_verify").err()).doesNotContain("still wait for");
    }
}
