package org.aupat.archive.moving;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.imports.ImportRecord;
import org.aupat.archive.imports.ImportRepository;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.DisplayNames;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.location.UnusedUuids;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Checked;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.media.PhotoSidecars;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.springframework.stereotype.Service;

/**
 * move: archived files put into another location or sub-location. The chosen files (by SHA-256 or a unique
 * prefix, by original name, a whole import) bring the files they are linked with (live-photo video, sidecars, RAW+JPEG pair,
 * subtitles), so a relationship never spans two locations. Each file gets the standard name and folder of its new
 * place. {@link #plan} decides everything, for the dry run and the real run alike; the real run then moves the
 * files chunk by chunk in a file transaction, records the rows after the files (a killed run leaves files
 * that the rerun finds at their new place and only records), and rewrites the master JSON of every location a
 * file left or joined. Files still in staging are refused: db_ingest places them first.
 */
@Service
public class MoveService {
    static final int CHUNK = 100;
    private static final int MIN_PREFIX = 4;

    private final MediaRepository media;
    private final MoveRepository moves;
    private final ImportRepository imports;
    private final MoveLedger ledger;
    private final LocationService locationService;
    private final LocationRepository locations;
    private final UnusedUuids uuids;
    private final FolderService folders;
    private final ArchiveLayout layout;
    private final FileTransactions fileTransactions;
    private final IdentifyService identify;
    private final ArchiveClock clock;
    private final FileHasher hasher;

