package org.aupat.archive.metadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.aupat.foundation.error.ExternalToolError;

/** Runs a tool's version command so a missing or broken tool is reported before any work starts. */
final class ToolCheck {
    private ToolCheck() {
    }

    static String version(String command, String versionFlag, String tool, String remedy) {
        try {
            Process process = new ProcessBuilder(command, versionFlag).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ExternalToolError(tool + " ('" + command + "') did not answer " + versionFlag
                        + " within 15 s: " + remedy + ".");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || output.isEmpty()) {
                throw new ExternalToolError(tool + " ('" + command + "') failed (exit " + process.exitValue() + "): "
                        + output + ". " + remedy + ".");
            }
            return output.lines().findFirst().orElse(output);
        } catch (IOException e) {
            throw new ExternalToolError(tool + " is not available as '" + command + "' (" + e.getMessage() + "): "
                    + remedy + ".", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while checking " + tool + ".", e);
        }
    }
}
