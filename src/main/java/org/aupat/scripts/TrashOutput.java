package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.trash.TrashService;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;

/** How trash and restore print their plan and result, one place for both scripts (text or --json). */
final class TrashOutput {
    private TrashOutput() {
    }

    /** Prints the plan's lines and, for a dry run, that nothing changed (results, kept by --quiet). */
    static int dryRun(Console console, String script, List<String> lines, int files) {
        lines.forEach(console::out);
        console.out(script + " --dry-run: " + files + " file(s) would move; nothing was changed.");
        console.result(new Results.Trash(true, files, lines, List.of(), List.of()));
        return ExitCode.OK;
    }

    /** Prints what a real run did; exit 4 when a master JSON could not be written (db_identify writes it). */
    static int done(Console console, String script, List<String> lines, TrashService.Result result, String verb) {
        lines.forEach(console::out);
        result.masterJson().forEach(p -> console.out("wrote " + p));
        result.failed().forEach((uuid, why) -> console.error("  master JSON of location " + uuid + " failed: " + why));
        console.out(script + ": " + verb + " " + result.files() + " file(s); master JSON rewritten for "
                + result.masterJson().size() + " location(s).");
        console.result(new Results.Trash(false, result.files(), lines, result.masterJson(),
                List.copyOf(result.failed().keySet())));
        if (!result.failed().isEmpty()) {
            console.warn(script + ": the files moved, but " + result.failed().size() + " master JSON file(s) could not be"
                    + " written; run --script=db_identify.");
            return ExitCode.ITEM_FAILURES;
        }
        return ExitCode.OK;
    }
}
