package org.aupat.archive.moving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.moving.MoveRepository.Url;
import org.aupat.archive.moving.MoveService.Plan;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * merge: two records of the same place become one. Every sub-location, file (through {@link MoveService}'s plan,
 * each file keeping its sub-location), URL (with its website folder) and import of the location merged ends in
 * the one kept; then its emptied folder, its master JSON and its row go, and the merge is recorded, so that a
 * rerun (after a kill, or after success) finishes what is left or says the merge is done.
 */
@Service
public class MergeService {
    private static final Logger log = LoggerFactory.getLogger(MergeService.class);
    private final MoveService moveService;
    private final MoveRepository moves;
    private final MediaRepository media;
    private final LocationService locationService;
    private final FolderService folders;
    private final ArchiveLayout layout;
    private final FileTransactions fileTransactions;
    private final MoveLedger ledger;
    private final ArchiveClock clock;

    public MergeService(MoveService moveService, MoveRepository moves, MediaRepository media,
                        LocationService locationService, FolderService folders,
                        ArchiveLayout layout, FileTransactions fileTransactions, MoveLedger ledger,
                        ArchiveClock clock) {
        this.moveService = moveService;
        this.moves = moves;
        this.media = media;
        this.locationService = locationService;
        this.folders = folders;
        this.layout = layout;
        this.fileTransactions = fileTransactions;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A checked merge: the location merged away ({@code from}, null when an earlier run merged it already) and the one kept. */
    public record Request(Location from, Location into, String alreadyMergedName, String alreadyMergedUuid) {
        public boolean done() {
            return from == null;
        }
    }

    /** What a merge did (or, for the dry run, would do). */
    public record Result(Location into, String mergedUuid, String mergedName, int files, int alreadyThere,
                         int subLocations, int urls, List<Path> masterJson, java.util.Map<String, String> masterJsonFailed,
                         List<Path> keptInFolder, int missing) {
    }

    /**
     * Resolves both locations, reading only, and refuses a merge into itself and a location with files still
     * in staging. A location already merged into {@code into} by an earlier run is recognised.
     */
    public Request prepare(String from, String into) {
        if (from == null || from.isBlank()) {
            throw new ValidationError("location", null, "is required: the location to merge away (uuid, prefix or name).");
        }
        if (into == null || into.isBlank()) {
            throw new ValidationError("into", null, "is required: the location to keep (uuid, prefix or name).");
        }
        Location kept = locationService.byReference("into", into);
        Location merged;
        try {
            merged = locationService.byReference("location", from);
        } catch (ValidationError notFound) {
            Optional<MoveRepository.Merge> earlier = moves.merged(from);
            if (earlier.isPresent() && earlier.get().intoUuid().equals(kept.uuid())) {
                return new Request(null, kept, earlier.get().name(), earlier.get().locationUuid());
            }
            throw notFound;
        }
        if (merged.uuid().equals(kept.uuid())) {
            throw new ValidationError("into", into, "is the location being merged (" + merged.uuid() + "): a location"
                    + " cannot be merged into itself. Give the other record of the same place.");
        }
        moveService.requireArchived(filesOf(merged.uuid()));
        return new Request(merged, kept, null, null);
    }

    /** The dry run: each line of what the merge would do, through {@code out}, the same plan as the real run. */
    public Result preview(Request request, Consumer<String> out) {
        if (request.done()) {
            return new Result(request.into(), request.alreadyMergedUuid(), request.alreadyMergedName(), 0, 0, 0, 0,
                    List.of(), java.util.Map.of(), List.of(), 0);
        }
        Location from = request.from();
        Path intoFolder = folders.plannedFolderOf(request.into().uuid());
        List<String> subs = moves.subLocationNames(from.uuid());
        subs.forEach(name -> out.accept("sub-location " + name + "  -> " + request.into().name()));
        moves.importIds(from.uuid()).forEach(id -> out.accept("import " + id + "  -> " + request.into().name()));
        Plan plan = moveService.plan(filesOf(from.uuid()), request.into().uuid(), MediaFile::subUuid, intoFolder);
        plan.moves().forEach(m -> out.accept(m.describe()));
        plan.missing().forEach(m -> out.accept("would fail: " + m));
        List<Url> urls = moves.urls(from.uuid());
        for (Url url : urls) {
            out.accept("url " + url.uuid() + (url.folder() == null ? "" : ": " + url.folder()) + "  -> "
                    + layout.websiteFolder(intoFolder, url.domain(), url.uuid()));
        }
        out.accept("then remove location " + from.name() + " (" + from.uuid() + ")"
                + (from.locLoc() == null ? "" : " and its folder " + from.locLoc()));
        return new Result(request.into(), from.uuid(), from.name(), plan.moves().size(), plan.alreadyThere().size(),
                subs.size(), urls.size(), List.of(), java.util.Map.of(), List.of(), plan.missing().size());
    }

    /** Merges; each step can be repeated, so a rerun after a kill at any instant finishes what is left. */
    public Result merge(Request request) {
        if (request.done()) {
            IdentifyService.Result json = moveService.rewriteMasterJson();
            return new Result(request.into(), request.alreadyMergedUuid(), request.alreadyMergedName(), 0, 0, 0, 0,
                    json.written(), json.failed(), List.of(), 0);
        }
        Location from = request.from();
        Location into = request.into();
        Path intoFolder = folders.folderOf(into.uuid());
        String now = clock.timestamp();
        int subs = ledger.moveSubLocationsAndImports(from.uuid(), into.uuid(), intoFolder.toString(), now);
        Plan plan = moveService.plan(filesOf(from.uuid()), into.uuid(), MediaFile::subUuid, intoFolder);
        moveService.execute(plan);
        int urls = moveUrls(from, into, intoFolder);
        List<Path> kept = removeFolder(from);
        ledger.removeMerged(from, into.uuid(), clock.timestamp());
        log.info("merged location {} ({}) into {} ({})", from.name(), from.uuid(), into.name(), into.uuid());
        IdentifyService.Result json = moveService.rewriteMasterJson();
        return new Result(into, from.uuid(), from.name(), plan.moves().size(), plan.alreadyThere().size(), subs, urls,
                json.written(), json.failed(), kept, 0);
    }

    /** Every file row of a location, whatever its state. */
    private List<MediaFile> filesOf(String location) {
        List<MediaFile> all = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            long after = 0;
            List<MediaFile> chunk;
            while (!(chunk = media.ofLocation(type, location, after, MoveService.CHUNK)).isEmpty()) {
                after = chunk.get(chunk.size() - 1).rowid();
                all.addAll(chunk);
            }
        }
        return all;
    }

