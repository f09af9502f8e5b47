package org.aupat.scripts;

import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;

/** --dry-run of db_import and of the pipeline: prints what the real run would do with every file; changes nothing. */
final class ImportDryRun {
    private ImportDryRun() {
    }

    /**
     * Prints the plan and returns the exit code the real run would end with: 4 when files would fail, and, for
     * the pipeline, which organises too ({@code organizes}), also when metadata cannot be read.
     */
    static int print(Console console, ImportPreview preview, ImportService service, ImportRequest request,
                     boolean organizes) {
        console.info("Dry run: nothing is copied, and the database is not changed or created.");
        if (request.urlsOnly()) {
            ImportService.PreparedImport prepared = service.prepare(request);
            var changes = service.plannedUrlChanges(prepared);
            changes.forEach(console::out);
            console.info("Location " + prepared.location().existingLocation() + ": " + changes.size() + " URL change(s).");
            console.result(new Results.UrlPlan(true, prepared.location().existingLocation(), List.copyOf(changes)));
            return ExitCode.OK;
        }
        List<Results.PlannedFile> files = new ArrayList<>();
        ImportPreview.Plan plan = preview.preview(service.prepare(request), planned -> {
            console.out(planned.source() + "  " + planned.outcome());
            files.add(new Results.PlannedFile(planned.source(), planned.outcome()));
        });
        console.result(Results.ImportPlan.of(plan, files, organizes));
        console.info("Location folder: " + plan.folder() + " (a new location's uuid is provisional in a dry run).");
        long needLook = plan.failed() + (organizes ? plan.unreadableMetadata() : 0);
        if (needLook > 0) {
            console.warn("The real run would finish but skip or flag " + needLook + " file(s) (exit code 4): "
                    + plan.failed() + " would fail" + (organizes ? ", " + plan.unreadableMetadata()
                    + " with metadata that cannot be read" : "") + ".");
            return ExitCode.ITEM_FAILURES;
        }
        return ExitCode.OK;
    }
}
