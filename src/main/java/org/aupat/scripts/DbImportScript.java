package org.aupat.scripts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.media.MediaType;
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

    public DbImportScript(ScriptRunner runner, ImportService service, ImportPreview preview, Console console) {
        super(runner);
        this.service = service;
        this.preview = preview;
        this.console = console;
    }

    /**
     * --dry-run: prints what the real run would do with every file, and returns the exit code it would end
     * with (4 when files would fail; for the pipeline, which organises too, also when metadata cannot be
     * read); changes nothing. Shared with the pipeline script.
     */
    static int preview(Console console, ImportPreview preview, ImportService service, ImportOptions options,
                       boolean organizes) {
        console.info("Dry run: nothing is copied, and the database is not changed or created.");
        ImportPreview.Plan plan = preview.preview(service.prepare(options.request()),
                planned -> console.out(planned.source() + "  " + planned.outcome()));
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

    @Override
    protected String identifyingOptions() {
        return options.identity();
    }

    @Override
    protected boolean changesNothing() {
        return options.dryRun;
    }

    @Override
    protected int execute() {
        if (options.dryRun) {
            return preview(console, preview, service, options, false);
        }
        ImportRequest request = options.request();
        if (request.skipBackup()) {
            console.warn("--skip-backup: no backup of the database is made before this import.");
        }
        if (service.hardlinkFallsBack(request)) {
            console.warn("--hardlink: the source is on another file system than staging; copying instead.");
        }
        ImportSummary summary = service.importSource(request, runIdentity());
        report(console, summary);
        return ExitCode.OK;
    }

    /** Prints the accounting of an import; shared with the pipeline script. */
    static void report(Console console, ImportSummary s) {
        console.info((s.locationCreated() ? "Registered location " : "Added to location ") + s.locationName() + " ("
                + s.locationUuid() + ")" + (s.resumedFromPosition() > 0 ? ", resumed at entry " + s.resumedFromPosition() : ""));
        console.info(String.format("Found %d files: %d imported (%d images, %d videos, %d documents; %s%s),"
                        + " %d duplicates, %d ignored, %d failed.", s.found(), s.importedTotal(), s.imported(MediaType.IMAGE),
                s.imported(MediaType.VIDEO), s.imported(MediaType.DOCUMENT), bytes(s.bytes()),
                s.linked() > 0 ? ", " + s.linked() + " hard-linked" : "", s.duplicates().size(), s.ignored().size(),
                s.failed().size()));
        s.duplicates().forEach((path, owner) -> console.detail("  duplicate " + path + " (already in location " + owner + ")"));
        s.ignored().forEach((path, rule) -> console.detail("  ignored " + path + " (" + rule + ")"));
        s.failed().forEach(path -> console.warn("  failed " + path + " (see logs/failure.log)"));
        s.notFiles().forEach(entry -> console.info("  not imported: " + entry));
        if (!s.addsUp()) {
            console.warn("The counts do not add up to the files found; see logs/main.log.");
        }
    }

    static String bytes(long bytes) {
        return bytes < 1 << 20 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
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

        @picocli.CommandLine.Option(names = "--skip-backup", description = "Do not back the database up first (not recommended).")
        boolean skipBackup;

        @picocli.CommandLine.Option(names = "--dry-run", description = "Print where every file would go; change nothing.")
        boolean dryRun;

        /** The options that identify a run for resuming it. */
        String identity() {
            return "source=" + (source == null ? "" : source.toAbsolutePath().normalize()) + " location="
                    + (location != null ? location : name);
        }

        ImportRequest request() {
            return new ImportRequest(source, new LocationService.Request(location, name, aka, state, type, subType, author,
                    subLocation, urls, source, allowDuplicateName, newType), film, filmStock, hardlink, skipBackup);
        }
    }
}
