package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README promises a shell script: {@code UUID=$(java -jar aupat.jar --script=pipeline ... --json | jq
 * -r .location.uuid)} gives the new location's UUID, which the next script takes. Through jq when it is
 * installed; the same documents parsed here otherwise.
 */
class JsonPipelineIT {
    @TempDir
    Path home;

    @Test
    void theLocationUuidOfAPipelineRunFeedsTheNextScript() throws Exception {
        new MediaFactory(Files.createDirectories(home.resolve("card"))).photos("IMG_", 3, "Canon");
        String java = "java " + String.join(" ", JarRunner.coverageAgent()) + " -jar '" + JarRunner.jar() + "'";
        String pipeline = java + " --script=pipeline --source=card --name='Json Mill' --state=ny --type=industrial --json";
        String verify = java + " --script=db_verify --all --json --location=\"$UUID\"";
        if (jqInstalled()) {
            String out = bash("set -o pipefail; UUID=$(" + pipeline + " | jq -r .location.uuid) && echo \"uuid=$UUID\" && "
                    + verify + " | jq -r '\"verified=\\(.verified) exit=\\(.exit)\"'");
            assertThat(out).containsPattern("uuid=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\n")
                    .contains("verified=3 exit=0");
        } else {
            JsonNode imported = new ObjectMapper().readTree(bash(pipeline));
            String uuid = imported.path("location").path("uuid").asText();
            assertThat(uuid).matches("[0-9a-f-]{36}");
            JsonNode verified = new ObjectMapper().readTree(bash("UUID=" + uuid + "; " + verify));
            assertThat(verified.path("verified").asLong()).isEqualTo(3);
        }
    }

    private static boolean jqInstalled() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v jq").start();
        return p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0;
    }

    /** Runs a shell command line in the home; returns its standard output and fails on a non-zero exit. */
    private String bash(String commandLine) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", commandLine));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectError(home.resolve("json-stderr.txt").toFile());
        // The jar's home (and HOME, XDG_*) inside this test's folder, never the account's.
        builder.environment().putAll(JarRunner.homeEnvironment(home));
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out + Files.readString(home.resolve("json-stderr.txt"))).isZero();
        return out;
    }
}
