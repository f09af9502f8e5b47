package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only failures script, run in process: a table, filters, exit code 0, nothing changed. */
@Tag("commands")
class FailuresScriptTest {
    @TempDir
    Path home;

    @Test
    void showsTheFailureLogAsAFilteredTable() throws Exception {
        Files.createDirectories(home.resolve("logs"));
        String log = """
                {"timestamp":"2025-10-01T10:00:00Z","script":"db_import","function":"A.b","operation":"stage file","severity":"WARNING","recoverable":true,"error_type":"FileSystemError","error_message":"cannot read old.jpg","traceback":"t","context":{"path":"/in/old.jpg"},"recovery_action":"skipped","user_action_required":true}
                {"timestamp":"2025-11-02T10:00:00Z","script":"db_organize","function":"A.c","operation":"read metadata","severity":"ERROR","recoverable":false,"error_type":"ExternalToolError","error_message":"exiftool is missing","traceback":"t","context":{},"recovery_action":"stopped","user_action_required":true}
                """;
        Files.writeString(home.resolve("logs/failure.log"), log);
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result all = aupat.run("--script=failures");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("SEVERITY", "cannot read old.jpg [/in/old.jpg]", "exiftool is missing",
                "2 failure(s)");

        JarRunner.Result filtered = aupat.run("--script=failures", "--since=2025-11-01", "--for=db_organize");
        assertThat(filtered.out()).contains("exiftool is missing", "1 failure(s)").doesNotContain("old.jpg");

        JarRunner.Result none = aupat.run("--script=failures", "--for=db_verify");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).contains("No failures recorded for db_verify.");
        assertThat(home.resolve("logs/failure.log")).as("read-only").hasContent(log.strip());
    }
}
