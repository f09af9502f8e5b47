package org.aupat.archive.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
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
 * (derived data like the pages): a fingerprint of everything a location's page is made from, the size of
 * the page written, and the page's summary for the index. A location whose fingerprint is unchanged and
 * whose page is still there is neither rendered nor written again. The fingerprint is a SHA-256 over the
 * very rows the page shows (not over update times, which not every change sets), so a move, a trash, a
 * restore, a rename, a verification or a new thumbnail all change it.
 */
final class PageState {
    /** Bump when the pages' layout changes, so every page is written again. */
    static final String PAGE_FORMAT = "1";

    /** One location's page as last written. */
    record Entry(String fingerprint, long size, Pages.Summary summary) {
    }

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Entry> before;
    private final Map<String, Entry> now = new TreeMap<>();

    private PageState(Path file, ObjectMapper json, Map<String, Entry> before) {
        this.file = file;
        this.json = json;
        this.before = before;
    }

    /** The state in {@code root}; none (every page is rendered) when it is missing or unreadable. */
    static PageState read(Path root, ObjectMapper json) {
        Path file = root.resolve("pages.json");
        Map<String, Entry> before = Map.of();
        if (Files.isRegularFile(file)) {
            try {
                before = json.readValue(file.toFile(), new TypeReference<TreeMap<String, Entry>>() { });
            } catch (IOException e) {
                before = Map.of(); // derived data: a damaged state only costs one full rebuild
            }
        }
        // Without empty fields, so the copy without GPS holds not even the name of a coordinate.
        return new PageState(file, json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL), before);
    }

    /** The summary written last time, when the page is still there and was made from the same rows. */
    Pages.Summary unchanged(String uuid, String fingerprint, Path page) throws IOException {
        Entry entry = before.get(uuid);
        if (entry == null || !entry.fingerprint().equals(fingerprint) || !Files.isRegularFile(page)
                || Files.size(page) != entry.size()) {
            return null;
        }
        now.put(uuid, entry);
        return entry.summary();
    }

    /** Records a page just written. */
    void written(String uuid, String fingerprint, long size, Pages.Summary summary) {
        now.put(uuid, new Entry(fingerprint, size, summary));
    }

    /** Writes the state of this run (after its pages, so a killed run renders again what it had not recorded). */
    boolean save() throws IOException {
        return CatalogueFiles.writeIfChanged(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(now));
    }

    /** A SHA-256 over everything one location's page is made from. */
    static String fingerprint(boolean redactGps, LocationRow location, List<MediaRow> media, List<DocumentRow> documents,
                              List<UrlRow> urls, List<SubLocationRow> subLocations, Set<String> thumbnails) {
        MessageDigest digest = sha256();
        StringBuilder text = new StringBuilder(1 << 17);
        add(text, PAGE_FORMAT, CatalogueService.class.getPackage().getImplementationVersion(), redactGps,
                location.toString());
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
