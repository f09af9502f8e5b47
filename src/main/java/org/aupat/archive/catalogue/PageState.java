package org.aupat.archive.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aupat.archive.catalogue.CatalogueRepository.DocumentRow;
import org.aupat.archive.catalogue.CatalogueRepository.LocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.MediaRow;
import org.aupat.archive.catalogue.CatalogueRepository.SubLocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.UrlRow;

/**
 * What the catalogue wrote for each location last time, kept in {@code pages.json} in the catalogue folder
 * (derived data like the pages, so deleting the folder starts over). Two checks, cheap first
 * (docs/catalogue.md, "The incremental rule"):
 * <ul>
 *   <li>the location's <em>marks</em>: a few aggregates per table the database computes without a row
 *   reaching Java (counts, the latest add, update and verification times, path lengths; see
 *   {@link CatalogueRepository#changeMarks}), the thumbnails folder's modification times, and whether the page
 *   and its data files are still there at their sizes. All as last time: the location is skipped outright;</li>
 *   <li>otherwise its rows are read and hashed into a <em>fingerprint</em> of everything the page shows; the same
 *   fingerprint: the page is not rendered again (a touch that changed nothing shown costs one read).</li>
 * </ul>
 * A location whose files did not all get a thumbnail (an original missing for now) is never skipped on its
 * marks alone, so the thumbnail is made once the file is back.
 */
final class PageState {
    /** Bump when the pages' layout changes, so every page is written again. */
    static final String PAGE_FORMAT = "2";
    /**
     * A folder changed this close before the state was recorded may change again within the same tick of a
     * coarse file system clock (FAT keeps 2 s) without its time moving: such a folder is not trusted.
     */
    static final long RACY_NANOS = 2_000_000_000L;
    /** The same on a file system whose times have sub-second digits (ext4, xfs, btrfs keep a few milliseconds'). */
    static final long RACY_NANOS_FINE = 50_000_000L;

    /**
     * One location's page as last written: {@code data} its data files' sizes by name, {@code thumbnails} how
     * many of its files had a thumbnail, {@code complete} whether every file had one (or cannot have one).
     */
    record Entry(String marks, String fingerprint, long size, Map<String, Long> data, int thumbnails,
                 boolean complete, Pages.Summary summary) {
    }

    /** The file's content. */
    record Saved(String format, Map<String, String> thumbnailFolders, Long recordedNanos, Map<String, Entry> locations) {
    }

    private final Path file;
    private final ObjectMapper json;
    private final String format;
    private final Saved before;
    private final Map<String, Entry> now = new TreeMap<>();

    private PageState(Path file, ObjectMapper json, String format, Saved before) {
        this.file = file;
        this.json = json;
        this.format = format;
        this.before = before;
    }

