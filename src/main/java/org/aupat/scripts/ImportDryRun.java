package org.aupat.scripts;

import java.nio.file.Path;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;

/** --dry-run of db_import and of the pipeline: prints where every file would go; changes nothing. */
final class ImportDryRun {
    private ImportDryRun() {
    }

    static int print(Console console, ImportPreview preview, ImportService service, ImportRequest request) {
        console.info("Dry run: nothing is copied, and the database is not changed or created.");
        Path folder = preview.preview(service.prepare(request), planned -> console.out(planned.source() + "  " + planned.outcome()));
        console.info("Location folder: " + folder + " (a new location's uuid is provisional in a dry run).");
        return ExitCode.OK;
    }
}
