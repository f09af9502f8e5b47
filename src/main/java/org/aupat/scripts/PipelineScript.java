package org.aupat.scripts;

import org.aupat.archive.catalogue.CatalogueService;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.importing.ImportService.PreparedImport;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.organizing.OrganizeService;
import org.aupat.archive.verify.VerifyRequest;
import org.aupat.archive.verify.VerifyService;
import org.aupat.archive.verify.VerifySummary;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.scripts.DbImportScript.ImportOptions;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * pipeline: db_import's options, then every step in one process with one backup at the start:
 * migrate, import, organize, folder, ingest, verify, identify, and last the catalogue (cheap when nothing
 * changed: only new thumbnails are made and only changed pages written).
 */
@Component
@Command(name = "pipeline", description = "Import a folder and run every step: migrate (if needed), import, organize,"
        + " folder, ingest, verify and identify, with one backup at the start.")
public class PipelineScript extends AupatScript {
    @Mixin
    ImportOptions options;

    @Option(names = "--no-catalogue", description = "Do not update the HTML catalogue and its thumbnails at the end.")
    boolean noCatalogue;

    private final MigrationService migration;
    private final ImportService imports;
    private final OrganizeService organize;
    private final FolderService folders;
    private final IngestService ingest;
    private final IdentifyService identify;
    private final Console console;
    private final ImportPreview preview;
    private final VerifyService verify;
    private final CatalogueService catalogue;
    private MigrationService.Checked schema;
    private ImportService.ReadyImport ready;

    public PipelineScript(ScriptRunner runner, MigrationService migration, ImportService imports, OrganizeService organize,
                          FolderService folders, IngestService ingest, IdentifyService identify, Console console,
                          ImportPreview preview, VerifyService verify, CatalogueService catalogue) {
        super(runner);
        this.catalogue = catalogue;
        this.preview = preview;
        this.verify = verify;
        this.migration = migration;
        this.imports = imports;
        this.organize = organize;
        this.folders = folders;
        this.ingest = ingest;
        this.identify = identify;
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
        // Everything that can refuse the run does so before the backup and before anything is written.
        PreparedImport prepared = imports.prepare(options.request());
        organize.requireTools();
        if (!noCatalogue) {
            catalogue.requireTools();
        }
        schema = migration.check();
        ready = imports.ready(prepared);
    }

    @Override
    protected int execute() {
        if (options.dryRun) {
            return ImportDryRun.print(console, preview, imports, options.request(), true);
        }
        organize.readAheadDuringImport();
        console.detail("schema version " + migration.migrate(schema).schemaVersion());
        ImportSummary imported = imports.run(ready, runIdentity());
        imported.printTo(console);
        OrganizeService.Summary organized = organize.organize();
        organized.printTo(console);
        FolderService.Result made = folders.makeFolders(imported.locationUuid());
        made.failed().forEach((uuid, why) -> console.error("folders of location " + uuid + ": " + why));
        IngestService.Summary archived = ingest.ingest();
        archived.printTo(console);
        VerifySummary verified = verify.verify(VerifyRequest.unverified(imported.locationUuid()));
        verified.printTo(console);
        IdentifyService.Result exported = identify.identify(null, false);
        exported.written().forEach(path -> console.info("Wrote " + path));
        exported.failed().forEach((uuid, why) -> console.error("master JSON of location " + uuid + ": " + why));
        boolean ok = made.failed().isEmpty() && exported.failed().isEmpty() && verified.failures().isEmpty();
        CatalogueService.Result catalogued = noCatalogue ? null : catalogue();
        ok &= noCatalogue || catalogued != null;
        Results.Import importResult = Results.Import.of(imported);
        console.result(new Results.Pipeline(importResult.location(), importResult, Results.Organize.of(organized),
                Results.Ingest.of(archived), Results.Verify.of(verified), Results.Identify.of(exported),
                Results.LocationFailure.of(made.failed()), Results.Catalogue.of(catalogued)));
        return ok ? ExitCode.OK : ExitCode.FAILED;
    }

    /** The last step: the archive is complete whatever happens here, so a failure is reported (null), not thrown. */
    private CatalogueService.Result catalogue() {
        try {
            CatalogueService.Result written = catalogue.write(false);
            console.out(CatalogueScript.summary(written));
            console.out("Open " + written.index().toUri());
            return written;
        } catch (RuntimeException e) {
            console.error("The archive is complete, but the catalogue could not be written: " + e.getMessage()
                    + " Run --script=catalogue to try again.");
            return null;
        }
    }
}