    /** The state in {@code root}; none (every location is read) when it is missing, unreadable or of another format. */
    static PageState read(Path root, ObjectMapper json, String format) {
        Path file = root.resolve("pages.json");
        Saved before = null;
        if (Files.isRegularFile(file)) {
            try {
                before = json.readValue(file.toFile(), Saved.class);
            } catch (IOException e) {
                before = null; // derived data: a damaged state only costs one full rebuild
            }
        }
        if (before == null || !format.equals(before.format()) || before.locations() == null
                || before.thumbnailFolders() == null || before.recordedNanos() == null) {
            before = new Saved(format, Map.of(), 0L, Map.of());
        }
        // Without empty fields, so the copy without GPS holds not even the name of a coordinate.
        return new PageState(file, json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL), format, before);
    }

    /** The key of everything global a page depends on: the layout, AUPAT's version, the copy, the grid's chunk size. */
    static String format(boolean redactGps, int chunkItems) {
        return PAGE_FORMAT + "/" + CatalogueService.class.getPackage().getImplementationVersion() + "/"
                + (redactGps ? "no-gps" : "full") + "/" + chunkItems;
    }

    /** Whether any location was recorded (else every location is read anyway). */
    boolean recordedAny() {
        return !before.locations().isEmpty();
    }

    /**
     * Whether the thumbnails folder is as this state last saw it: every folder's modification time the same,
     * and none of them changed so shortly before it was recorded that a later change could hide in its tick.
     */
    boolean thumbnailsAsBefore(Map<String, String> folders) {
        if (!folders.equals(before.thumbnailFolders())) {
            return false;
        }
        return untrustedFor(folders, before.recordedNanos()) == 0;
    }

    /**
     * How long after {@code nowNanos} the folders' times are to be trusted (0: now): the newest time plus one
     * tick of the file system's clock, so that a run which just made thumbnails waits that long before it
     * records them, and its next run need not check them again.
     */
    static long untrustedFor(Map<String, String> folders, long nowNanos) {
        List<Long> times = folders.entrySet().stream().filter(f -> !f.getKey().startsWith("@")) // the unmade list's size
                .map(f -> Long.parseLong(f.getValue())).toList();
        long tick = times.stream().allMatch(t -> t % 1_000_000_000L == 0) ? RACY_NANOS : RACY_NANOS_FINE;
        long newest = times.stream().mapToLong(Long::longValue).max().orElse(Long.MIN_VALUE / 2);
        return Math.max(0, newest + tick - nowNanos);
    }

    /**
     * The summary written last time, when nothing the cheap checks see has changed: the same marks, every file
     * given a thumbnail then, as many thumbnails now ({@code thumbnails} null: the folder is as before), and the
     * page and its data files still there at their sizes. Records the location as kept.
     */
    Pages.Summary settled(String uuid, String marks, Integer thumbnails, Path page, Path dataFolder) throws IOException {
        Entry entry = before.locations().get(uuid);
        if (entry == null || !entry.complete() || !marks.equals(entry.marks())
                || (thumbnails != null && thumbnails != entry.thumbnails()) || !intact(entry, page, dataFolder)) {
            return null;
        }
        now.put(uuid, entry);
        return entry.summary();
    }

    /**
     * The summary written last time, when the page is still there and was made from the same rows: the page is
     * not rendered again, and the location is recorded with its marks of now.
     */
    Pages.Summary unchanged(String uuid, String fingerprint, Path page, Path dataFolder, String marks, int thumbnails,
                            boolean complete) throws IOException {
        Entry entry = before.locations().get(uuid);
        if (entry == null || !fingerprint.equals(entry.fingerprint()) || !intact(entry, page, dataFolder)) {
            return null;
        }
        now.put(uuid, new Entry(marks, fingerprint, entry.size(), entry.data(), thumbnails, complete, entry.summary()));
        return entry.summary();
    }

    private static boolean intact(Entry entry, Path page, Path dataFolder) throws IOException {
        if (!Files.isRegularFile(page) || Files.size(page) != entry.size() || entry.data() == null) {
            return false;
        }
        for (Map.Entry<String, Long> data : entry.data().entrySet()) {
            Path file = dataFolder.resolve(data.getKey());
            if (!Files.isRegularFile(file) || Files.size(file) != data.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Records a page just written. */
    void written(String uuid, Entry entry) {
        now.put(uuid, entry);
    }

    /**
     * Writes the state of this run, with the thumbnails folder as it is after it (last, so a killed run reads again
     * what it had not recorded).
     */
    boolean save(Map<String, String> thumbnailFolders, long recordedNanos) throws IOException {
        if (now.equals(before.locations()) && thumbnailsAsBefore(thumbnailFolders)) {
            return false; // as it was, and trusted: a run with nothing new writes nothing
        }
        Saved saved = new Saved(format, new TreeMap<>(thumbnailFolders), recordedNanos, now);
        return CatalogueFiles.writeIfChanged(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(saved));
    }

    /** A SHA-256 over everything one location's page is made from. */
    static String fingerprint(LocationRow location, List<MediaRow> media, List<DocumentRow> documents,
                              List<UrlRow> urls, List<SubLocationRow> subLocations, Set<String> thumbnails) {
        MessageDigest digest = sha256();
        StringBuilder text = new StringBuilder(1 << 17);
        add(text, location.toString());
        // Field by field into one buffer hashed in large pieces: a record's toString, or one digest call per
        // field, costs several times the hash itself at 100,000 rows.
        for (MediaRow r : media) {
            add(text, r.video(), r.sha(), r.path(), r.originalName(), r.originalFolder(), r.category(),
                    r.hardwareJson(), r.takenLocal(), r.taken(), r.lat(), r.lon(), r.damaged(), r.archived(),
                    r.verified(), r.subUuid(), r.pairsJson(), r.linkedMediaJson(), r.docsJson(),
                    thumbnails.contains(r.sha()));
            if (text.length() > 1 << 16) {
                digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
                text.setLength(0);
            }
        }
        documents.forEach(d -> add(text, d.toString()));
        urls.forEach(u -> add(text, u.toString()));
        subLocations.forEach(s -> add(text, s.toString()));
        digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(StringBuilder text, Object... fields) {
        for (Object field : fields) {
            // A separator after each field, and null told apart from an empty text.
            text.append(field == null ? "\u0001" : field.toString()).append('\u0000');
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
