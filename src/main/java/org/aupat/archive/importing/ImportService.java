package org.aupat.archive.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.imports.ImportRecord;
import org.aupat.archive.imports.ImportRepository;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.location.LocationService.Prepared;
import org.aupat.archive.location.LocationService.Registered;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.checkpoint.InterruptedRuns;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.preflight.PreflightChecker;
import org.aupat.foundation.preflight.PreflightChecks;
import org.aupat.foundation.preflight.SpaceNeed;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.FileTransactions;
import org.springframework.stereotype.Service;

/**
 * db_import: checks every option and the source before anything changes, runs the pre-flight checks,
 * backs the database up, registers (or finds again) the location, then stages the files chunk by chunk.
 * The source folder is never modified.
 */
@Service
public class ImportService {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportService.class);
    private final LocationService locations;
    private final LocationRepository locationRepository;
    private final FileStager stager;
    private final PreflightChecker preflight;
    private final PreflightChecks checks;
    private final AupatProperties properties;
    private final ArchiveDatabase database;
    private final ArchiveClock clock;
    private final ArchiveLayout layout;
    private final ImportRepository imports;
    private final InterruptedRuns interrupted;

    public ImportService(LocationService locations, LocationRepository locationRepository, FileStager stager,
                         PreflightChecker preflight, PreflightChecks checks,
                         AupatProperties properties, ArchiveDatabase database, ArchiveClock clock, ArchiveLayout layout,
                         ImportRepository imports, InterruptedRuns interrupted) {
        this.locations = locations;
        this.locationRepository = locationRepository;
        this.stager = stager;
        this.preflight = preflight;
        this.checks = checks;
        this.properties = properties;
        this.database = database;
        this.clock = clock;
        this.layout = layout;
        this.imports = imports;
        this.interrupted = interrupted;
    }

    /** The source folder as it will be walked: checked, absolute and real. */
    public Path checkedSource(Path source) {
        if (source == null) {
            throw new ValidationError("source", null, "is required: the folder to import, for example --source=/media/card/DCIM"
                    + " (to add or remove only web addresses, give --location with --url or --remove-url).");
        }
        Path absolute = source.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new ValidationError("source", source, "does not exist. Check the path.");
        }
        if (!Files.isDirectory(absolute)) {
            throw new ValidationError("source", source, "is a file, not a folder. Give the folder that holds it.");
        }
        if (!Files.isReadable(absolute)) {
            throw new ValidationError("source", source, "cannot be read (permission denied).");
        }
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException e) {
            throw new ValidationError("source", source, "cannot be resolved: " + e.getMessage());
        }
        for (Path managed : List.of(properties.archive(), properties.staging(), properties.backups())) {
            Path managedReal = realOrSelf(managed);
            if (real.startsWith(managedReal) || managedReal.startsWith(real)) {
                throw new ValidationError("source", source, "is or contains AUPAT's own folder " + managed
                        + ". Import from the camera card or a folder outside the archive.");
            }
        }
        return real;
    }

    /** An import whose options and source were checked; nothing was written yet. */
    public record PreparedImport(Path source, Prepared location, ImportRequest request) {
    }

    /** Checks the source and every option; writes nothing (not even a database file). */
    public PreparedImport prepare(ImportRequest request) {
        // Web addresses alone need no folder: the location is told by --location.
        Path source = request.urlsOnly() ? null : checkedSource(request.source());
        LocationService.Request asked = request.location();
        Prepared prepared = locations.prepare(new LocationService.Request(asked.existingLocation(), asked.name(),
                asked.aka(), asked.state(), asked.type(), asked.subType(), authorOrUser(asked.author()),
                asked.subLocation(), asked.urls(), source, asked.allowDuplicateName(), asked.newType()));
        checkRemovals(request.removeUrls(), prepared);
        return new PreparedImport(source, prepared, request);
    }

    /**
     * For a dry run of an import without a source: the URL changes the real run would make (each line "add URL"
     * or "remove URL"), decided as register and the removal decide them. Writes nothing.
     */
    public List<String> plannedUrlChanges(PreparedImport prepared) {
        List<String> changes = new java.util.ArrayList<>();
        String location = prepared.location().existingLocation();
        boolean ready = databaseReady();
        for (LocationService.Url url : prepared.location().urls()) {
            if (!ready || !locationRepository.hasUrl(location, url.url())) {
                changes.add("add URL " + url.url());
            }
        }
        prepared.request().removeUrls().forEach(url -> changes.add("remove URL " + url.strip()));
        return changes;
    }

    /** Each --remove-url names a URL the location has, and none is also being added. */
    private void checkRemovals(List<String> removeUrls, Prepared prepared) {
        if (removeUrls.isEmpty()) {
            return;
        }
        if (prepared.existingLocation() == null) {
            throw new ValidationError("remove-url", removeUrls.get(0), "needs --location: the location to take it off.");
        }
        for (String url : removeUrls) {
            String u = url == null ? "" : url.strip();
            if (prepared.urls().stream().anyMatch(added -> added.url().equals(u))) {
                throw new ValidationError("remove-url", url, "is also given with --url: add it or remove it, not both.");
            }
            if (databaseReady()
                    && !locationRepository.hasUrl(prepared.existingLocation(), u)) {
                List<String> has = locationRepository.urls(prepared.existingLocation());
                throw new ValidationError("remove-url", url, "is not a URL of location " + prepared.existingLocation()
                        + (has.isEmpty() ? " (it has none)." : "; its URLs: " + String.join(" ", has)));
            }
        }
    }

    /** A prepared import that passed pre-flight: how many entries its source holds and whether they are linked. */
    public record ReadyImport(PreparedImport prepared, long entries, boolean link) {
        /** Whether --hardlink was asked for but cannot be honoured (it falls back to copying). */
        public boolean hardlinkFallsBack() {
            return prepared.request().hardlink() && !link;
        }
    }

    /** db_import's checks, read-only but for creating staging: options and source, the schema, pre-flight. */
    public ReadyImport check(ImportRequest request) {
        PreparedImport prepared = prepare(request);
        requireSchema();
        return ready(prepared);
    }

    /** Pre-flight for a prepared import: staging is writable and has room for the source. Writes no row. */
    public ReadyImport ready(PreparedImport prepared) {
        Path source = prepared.source();
        if (source == null) {
            return new ReadyImport(prepared, 0, false);
        }
        long[] size = {0, 0};
        SourceWalker.walk(source, entry -> {
            size[0]++;
            size[1] += entry.size();
        });
        createStaging();
        boolean link = prepared.request().hardlink() && FileTransactions.sameFileSystem(source, properties.staging());
        preflight.requireAll(List.of(checks.writable(properties.staging()),
                checks.diskSpace(link ? SpaceNeed.MOVE : SpaceNeed.COPY, link ? 0 : size[1], source, properties.staging())));
        return new ReadyImport(prepared, size[0], link);
    }

    /**
     * Registers the location (or adds to it), opens the import record (the unfinished one of this same run
     * after a kill in this home), then stages the source chunk by chunk, resumed from the checkpoint of {@code run} when it
     * was interrupted; records the summary in the import and returns it.
     */
    public ImportSummary run(ReadyImport ready, RunIdentity run) {
        PreparedImport prepared = ready.prepared();
        ImportRequest request = prepared.request();
        Registered registered = locations.register(prepared.location(), clock.timestamp());
        RunContext.location(registered.location().uuid());
        String importId = imports.open(new ImportRepository.Opening(run.script(), run.options(),
                prepared.source() == null ? null : prepared.source().toString(), prepared.location().author(), describe(prepared),
                registered.location().uuid(), registered.subUuid()), interrupted.here(run, FileStager.OPERATION),
                clock.timestamp());
        imports.claimUrls(importId, registered.location().uuid(),
                prepared.location().urls().stream().map(LocationService.Url::url).toList());
        ImportSummary summary = new ImportSummary(registered.location().uuid(), registered.location().name(),
                registered.created());
        summary.importId(importId);
        int removed = removeUrls(registered, request.removeUrls());
        summary.urls(registered.urlsAdded(), removed);
        if (prepared.source() == null) {
            summary.urlsOnly();
            if (registered.urlsAdded() + removed > 0) {
                locationRepository.touch(registered.location().uuid(), clock.timestamp());
            }
            return finished(importId, summary, registered);
        }
        try {
            stager.stage(new FileStager.Plan(prepared.source(), ready.entries(), registered.location().uuid(),
                    registered.subUuid(), prepared.location().author(), request.film(), request.filmStock(), ready.link(),
                    importId), summary, new ChunkedRun(run));
        } catch (RuntimeException stopped) {
            forgetIfEmpty(registered, stopped);
            throw stopped;
        }
        if (summary.importedTotal() > 0 || registered.urlsAdded() > 0) {
            // Only a real change makes the master JSON stale: a repeated import is a no-op.
            locationRepository.touch(registered.location().uuid(), clock.timestamp());
        }
        return finished(importId, summary, registered);
    }

    /** Records the summary in the import and returns it. */
    private ImportSummary finished(String importId, ImportSummary summary, Registered registered) {
        describeDuplicates(summary, registered.location().uuid());
        imports.finish(importId, new ImportRepository.Counts(summary.found(), summary.imported(MediaType.IMAGE),
                summary.imported(MediaType.VIDEO), summary.imported(MediaType.DOCUMENT), summary.duplicates().size(),
                summary.ignored().size(), summary.failed().size(), summary.bytes(), registered.urlsAdded(),
                summary.resumedFromPosition()), clock.timestamp());
        return summary;
    }

    /**
     * Names each location that holds duplicates (name and uuid prefix) and, when every file of the card is
     * already in one other location, brought there by one import that holds exactly these files, suggests the
     * move command that puts them here.
     */
    private void describeDuplicates(ImportSummary summary, String here) {
        java.util.Set<String> owners = new java.util.LinkedHashSet<>(summary.duplicates().values());
        for (String owner : owners) {
            String prefix = layout.uuidPrefix("loc_uuid", owner);
            summary.ownerLabel(owner, locationRepository.find(owner).map(l -> l.name() + ", " + prefix).orElse(prefix));
        }
        if (owners.size() != 1 || owners.contains(here) || summary.importedTotal() > 0 || !summary.failed().isEmpty()) {
            return;
        }
        String owner = owners.iterator().next();
        java.util.Set<String> shas = new java.util.HashSet<>(summary.duplicateShas().values());
        java.util.Set<String> brought = new java.util.TreeSet<>();
        shas.forEach(sha -> brought.add(imports.importOfBytes(sha).orElse("")));
        String all = "All " + summary.duplicates().size() + " files of this card are already in location "
                + summary.ownerLabelOf(owner);
        if (brought.size() == 1 && !brought.contains("")) {
            String id = brought.iterator().next();
            long files = imports.find(id).map(ImportRecord::files).orElse(0L);
            if (files == shas.size()) {
                summary.moveSuggestion(all + ", brought by import " + id + ". If they belong here, move them:"
                        + " aupat --script=move --import=" + id + " --to=" + here);
                return;
            }
            summary.moveSuggestion(all + " (import " + id + " brought " + files + " files, more than this card's)."
                    + " If they belong here, move them by SHA-256 with --script=move --to=" + here);
            return;
        }
        summary.moveSuggestion(all + ". If they belong here, move them by SHA-256 with --script=move --to=" + here);
    }

    /**
     * Takes the asked URLs off the location (checked by prepare; one already gone by a rerun is fine). Their
     * website folders are left where they are: they may hold saved pages, and only the person may delete them.
     */
    private int removeUrls(Registered registered, List<String> removeUrls) {
        int removed = 0;
        for (String url : removeUrls) {
            String folder = locationRepository.urlFolder(registered.location().uuid(), url.strip());
            if (locationRepository.deleteUrl(registered.location().uuid(), url.strip())) {
                removed++;
                log.info("removed URL {} from location {}", url.strip(), registered.location().uuid());
                if (folder != null && Files.isDirectory(Path.of(folder))) {
                    log.info("the folder {} of URL {} stays in the archive", folder, url.strip());
                }
            }
        }
        return removed;
    }

    /** The options of an import as its record keeps them: what was asked, in the options' own words. */
    private static String describe(PreparedImport prepared) {
        Prepared p = prepared.location();
        ImportRequest r = prepared.request();
        StringBuilder options = new StringBuilder();
        option(options, "location", p.existingLocation());
        option(options, "name", p.name());
        option(options, "aka", p.aka());
        option(options, "state", p.state());
        option(options, "type", p.type());
        option(options, "sub-type", p.subType());
        option(options, "sub-location", p.subLocation());
        p.urls().forEach(url -> option(options, "url", url.url()));
        r.removeUrls().forEach(url -> option(options, "remove-url", url.strip()));
        if (r.film()) {
            options.append(" --film");
        }
        option(options, "film-stock", r.filmStock());
        if (r.hardlink()) {
            options.append(" --hardlink");
        }
        return options.toString().strip();
    }

    private static void option(StringBuilder options, String name, String value) {
        if (value != null) {
            options.append(" --").append(name).append('=').append(value.contains(" ") ? "\"" + value + "\"" : value);
        }
    }

    /** A stopped import never leaves behind a location it created with nothing in it. */
    private void forgetIfEmpty(Registered registered, RuntimeException stopped) {
        if (!registered.created()) {
            return;
        }
        try {
            // Files a chunk staged before the stop (its rows not recorded) are adopted by a rerun that finds
            // this same location: while any is there, the location stays.
            if (nothingStaged(registered.location().uuid()) && locationRepository.deleteIfEmpty(registered.location().uuid())) {
                log.info("removed location {} again: the import stopped before any file was recorded",
                        registered.location().uuid());
            }
        } catch (RuntimeException e) {
            stopped.addSuppressed(e);
        }
    }

    private boolean nothingStaged(String locationUuid) {
        Path folder = layout.stagingPath(locationUuid, "incoming").getParent();
        if (!Files.exists(folder)) {
            return true;
        }
        try (var files = Files.walk(folder)) {
            return files.noneMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Whether the database exists and db_migrate has set it up (checking options must not create it). */
    private boolean databaseReady() {
        return database.exists() && locationRepository.schemaReady();
    }

    private void requireSchema() {
        if (!databaseReady()) {
            throw new ConfigurationError("the database " + database.shown() + " is not set up yet: run"
                    + " --script=db_migrate first (the pipeline script does this for you).");
        }
    }

    private void createStaging() {
        try {
            Files.createDirectories(properties.staging());
        } catch (IOException e) {
            // Nothing is written yet: an unusable staging folder is a failed pre-flight check (exit 3), not a failed run.
            throw new PreflightError("cannot create the staging folder " + properties.staging() + ": " + e
                    + ". Check aupat.staging and its permissions; nothing was changed.", e);
        }
    }

    private static String authorOrUser(String author) {
        return author != null ? author : System.getProperty("user.name");
    }

    private static Path realOrSelf(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
