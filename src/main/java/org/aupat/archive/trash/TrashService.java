package org.aupat.archive.trash;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.imports.ImportRepository;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.trash.TrashPlan.Planned;
import org.aupat.archive.trash.TrashRepository.LiveFile;
import org.aupat.archive.trash.TrashRepository.Trashed;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.DatabaseBackup;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.springframework.stereotype.Service;

/**
 * trash, restore and emptying the trash. A trashed file leaves the archive for {@link AupatProperties#trash()}
 * (its archive path mirrored below it) and its row leaves the media tables for the {@code trash} table, so
 * nothing that reads the archive sees it and the same bytes import again as a new file. Files that belong
 * together (live photo and its video, RAW+JPEG pair, sidecars and document links) are trashed and restored
 * as one group, so that no row is left naming a partner that is not there.
 *
 * <p>Each run is planned first, by the same code for the dry run and the real run; the plan refuses
 * (exit 2, one line) anything ambiguous or unsafe before anything changes. Files move chunk by chunk in a
 * file transaction, then the chunk's rows change in one database transaction; a kill in between leaves
 * files moved and rows unchanged, which the rerun's plan recognises (the file is where it goes, with its
 * bytes) and finishes. Only {@link #empty} deletes bytes.
 */
@Service
public class TrashService {
    static final int CHUNK = 100;
    private static final int SHORTEST_PREFIX = 6;
    private final TrashRepository repository;
    private final TrashLedger ledger;
    private final LocationService locations;
    private final ImportRepository imports;
    private final IdentifyService identify;
    private final FileTransactions fileTransactions;
    private final AupatProperties properties;
    private final ArchiveClock clock;
    private final FileHasher hasher;
    private final DatabaseBackup backup;

    public TrashService(TrashRepository repository, TrashLedger ledger, LocationService locations,
                        ImportRepository imports, IdentifyService identify, FileTransactions fileTransactions, AupatProperties properties,
                        ArchiveClock clock, FileHasher hasher, DatabaseBackup backup) {
        this.repository = repository;
        this.ledger = ledger;
        this.locations = locations;
        this.imports = imports;
        this.identify = identify;
        this.fileTransactions = fileTransactions;
        this.properties = properties;
        this.clock = clock;
        this.hasher = hasher;
        this.backup = backup;
    }

    /**
     * What to trash or restore: files by SHA-256 (or a unique prefix) and by original name, narrowed to one
     * location and one import when {@code location} or {@code importId} is given; these alone mean all of
     * their files.
     */
    public record Selection(List<String> shas, List<String> names, String location, String importId) {
        public Selection {
            shas = shas == null ? List.of() : List.copyOf(shas);
            names = names == null ? List.of() : List.copyOf(names);
        }

        boolean isEmpty() {
            return shas.isEmpty() && names.isEmpty() && location == null && importId == null;
        }
    }

    /** What one trash, restore or emptying did: files handled and master JSON files written or failed. */
    public record Result(int files, List<Path> masterJson, Map<String, String> failed) {
    }

    // ---------------------------------------------------------------- trash

