package org.aupat.scripts;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;

/** How move and merge report the master JSON files they rewrote: one place for both scripts. */
final class MovedOutput {
    private MovedOutput() {
    }

    /** Lists the master JSON written (--verbose) and each that failed; exit 1 when one failed. */
    static int masterJson(Console console, List<Path> written, Map<String, String> failed) {
        written.forEach(path -> console.detail("wrote " + path));
        failed.forEach((uuid, why) -> console.error("  FAILED master JSON of " + uuid + ": " + why));
        return failed.isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
