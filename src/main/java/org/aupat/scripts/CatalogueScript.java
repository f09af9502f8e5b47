package org.aupat.scripts;

import org.aupat.archive.catalogue.CatalogueService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** catalogue: writes the offline HTML catalogue (and the thumbnails it shows) beside the archive. */
@Component
@Command(name = "catalogue", description = {"Write the offline HTML catalogue beside the archive: catalogue/index.html"
        + " (every location, a filter, a map) and one page per location (photos and videos by visit and camera),"
        + " after making the thumbnails that are missing (thumbnails/). Opens from disk in any browser.",
        "Only what changed is rewritten; the archive is only read."})
public class CatalogueScript extends AupatScript {
    @Option(names = "--redact-gps", description = "Write the copy for sharing instead, catalogue-no-gps/: no coordinates,"
            + " no map, no GPS in any field.")
    boolean redactGps;

    private final CatalogueService service;
    private final Console console;

    public CatalogueScript(ScriptRunner runner, CatalogueService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected int execute() {
        CatalogueService.Result result = service.write(redactGps);
        console.out(summary(result));
        console.out("Open " + result.index().toUri());
        console.result(Results.Catalogue.of(result));
        return ExitCode.OK;
    }

    /** The run's summary line, as the pipeline prints it too. */
    static String summary(CatalogueService.Result result) {
        return "Catalogue: " + result.locations() + " location(s), " + result.photos() + " photo(s), "
                + result.videos() + " video(s); " + result.thumbnailsMade() + " new thumbnail(s)"
                + (result.thumbnailsUnmade() == 0 ? "" : ", " + result.thumbnailsUnmade() + " file(s) without one")
                + "; " + result.pagesWritten() + " file(s) written, " + result.pagesUnchanged() + " unchanged; "
                + result.locationsRead() + " location(s) read again.";
    }
}