    public MoveService(MediaRepository media, MoveRepository moves, ImportRepository imports, MoveLedger ledger, LocationService locationService,
                       LocationRepository locations, UnusedUuids uuids, FolderService folders, ArchiveLayout layout,
                       FileTransactions fileTransactions, IdentifyService identify, ArchiveClock clock, FileHasher hasher) {
        this.media = media;
        this.moves = moves;
        this.imports = imports;
        this.ledger = ledger;
        this.locationService = locationService;
        this.locations = locations;
        this.uuids = uuids;
        this.folders = folders;
        this.layout = layout;
        this.fileTransactions = fileTransactions;
        this.identify = identify;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * Which files to move, as given: SHA-256 or prefixes, original names, an import's id (or a prefix);
     * {@code from} narrows names to one location.
     */
    public record Selection(List<String> shas, List<String> names, String importId, String from) {
    }

    /**
     * A checked request: the files chosen (with the files linked to them) and where they go; {@code importId}: the
     * import moved whole (its record then names the target), or null.
     */
    public record Request(List<MediaFile> files, Location target, String subName, String subUuid, String importId) {
    }

    /**
     * One file's move. {@code placed}: a killed run already moved the file to {@code to}, only its row is left to
     * record. {@code stagedFrom}/{@code stagedTo}: its staging copy, while db_verify has not removed it yet.
     */
    public record FileMove(MediaFile row, Path from, Path to, String name, String toLocation, String toSub,
                           boolean placed, Path stagedFrom, Path stagedTo) {
        /** One line for a person: the original name, the short sha, from where to where. */
        public String describe() {
            return row.originalName() + " (" + row.sha().substring(0, 12) + "): " + from + "  -> " + to;
        }
    }

    /** Everything a run would do: the moves, the files already in place, and the files whose archive copy is gone. */
    public record Plan(List<FileMove> moves, List<MediaFile> alreadyThere, List<String> missing) {
    }

    /** What a run did. */
    public record Result(Location target, String subName, int moved, int alreadyThere, List<Path> masterJson,
                         Map<String, String> masterJsonFailed) {
    }

    /**
     * Checks the options and resolves the files, reading only: every ambiguity (a prefix or name matching two files,
     * no such file or location) and every file still in staging is refused here, before the backup.
     */
    public Request prepare(Selection selection, String to, String toSub) {
        if (to == null || to.isBlank()) {
            throw new ValidationError("to", null, "is required: the location the files go to (its uuid, prefix or name).");
        }
        Location target = locationService.byReference("to", to);
        List<String> shas = selection.shas() == null ? List.of() : selection.shas();
        List<String> names = selection.names() == null ? List.of() : selection.names();
        if (shas.isEmpty() && names.isEmpty() && selection.importId() == null) {
            throw new ValidationError("sha", null, "choose the files to move with --sha=HEX (or a unique prefix of at"
                    + " least " + MIN_PREFIX + " digits) or --name=ORIGINAL_NAME, each as often as needed, or a whole"
                    + " import with --import=ID.");
        }
        String from = selection.from() == null ? null : locationService.byReference("from", selection.from()).uuid();
        List<MediaFile> chosen = new ArrayList<>();
        shas.forEach(sha -> chosen.add(bySha(sha)));
        names.forEach(name -> chosen.add(byName(name, from)));
        String importId = null;
        if (selection.importId() != null) {
            ImportRecord found = imports.byReference("import", selection.importId());
            importId = found.id();
            List<MediaKey> keys = imports.files(importId);
            if (keys.isEmpty()) {
                throw new ValidationError("import", selection.importId(), "has no file left in this archive. Nothing was"
                        + " moved.");
            }
            keys.forEach(key -> chosen.add(media.bySha(key.type(), key.sha256())));
        }
        List<MediaFile> files = withRelated(chosen);
        requireArchived(files);
        String subName = toSub == null ? null : DisplayNames.normalise("to-sub", toSub);
        String subUuid = subName == null ? null : locations.findSubLocation(target.uuid(), subName).orElse(null);
        return new Request(files, target, subName, subUuid, importId);
    }

    /** The dry run: the plan, with a provisional uuid (and so names) for a sub-location still to be made. */
    public Plan preview(Request request) {
        String sub = request.subName() != null && request.subUuid() == null ? uuids.next() : request.subUuid();
        return plan(request.files(), request.target().uuid(), row -> sub,
                folders.plannedFolderOf(request.target().uuid()));
    }

    /** Moves the files, records them, then rewrites the master JSON of every location a file left or joined. */
    public Result move(Request request) {
        String sub = request.subUuid();
        if (request.subName() != null && sub == null) {
            sub = uuids.next();
            locations.insertSubLocation(sub, request.subName(), request.target().uuid(), null, null, clock.timestamp());
        }
        String toSub = sub;
        Plan plan = plan(request.files(), request.target().uuid(), row -> toSub, folders.folderOf(request.target().uuid()));
        execute(plan);
        if (request.importId() != null) {
            ledger.moveImport(request.importId(), request.target().uuid(), toSub, clock.timestamp());
        }
        IdentifyService.Result json = rewriteMasterJson();
        return new Result(request.target(), request.subName(), plan.moves().size(), plan.alreadyThere().size(),
                json.written(), json.failed());
    }

    /**
     * The one decision of what happens to each file, read only: a file whose row already names the target
     * (location and sub-location) is in place; any other gets its standard name in the target's folder for its
     * kind (the 16-digit name when a different file holds that one), and is found already there when a killed
     * run moved it without recording it.
     */
    Plan plan(List<MediaFile> files, String toLocation, Function<MediaFile, String> subOf, Path targetFolder) {
        List<FileMove> planned = new ArrayList<>();
        List<MediaFile> already = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MediaFile row : files) {
            String toSub = subOf.apply(row);
            if (row.locationUuid().equals(toLocation) && Objects.equals(row.subUuid(), toSub)) {
                already.add(row);
                continue;
            }
            Path from = Path.of(row.loc());
            String extension = extension(row.name());
            Path folder = layout.fileFolder(targetFolder, row.type(), row.flag(), row.extension());
            String name = layout.fileName(row.type(), toLocation, toSub, row.sha(), extension);
            String stagedName = name;
            Optional<MediaRepository.SidecarPhoto> photo = row.type() == MediaType.DOCUMENT
                    && PhotoSidecars.is(row.extension()) ? media.sidecarPhoto(row.sha()) : Optional.empty();
            if (photo.isPresent() && row.name().equals(layout.sidecarFileName(photo.get().name(), row.extension()))) {
                // A sidecar archived beside its photo stays beside it, under the photo's new name (which travels too).
                Path beside = layout.sidecarPlace(targetFolder, layout.fileName(MediaType.IMAGE, toLocation, toSub,
                        photo.get().sha(), extension(photo.get().name())), photo.get().flag(), row.extension());
                folder = beside.getParent();
                name = beside.getFileName().toString();
            }
            Path to = folder.resolve(name);
            boolean fromThere = Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS);
            if (exists(to) && !row.sha().equals(hasher.sha256(to))) {
                name = layout.collisionFileName(row.type(), toLocation, toSub, row.sha(), extension);
                to = folder.resolve(name);
            }
            boolean placed = !fromThere && exists(to) && row.sha().equals(hasher.sha256(to));
            if (!fromThere && !placed) {
                missing.add(row.originalName() + " (" + row.sha().substring(0, 12) + "): its archive copy " + from
                        + " is missing");
                continue;
            }
            Path stagedFrom = stagedCopy(row, extension);
            Path stagedTo = stagedFrom == null ? null : layout.stagingPath(toLocation, stagedName);
            planned.add(new FileMove(row, from, to, name, toLocation, toSub, placed, stagedFrom, stagedTo));
        }
        return new Plan(planned, already, missing);
    }

    /** Carries out a plan chunk by chunk: the files in a file transaction, then their rows. */
    void execute(Plan plan) {
        if (!plan.missing().isEmpty()) {
            throw new FileSystemError(plan.missing().size() + " chosen file(s) cannot be moved: " + plan.missing().get(0)
                    + ". Nothing was moved; run db_verify to see what is missing and restore it first.");
        }
        List<FileMove> all = plan.moves();
        for (int start = 0; start < all.size(); start += CHUNK) {
            List<FileMove> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
            try (FileTransaction files = fileTransactions.begin()) {
                for (FileMove m : chunk) {
                    if (!m.placed()) {
                        files.move(m.from(), m.to());
                    }
                    if (m.stagedFrom() != null) {
                        files.move(m.stagedFrom(), m.stagedTo());
                    }
                }
                files.commit();
            }
            // After the files: a kill in between leaves files the rerun finds in place and only records.
            ledger.record(chunk, clock.timestamp());
        }
    }

    /** Rewrites the master JSON of every location a file was moved from or to whose export is out of date. */
    IdentifyService.Result rewriteMasterJson() {
        List<Path> written = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String location : moves.staleMovedLocations()) {
            IdentifyService.Result one = identify.identify(location, false);
            written.addAll(one.written());
            failed.putAll(one.failed());
        }
        return new IdentifyService.Result(written, failed);
    }

    /** The locations whose master JSON a run would rewrite: those the plan's files leave or join. */
    static Set<String> touchedLocations(Plan plan) {
        Set<String> touched = new LinkedHashSet<>();
        plan.moves().forEach(m -> {
            touched.add(m.row().locationUuid());
            touched.add(m.toLocation());
        });
        return touched;
    }

    /** Refuses files not in the archive yet: their rows and staged copies are db_ingest's to place. */
    void requireArchived(List<MediaFile> files) {
        List<MediaFile> staged = files.stream().filter(f -> !media.inArchive(f.key())).toList();
        if (!staged.isEmpty()) {
            throw new ValidationError("files", staged.get(0).originalName(), staged.size() + " of the chosen file(s)"
                    + " are still in staging, not in the archive yet: run db_ingest (or pipeline) first, then move again."
                    + " Nothing was moved.");
        }
    }

    private MediaFile bySha(String raw) {
        String prefix = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{" + MIN_PREFIX + ",64}")) {
            throw new ValidationError("sha", raw, "is not a SHA-256 or a prefix of one: give " + MIN_PREFIX
                    + " to 64 hex digits (gen_sha prints a file's).");
        }
        List<MediaFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            media.byShaPrefix(type, prefix).stream().map(Checked::file).forEach(found::add);
        }
        return single("sha", raw, found, "no file of this archive has a SHA-256 starting with it",
                "give more digits");
    }

    private MediaFile byName(String name, String from) {
        if (name == null || name.isEmpty()) {
            throw new ValidationError("name", name, "is empty: give the file's original name, such as IMG_0001.JPG.");
        }
        List<MediaFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            found.addAll(media.byOriginalName(type, name, from));
        }
        return single("name", name, found, "no file of this archive" + (from == null ? "" : " in that --from location")
                + " had this original name (it is matched exactly, case included)", "choose it with --sha"
                + (from == null ? " or narrow it with --from=LOCATION" : ""));
    }

    private static MediaFile single(String field, String value, List<MediaFile> found, String none, String narrow) {
        if (found.isEmpty()) {
            throw new ValidationError(field, value, none + ". Nothing was moved.");
        }
        if (found.size() > 1) {
            String candidates = found.stream().limit(5).map(f -> f.sha().substring(0, 16) + " " + f.originalName()
                    + " in " + f.locationUuid()).collect(Collectors.joining("; "));
            throw new ValidationError(field, value, "matches " + (found.size() >= 100 ? "100 or more" : found.size())
                    + " files (" + candidates + (found.size() > 5 ? "; ..." : "") + "): " + narrow + ". Nothing was moved.");
        }
        return found.get(0);
    }

    /** The chosen files and, transitively, every file they are linked with, each once, in the order found. */
    List<MediaFile> withRelated(List<MediaFile> chosen) {
        Map<MediaKey, MediaFile> all = new LinkedHashMap<>();
        Deque<MediaFile> todo = new ArrayDeque<>(chosen);
        while (!todo.isEmpty()) {
            MediaFile file = todo.pop();
            if (all.putIfAbsent(file.key(), file) != null) {
                continue;
            }
            for (MediaKey key : moves.related(file.key())) {
                if (!all.containsKey(key) && media.state(key).isPresent()) {
                    todo.add(media.bySha(key.type(), key.sha256()));
                }
            }
        }
        return new ArrayList<>(all.values());
    }

    /** The row's staging copy while it still exists (archived, not verified yet), at its standard or collision name. */
    private Path stagedCopy(MediaFile row, String extension) {
        String loc = row.locationUuid();
        for (String name : List.of(layout.fileName(row.type(), loc, row.subUuid(), row.sha(), extension),
                layout.collisionFileName(row.type(), loc, row.subUuid(), row.sha(), extension))) {
            Path staged = layout.stagingPath(loc, name);
            if (Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
                return staged;
            }
        }
        return null;
    }

    private static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1);
    }
}
