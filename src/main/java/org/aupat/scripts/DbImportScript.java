package org.aupat.scripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.archive.location.LocationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** db_import: registers a location (or adds to one) and stages the files of a source folder. */
@Component
@Command(name = "db_import", description = "Register a location and stage its photos, videos, documents and URLs.")
public class DbImportScript extends AupatScript {
    @Mixin
    ImportOptions options;

    private final ImportService service;
    private final ImportPreview preview;
    private final Console console;
    private ImportService.ReadyImport ready;

    public DbImportScript(ScriptRunner runner, ImportService service, ImportPreview preview, Console console) {
        super(runner);
        this.service = service;
        this.preview = preview;
        this.console = console;
    }

    @Override
    protected String identifyingOptions() {
        return options.identity();
    }

    @Override
    protected boolean changesNothing() {
        return options.dryRun;
    }

    @Override
    protected void check() {
        if (options.dryRun) {
            return;
        }
        ready = service.check(options.request());
        if (ready.hardlinkFallsBack()) {
            console.warn("--hardlink: the source is on another file system than staging; copying instead.");
        }
    }

    @Override
    protected int execute() {
        if (options.dryRun) {
            return ImportDryRun.print(console, preview, service, options.request(), false);
        }
        ImportSummary summary = service.run(ready, runIdentity());
        summary.printTo(console);
        console.result(Results.Import.of(summary));
        return ExitCode.OK;
    }

    /** db_import's options; the pipeline script takes the same ones. */
    public static class ImportOptions {
        @picocli.CommandLine.Option(names = "--source", paramLabel = "DIR", description = "The folder to import (never modified).")
        Path source;

        @picocli.CommandLine.Option(names = "--name", description = "Name of a new location, e.g. \"Richard Olmsted Complex\".")
        String name;

        @picocli.CommandLine.Option(names = "--state", description = "US state or territory: code (ny) or name (New York).")
        String state;

        @picocli.CommandLine.Option(names = "--type", description = "Location type, e.g. industrial, healthcare, school.")
        String type;

        @picocli.CommandLine.Option(names = "--sub-type", description = "Free sub-type, e.g. textile-mill.")
        String subType;

        @picocli.CommandLine.Option(names = "--aka", description = "Also-known-as name.")
        String aka;

        @picocli.CommandLine.Option(names = "--author", description = "Who imports (default: your user name).")
        String author;

        @picocli.CommandLine.Option(names = "--sub-location", paramLabel = "NAME", description = "A part of the location, e.g. \"Building C\".")
        String subLocation;

        @picocli.CommandLine.Option(names = "--url", paramLabel = "URL", description = "A web page about the location; repeatable.")
        List<String> urls = new ArrayList<>();

        @picocli.CommandLine.Option(names = "--remove-url", paramLabel = "URL", description = "Take this web page off the"
                + " --location (its folder stays); repeatable. Needs no --source.")
        List<String> removeUrls = new ArrayList<>();

        @picocli.CommandLine.Option(names = "--location", paramLabel = "UUID", description = "Add to this existing location instead.")
        String location;

        @picocli.CommandLine.Option(names = "--film", description = "The images are scans of film.")
        boolean film;

        @picocli.CommandLine.Option(names = "--film-stock", description = "The film stock, e.g. \"Kodak Tri-X 400\".")
        String filmStock;

        @picocli.CommandLine.Option(names = "--hardlink", description = "Hard-link instead of copy when on one file system"
                + " (a later edit of the source would change the archive too).")
        boolean hardlink;

        @picocli.CommandLine.Option(names = "--allow-duplicate-name", description = "Create a location even if one has the same name.")
        boolean allowDuplicateName;

        @picocli.CommandLine.Option(names = "--new-type", description = "Accept a location type that is not in the list.")
        boolean newType;

        @picocli.CommandLine.Option(names = "--dry-run", description = "Print where every file would go; change nothing.")
        boolean dryRun;

        /** The options that identify a run for resuming it. */
        String identity() {
            return "source=" + (source == null ? "" : source.toAbsolutePath().normalize()) + " location="
                    + (location != null ? location : name);
        }

        ImportRequest request() {
            return new ImportRequest(source, new LocationService.Request(location, name, aka, state, type, subType, author,
                    subLocation, urls, source, allowDuplicateName, newType), film, filmStock, hardlink, removeUrls);
        }
    }
}
