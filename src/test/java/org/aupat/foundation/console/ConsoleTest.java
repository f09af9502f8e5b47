package org.aupat.foundation.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Console console(boolean terminal) {
        return new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void resultsGoToStandardOutputMessagesToStandardError() {
        Console console = console(false);
        console.out("abc123  /a.jpg");
        console.info("hashed 1 file");
        console.detail("hidden detail");
        console.warn("careful");
        console.error("failed");
        assertThat(out()).isEqualTo("abc123  /a.jpg" + System.lineSeparator());
        assertThat(err()).contains("hashed 1 file").contains("careful").contains("failed")
                .doesNotContain("hidden detail").doesNotContain("\u001b[");
        assertThat(console.isTerminal()).isFalse();
        assertThat(console.progressStream()).isNotNull();
    }

    @Test
    void quietHidesInfoButNeverErrors() {
        Console console = console(false);
        console.configure(true, true);
        assertThat(console.isQuiet()).isTrue();
        assertThat(console.isVerbose()).isFalse();
        console.info("progress");
        console.detail("detail");
        console.error("failed");
        console.out("result");
        assertThat(err()).isEqualTo("failed" + System.lineSeparator());
        assertThat(out()).contains("result");
    }

    @Test
    void verboseShowsDetailsAndTerminalsGetColour() {
        Console console = console(true);
        console.configure(false, true);
        assertThat(console.isVerbose()).isTrue();
        console.detail("detail");
        console.warn("careful");
        console.error("failed");
        assertThat(err()).contains("detail").contains("\u001b[33mcareful\u001b[0m").contains("\u001b[31mfailed\u001b[0m");
        assertThat(new Console().isQuiet()).isFalse();
    }

    record Result(String name, java.nio.file.Path folder, java.time.Instant at, int files) {
    }

    @Test
    void jsonResultsAreOneLineOnStandardOutputWithPathsAndTimesAsText() {
        Console console = console(false);
        console.configure(false, false, true);
        assertThat(console.isJson()).isTrue();
        console.json(new Result("Sample Mill", java.nio.file.Path.of("/a/b c"), java.time.Instant.parse("2026-12-02T01:02:03Z"), 9));
        assertThat(out()).isEqualTo("{\"name\":\"Sample Mill\",\"folder\":\"/a/b c\",\"at\":\"2026-12-02T01:02:03Z\",\"files\":9}"
                + System.lineSeparator());
        assertThat(err()).isEmpty();
    }

    /** A summary record as a script hands it over. */
    record Totals(String uuid, long found, java.nio.file.Path folder, java.time.Instant at) {
    }

    @Test
    void withJsonStandardOutputCarriesOneDocumentAfterScriptAndExitAndTheLinesMoveToStandardError() {
        Console console = console(false);
        console.configure(false, false, true);
        console.out("Found 2 files");
        console.result(new Totals("3f2a", 2, java.nio.file.Path.of("/a/b"), java.time.Instant.parse("2026-01-02T03:04:05Z")));
        console.finish("db_import", 0, null);
        assertThat(out()).isEqualTo("{\"script\":\"db_import\",\"exit\":0,\"uuid\":\"3f2a\",\"found\":2,"
                + "\"folder\":\"/a/b\",\"at\":\"2026-01-02T03:04:05Z\"}" + System.lineSeparator());
        assertThat(err()).contains("Found 2 files");
    }

    @Test
    void aFailedRunGetsAnErrorDocumentAndListingsOnlyTheirLines() {
        Console failed = console(false);
        failed.configure(true, false, true);
        failed.out("dropped by --quiet");
        failed.finish("db_verify", 75, "another AUPAT run holds the lock");
        assertThat(out()).isEqualTo("{\"script\":\"db_verify\",\"exit\":75,\"error\":\"another AUPAT run holds the lock\"}"
                + System.lineSeparator());
        assertThat(err()).isEmpty();

        out.reset();
        Console listing = console(false);
        listing.configure(false, false, true);
        listing.json(java.util.Map.of("sha", "ab"));
        listing.finish("find", 0, null);
        assertThat(out()).isEqualTo("{\"sha\":\"ab\"}" + System.lineSeparator());

        out.reset();
        Console plain = console(false);
        plain.configure(false, false, false);
        plain.result(new Totals("x", 1, null, null));
        plain.finish("db_import", 1, "failed");
        assertThat(out()).as("no JSON without --json").isEmpty();
    }
}