    /** Each URL goes to the kept location, its website folder (and anything saved in it) into the kept one's folder. */
    private int moveUrls(Location from, Location into, Path intoFolder) {
        List<Url> urls = moves.urls(from.uuid());
        for (Url url : urls) {
            Path target = layout.websiteFolder(intoFolder, url.domain(), url.uuid());
            Path old = url.folder() == null ? null : Path.of(url.folder());
            try (FileTransaction files = fileTransactions.begin()) {
                files.mkdirs(target);
                if (old != null && Files.isDirectory(old, LinkOption.NOFOLLOW_LINKS) && !old.equals(target)) {
                    for (Path file : walk(old)) {
                        if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                            files.move(file, target.resolve(old.relativize(file)));
                        }
                    }
                    files.removeEmptyFoldersIn(old);
                }
                files.commit();
            }
            ledger.moveUrl(url.uuid(), into.uuid(), target.toString(), clock.timestamp());
        }
        return urls.size();
    }

    /**
     * Removes the merged location's master JSON and its folders, now empty. Anything else found in them (a file
     * AUPAT does not know) is kept where it is and returned, with its folders.
     */
    private List<Path> removeFolder(Location from) {
        if (from.locLoc() == null || !Files.isDirectory(Path.of(from.locLoc()), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Path folder = Path.of(from.locLoc());
        Path masterJson = layout.masterJson(folder, from.uuid());
        if (Files.exists(masterJson, LinkOption.NOFOLLOW_LINKS)) {
            try (FileTransaction files = fileTransactions.begin()) {
                files.deleteWithBackup(masterJson);
                files.commit();
            }
        }
        // A second transaction: a deleted file's backup stays beside it until the first one commits.
        try (FileTransaction folders = fileTransactions.begin()) {
            folders.removeEmptyFoldersIn(folder);
            folders.commit();
        }
        List<Path> kept = Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
                ? walk(folder).stream().filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList() : List.of();
        kept.forEach(p -> log.warn("kept {}: it is not a file of the archive, so the merge leaves it where it is", p));
        return kept;
    }

    private static List<Path> walk(Path root) {
        try (Stream<Path> entries = Files.walk(root)) {
            return entries.sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FileSystemError("cannot walk " + root + ": " + e.getMessage() + ". Run the merge again.", e);
        }
    }
}