    /** Decides what trashing the selection does; refuses (exit 2) anything ambiguous, changes nothing. */
    public TrashPlan planTrash(Selection selection) {
        String location = resolve(selection);
        String imported = importOf(selection);
        Map<String, LiveFile> chosen = new LinkedHashMap<>();
        List<String> alreadyIn = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        for (String sha : selection.shas()) {
            String prefix = prefix(sha);
            List<LiveFile> live = within(repository.byShaPrefix(prefix), location, imported);
            if (live.size() > 1) {
                throw new ValidationError("--sha", sha, "is ambiguous: " + describe(live) + ". Give more digits.");
            }
            if (live.isEmpty()) {
                alreadyIn.addAll(alreadyTrashed(withinTrashed(repository.trashedByShaPrefix(prefix), location, imported),
                        location, "--sha", sha, touched));
            } else {
                chosen.putIfAbsent(live.get(0).sha(), live.get(0));
            }
        }
        for (String name : selection.names()) {
            List<LiveFile> live = within(repository.byOriginalName(name, location), location, imported);
            if (live.size() > 1) {
                throw new ValidationError("--name", name, "names " + live.size() + " files: " + describe(live)
                        + ". Choose one with --sha, or narrow with --location.");
            }
            if (live.isEmpty()) {
                alreadyIn.addAll(alreadyTrashed(withinTrashed(repository.trashedByOriginalName(name, location), location,
                        imported), location, "--name", name, touched));
            } else {
                chosen.putIfAbsent(live.get(0).sha(), live.get(0));
            }
        }
        if (selection.shas().isEmpty() && selection.names().isEmpty()) {
            List<LiveFile> all = imported != null ? within(repository.ofImport(imported), location, null)
                    : repository.ofLocation(location);
            all.forEach(f -> chosen.putIfAbsent(f.sha(), f));
            List<Trashed> inTrash = imported != null ? withinTrashed(repository.trashedOfImport(imported), location, null)
                    : repository.trashedOfLocation(location);
            inTrash.forEach(t -> touched.add(t.locationUuid()));
            if (location != null) {
                touched.add(location);
            }
            if (chosen.isEmpty()) {
                alreadyIn.add((imported != null ? "import " + imported : "location " + location) + " has no file in the"
                        + " archive" + (inTrash.isEmpty() ? "." : "; " + inTrash.size() + " of its files are in the trash."));
            }
        }
        List<Planned> files = new ArrayList<>();
        Set<String> planned = new LinkedHashSet<>();
        for (LiveFile asked : chosen.values()) {
            if (planned.contains(asked.sha())) {
                continue;
            }
            List<LiveFile> group = group(asked);
            String groupId = group.stream().map(LiveFile::sha).sorted().findFirst().orElseThrow();
            for (LiveFile f : group) {
                if (planned.add(f.sha())) {
                    files.add(planned(f, groupId, chosen.containsKey(f.sha()) ? null : asked.sha()));
                    touched.add(f.locationUuid());
                }
            }
        }
        return new TrashPlan(files, alreadyIn, touched);
    }

    /** Trashes what the plan says, chunk by chunk, then writes the master JSON of every location touched. */
    public Result trash(TrashPlan plan, String reason) {
        for (List<Planned> chunk : chunks(plan.files(), Planned::group)) {
            try (FileTransaction files = fileTransactions.begin()) {
                for (Planned p : chunk) {
                    if (!p.moved()) {
                        files.move(p.from(), p.to());
                    }
                }
                files.commit();
            }
            ledger.trashed(chunk, clock.timestamp(), reason);
        }
        return rewriteMasterJson(plan.files().size(), plan.locations());
    }

    /** The file with every file it belongs with, transitively, each checked as one the trash may take. */
    private List<LiveFile> group(LiveFile asked) {
        Map<String, LiveFile> group = new LinkedHashMap<>();
        Deque<LiveFile> next = new ArrayDeque<>(List.of(asked));
        while (!next.isEmpty()) {
            LiveFile f = next.poll();
            if (group.putIfAbsent(f.sha(), f) == null) {
                for (String partner : f.partners()) {
                    repository.bySha(partner).filter(p -> !group.containsKey(p.sha())).ifPresent(next::add);
                }
            }
        }
        return List.copyOf(group.values());
    }

