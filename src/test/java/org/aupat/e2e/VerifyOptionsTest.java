package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db_verify's options, run in process: each bad one is a usage error on one line, without a stack trace. */
@Tag("commands")
class VerifyOptionsTest {
    @TempDir
    Path home;

    @Test
    void badVerifyOptionsAreUsageErrorsOnOneLineWithoutAStackTrace() {
        InProcessRunner aupat = new InProcessRunner(home);
        String[][] cases = {{"--sample=0", "sample"}, {"--sample=abc", "--sample"}, {"--location=not-a-uuid", "location"},
            {"--all --sample=5", "--all"}};
        for (String[] c : cases) {
            String[] args = ("--script=db_verify " + c[0]).split(" ");
            JarRunner.Result r = aupat.run(args);
            assertThat(r.exit()).as(c[0]).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).as(c[0]).startsWith("db_verify: ").contains(c[1]);
            assertThat(r.err()).as(c[0]).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
