package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.trash.TrashService;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;

/** How trash and restore print their plan and result, one place for both scripts (text or --json). */
final class TrashOutput {
    private TrashOutput() {
    }

    /** The summary --json prints: what was (or, in a dry run, would be) done, line by line. */
    record Summary(String script, boolean dryRun, int files, List<String> actions, List<String> masterJson,
                   List<String> failedLocations) {
    }

    /** Prints the plan's lines (results) and, for a dry run, that nothing changed. */
    static int dryRun(Console console, String script, List<String> lines, int files) {
        if (console.isJson()) {
            console.json(new Summary(script, true, files, lines, List.of(), List.of()));
        } else {
            lines.forEach(console::out);
            console.info(script + " --dry-run: " + files + " file(s) would move; nothing was changed.");
        }
        return ExitCode.OK;
    }

    /** Prints what a real run did; exit 4 when a master JSON could not be written (db_identify writes it). */
    static int done(Console console, String script, List<String> lines, TrashService.Result result, String verb) {
        if (console.isJson()) {
            console.json(new Summary(script, false, result.files(), lines,
                    result.masterJson().stream().map(Object::toString).toList(), List.copyOf(result.failed().keySet())));
        } else {
            lines.forEach(console::out);
            result.masterJson().forEach(p -> console.out("wrote " + p));
            result.failed().forEach((uuid, why) -> console.error("  master JSON of location " + uuid + " failed: " + why));
            console.info(script + ": " + verb + " " + result.files() + " file(s); master JSON rewritten for "
                    + result.masterJson().size() + " location(s).");
        }
        if (!result.failed().isEmpty()) {
            console.warn(script + ": the files moved, but " + result.failed().size() + " master JSON file(s) could not be"
                    + " written; run --script=db_identify.");
            return ExitCode.ITEM_FAILURES;
        }
        return ExitCode.OK;
    }
}