    private Planned planned(LiveFile f, String group, String partnerOf) {
        String what = f.type().prefix() + " " + f.sha() + " (" + f.originalName() + ")";
        if (!f.archived() || !f.verified()) {
            throw new ValidationError("--sha", f.sha(), (partnerOf == null ? "" : "(it belongs with " + partnerOf + ") ")
                    + (f.archived() ? "is archived but not verified yet: run --script=db_verify first, so that its"
                    + " staging copy is checked and removed." : "is still in staging: finish its import (db_organize,"
                    + " db_ingest, db_verify, or the pipeline) first."));
        }
        Path from = Path.of(f.loc());
        Path archive = properties.archive();
        if (!from.startsWith(archive) || from.equals(archive)) {
            throw new ValidationError("--sha", f.sha(), "is recorded at " + from + ", outside the archive " + archive
                    + ": trash only takes files from the archive. Check aupat.archive.");
        }
        Path to = properties.trash().resolve(archive.relativize(from));
        Optional<Trashed> occupant = repository.trashedAt(to.toString());
        if (occupant.isPresent()) {
            throw new ValidationError("--sha", f.sha(), "cannot go to " + to + ": the trash holds a file there already"
                    + " (trashed " + occupant.get().trashed() + "). Restore it or empty the trash first.");
        }
        boolean atSource = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
        boolean atTarget = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
        if (!atSource && !(atTarget && hasher.sha256(to).equals(f.sha()))) {
            throw new FileSystemError(what + ": its archive file " + from + " is missing. Nothing was trashed;"
                    + " run --script=db_verify, which names good copies.");
        }
        try {
            return new Planned(f, from, to, group, partnerOf, Files.size(atSource ? from : to), !atSource);
        } catch (java.io.IOException e) {
            throw new FileSystemError("cannot read the size of " + from + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- restore

    /**
     * What a restore does: the trashed files to put back (whole groups), each with where it goes.
     *
     * @param files     the records to restore, in group order
     * @param partners  sha of a file restored because it belongs with one asked for -> the one asked for
     * @param moved     shas an interrupted run already put back in the archive (their rows are not back yet)
     * @param locations every location it touches
     */
    public record RestorePlan(List<Trashed> files, Map<String, String> partners, Set<String> moved, Set<String> locations) {
        /** The plan as a person reads it: one line per file. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (Trashed t : files) {
                lines.add("restore " + t.trashPath() + " -> " + t.archivePath() + " (" + t.originalName() + ", location "
                        + t.locationUuid() + ", trashed " + t.trashed() + ")" + (partners.containsKey(t.sha())
                        ? ", with " + partners.get(t.sha()).substring(0, 12) + " (they were trashed together)" : "")
                        + (moved.contains(t.sha()) ? " [moved back by an interrupted run]" : ""));
            }
            if (files.isEmpty()) {
                lines.add("nothing to restore: the trash holds none of these files.");
            }
            return lines;
        }
    }

    /** Decides what restoring the selection does; refuses (exit 2) anything ambiguous or in the way. */
    public RestorePlan planRestore(Selection selection) {
        String location = resolve(selection);
        String imported = importOf(selection);
        Map<Long, Trashed> asked = new LinkedHashMap<>();
        for (String sha : selection.shas()) {
            String prefix = prefix(sha);
            List<Trashed> found = withinTrashed(repository.trashedByShaPrefix(prefix), location, imported);
            if (found.isEmpty()) {
                Optional<LiveFile> live = repository.byShaPrefix(prefix).stream().findFirst();
                throw new ValidationError("--sha", sha, live.map(l -> "is not in the trash: it is in the archive, at "
                        + l.loc() + ".").orElse("is no file in the trash."));
            }
            if (found.size() > 1) {
                throw new ValidationError("--sha", sha, "is ambiguous in the trash: " + describeTrashed(found)
                        + ". Give more digits, or narrow with --location.");
            }
            asked.putIfAbsent(found.get(0).id(), found.get(0));
        }
        for (String name : selection.names()) {
            List<Trashed> found = withinTrashed(repository.trashedByOriginalName(name, location), location, imported);
            if (found.size() != 1) {
                throw new ValidationError("--name", name, found.isEmpty() ? "names no file in the trash."
                        : "names " + found.size() + " files in the trash: " + describeTrashed(found)
                        + ". Choose one with --sha, or narrow with --location.");
            }
            asked.putIfAbsent(found.get(0).id(), found.get(0));
        }
        if (selection.shas().isEmpty() && selection.names().isEmpty()) {
            (imported != null ? withinTrashed(repository.trashedOfImport(imported), location, null)
                    : repository.trashedOfLocation(location)).forEach(t -> asked.putIfAbsent(t.id(), t));
        }
        Map<Long, Trashed> files = new LinkedHashMap<>();
        Map<String, String> partners = new LinkedHashMap<>();
        for (Trashed t : asked.values()) {
            for (Trashed member : repository.trashedGroup(t.group(), t.locationUuid())) {
                if (files.putIfAbsent(member.id(), member) == null && !asked.containsKey(member.id())) {
                    partners.put(member.sha(), t.sha());
                }
            }
        }
        Set<String> moved = new TreeSet<>();
        Set<String> touched = new LinkedHashSet<>();
        for (Trashed t : files.values()) {
            if (checkRestorable(t)) {
                moved.add(t.sha());
            }
            touched.add(t.locationUuid());
        }
        return new RestorePlan(List.copyOf(files.values()), partners, moved, touched);
    }

    /** Puts back what the plan says, chunk by chunk, then writes the master JSON of every location touched. */
    public Result restore(RestorePlan plan) {
        for (List<Trashed> chunk : chunks(plan.files(), Trashed::group)) {
            try (FileTransaction files = fileTransactions.begin()) {
                for (Trashed t : chunk) {
                    if (!plan.moved().contains(t.sha())) {
                        files.move(Path.of(t.trashPath()), Path.of(t.archivePath()));
                    }
                }
                removeEmptyTrashFolders(files, chunk);
                files.commit();
            }
            ledger.restored(chunk, clock.timestamp());
        }
        return rewriteMasterJson(plan.files().size(), plan.locations());
    }

    /**
     * Refuses a file that cannot go back exactly; returns whether an interrupted restore already moved it.
     * Its bytes are hashed before anything moves: what goes back is what was trashed.
     */
    private boolean checkRestorable(Trashed t) {
        String what = t.type().prefix() + " " + t.sha() + " (" + t.originalName() + ")";
        Path from = Path.of(t.trashPath());
        Path to = Path.of(t.archivePath());
        requireInside(from, properties.trash(), t);
        requireInside(to, properties.archive(), t);
        repository.bySha(t.sha()).ifPresent(live -> {
            throw new ValidationError("--sha", t.sha(), "cannot be restored: the archive holds these bytes again, at "
                    + live.loc() + " (location " + live.locationUuid() + "). Trash that copy first, or empty this one.");
        });
        if (!repository.locationExists(t.locationUuid())) {
            throw new ValidationError("--sha", t.sha(), "cannot be restored: its location " + t.locationUuid()
                    + " is no longer in the archive.");
        }
        if (t.subUuid() != null && !repository.subLocationExists(t.subUuid())) {
            throw new ValidationError("--sha", t.sha(), "cannot be restored: its sub-location " + t.subUuid()
                    + " is no longer in the archive.");
        }
        ledger.row(t);
        boolean inTrash = Files.exists(from, LinkOption.NOFOLLOW_LINKS);
        boolean inArchive = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
        if (inTrash && inArchive) {
            throw new ValidationError("--sha", t.sha(), "refusing to restore over the existing file " + to
                    + ": move it away first. Nothing was restored.");
        }
        Path holding = inTrash ? from : to;
        if (!inTrash && !inArchive) {
            throw new FileSystemError(what + ": its bytes are missing from the trash (" + from + "). Nothing was restored.");
        }
        String sha = hasher.sha256(holding);
        if (!sha.equals(t.sha())) {
            if (inArchive) {
                throw new ValidationError("--sha", t.sha(), "refusing to restore over the existing file " + to
                        + ", which holds other bytes: move it away first. Nothing was restored.");
            }
            throw new ChecksumMismatchError(from, t.sha(), sha);
        }
        return !inTrash;
    }

    // ---------------------------------------------------------------- emptying

    /** The trashed files older than {@code age}, oldest first: what emptying the trash deletes. */
    public List<Trashed> planEmpty(Duration age) {
        String before = ArchiveClock.format(clock.now().minus(age));
        List<Trashed> files = repository.trashedBefore(before);
        files.forEach(t -> requireInside(Path.of(t.trashPath()), properties.trash(), t));
        return files;
    }

    /** One line per file emptying deletes, the same for the dry run and the real run. */
    public static String line(Trashed t) {
        return "delete " + t.trashPath() + " (" + t.originalName() + ", " + (t.size() == null ? "?" : t.size())
                + " bytes, from location " + t.locationUuid() + ", trashed " + t.trashed()
                + (t.reason() == null ? "" : ", why: " + t.reason()) + ")";
    }

    /** What emptying did: files deleted, and the verified backup made first (none when nothing was deleted). */
    public record Emptied(int files, Optional<Path> backup) {
    }

    /** Deletes the bytes and records of the planned files, after a verified backup of the database. */
    public Emptied empty(List<Trashed> plan) {
        if (plan.isEmpty()) {
            return new Emptied(0, Optional.empty());
        }
        Optional<Path> made = backup.backup();
        for (List<Trashed> chunk : chunks(plan, Trashed::group)) {
            try (FileTransaction files = fileTransactions.begin()) {
                for (Trashed t : chunk) {
                    Path file = Path.of(t.trashPath());
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        files.deleteWithBackup(file);
                    }
                }
                files.commit();
            }
            ledger.emptied(chunk);
            // After the commit: until then each deleted file keeps a backup name in its folder.
            try (FileTransaction folders = fileTransactions.begin()) {
                removeEmptyTrashFolders(folders, chunk);
                folders.commit();
            }
        }
        return new Emptied(plan.size(), made);
    }

    /** How many files the trash holds and their bytes (none before the database and its trash table exist). */
    public long[] contents() {
        // An SQLite file not made yet is not opened here (opening would create it); a server's database is asked.
        try {
            if (properties.databaseInFile() && (!Files.isRegularFile(properties.databaseFile())
                    || Files.size(properties.databaseFile()) == 0)) {
                return new long[] {0, 0};
            }
        } catch (java.io.IOException e) {
            return new long[] {0, 0};
        }
        return repository.hasTrashTable() ? repository.contents() : new long[] {0, 0};
    }

    // ---------------------------------------------------------------- shared

    /**
     * The trash folders these files left, and those above them, once empty (the trash root stays): a restored
     * or emptied trash leaves no empty tree behind.
     */
    private void removeEmptyTrashFolders(FileTransaction files, List<Trashed> chunk) {
        Path root = properties.trash();
        Set<Path> folders = new TreeSet<>(java.util.Comparator.comparingInt(Path::getNameCount).reversed()
                .thenComparing(java.util.Comparator.naturalOrder()));
        for (Trashed t : chunk) {
            for (Path f = Path.of(t.trashPath()).getParent(); f != null && f.startsWith(root) && !f.equals(root);
                    f = f.getParent()) {
                folders.add(f);
            }
        }
        for (Path folder : folders) {
            if (isEmptyFolder(folder)) {
                files.removeEmptyDirectory(folder);
            }
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private String resolve(Selection selection) {
        if (selection.isEmpty()) {
            throw new ValidationError("selection", null, "give the files: --sha=HEX (or a unique prefix), --name=ORIGINAL,"
                    + " --import=ID or --location=X (all of its files).");
        }
        return selection.location() == null ? null : locations.byReference("--location", selection.location()).uuid();
    }

    private static String prefix(String sha) {
        String p = sha.strip().toLowerCase(java.util.Locale.ROOT);
        if (!p.matches("[0-9a-f]{" + SHORTEST_PREFIX + ",64}")) {
            throw new ValidationError("--sha", sha, "is not a SHA-256 or a prefix of one (" + SHORTEST_PREFIX
                    + " to 64 hexadecimal digits).");
        }
        return p;
    }

    private String importOf(Selection selection) {
        return selection.importId() == null ? null : imports.byReference("--import", selection.importId()).id();
    }

    /** The files of one location and one import (either may be null: any). */
    private static List<LiveFile> within(List<LiveFile> files, String location, String imported) {
        return files.stream().filter(f -> (location == null || f.locationUuid().equals(location))
                && (imported == null || imported.equals(f.importId()))).toList();
    }

    private static List<Trashed> withinTrashed(List<Trashed> files, String location, String imported) {
        return files.stream().filter(t -> (location == null || t.locationUuid().equals(location))
                && (imported == null || imported.equals(t.importId()))).toList();
    }

    /** Lines for asked-for files found only in the trash; none found at all is an unknown file (exit 2). */
    private static List<String> alreadyTrashed(List<Trashed> found, String location, String option, String value,
                                               Set<String> touched) {
        List<Trashed> in = found;
        if (in.isEmpty()) {
            throw new ValidationError(option, value, "is no file in the archive" + (location == null ? "" : " location "
                    + location) + " (nor in its trash).");
        }
        in.forEach(t -> touched.add(t.locationUuid()));
        return in.stream().map(t -> "already in the trash: " + t.sha() + " (" + t.originalName() + ", trashed "
                + t.trashed() + ", at " + t.trashPath() + ")").toList();
    }

    private static String describe(List<LiveFile> files) {
        return String.join("; ", files.stream().limit(5).map(f -> f.sha().substring(0, 12) + " " + f.originalFolder()
                + "/" + f.originalName() + " in location " + f.locationUuid()).toList()) + (files.size() > 5 ? "; ..." : "");
    }

    private static String describeTrashed(List<Trashed> files) {
        return String.join("; ", files.stream().limit(5).map(t -> t.sha().substring(0, 12) + " " + t.originalName()
                + " from location " + t.locationUuid() + " trashed " + t.trashed()).toList()) + (files.size() > 5 ? "; ..." : "");
    }

    private static void requireInside(Path path, Path root, Trashed t) {
        if (!path.normalize().equals(path) || !path.startsWith(root) || path.equals(root)) {
            throw new ValidationError("trash record", t.sha(), "names " + path + ", outside " + root
                    + ": the trash table was changed outside AUPAT. Nothing was changed.");
        }
    }

    /** Consecutive chunks of about {@link #CHUNK} files; a group is never split, so its rows change together. */
    private static <T> List<List<T>> chunks(List<T> items, java.util.function.Function<T, String> group) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> chunk = new ArrayList<>();
        String last = null;
        for (T item : items) {
            String g = group.apply(item);
            if (chunk.size() >= CHUNK && !g.equals(last)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.add(item);
            last = g;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private Result rewriteMasterJson(int files, Set<String> touched) {
        List<Path> written = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String location : touched) {
            if (!repository.locationExists(location)) {
                continue;
            }
            IdentifyService.Result r = identify.identify(location, false);
            written.addAll(r.written());
            failed.putAll(r.failed());
        }
        return new Result(files, written, failed);
    }
}
