package org.aupat.archive.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.aupat.archive.catalogue.CatalogueRepository.DocumentRow;
import org.aupat.archive.catalogue.CatalogueRepository.LocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.MediaRow;
import org.aupat.archive.catalogue.CatalogueRepository.SubLocationRow;
import org.aupat.archive.catalogue.CatalogueRepository.ThumbnailSource;
import org.aupat.archive.catalogue.CatalogueRepository.UrlRow;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.FileSystemError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Writes the offline catalogue beside the archive (never inside it): {@code index.html}, one page per
 * location under {@code locations/}, and the assets the pages use (Leaflet copied in, so no page loads a
 * script from elsewhere). A location that the database's aggregates, the thumbnails folder and its page's
 * files say is unchanged is skipped without reading its rows; a changed one gets its missing thumbnails, and
 * its page is rendered again only when the rows it shows changed (see {@link PageState}); no file already as
 * it should be is rewritten, so a run with nothing new only reads. With {@code redactGps} it writes the copy
 * for sharing instead: no coordinates, no map, no GPS in any field.
 */
@Service
public class CatalogueService {
    private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);
    private static final String LEAFLET = "META-INF/resources/webjars/leaflet/";
    private static final List<String> LEAFLET_FILES = List.of("dist/leaflet.js", "dist/leaflet.css", "LICENSE",
            "dist/images/layers.png", "dist/images/layers-2x.png", "dist/images/marker-icon.png",
            "dist/images/marker-icon-2x.png", "dist/images/marker-shadow.png");

    private final CatalogueRepository repository;
    private final Thumbnails thumbnails;
    private final Pages pages;
    private final AupatProperties properties;
    private final ObjectMapper json;
    /** Items per data file of a location's grid (docs/catalogue.md; a setting only so tests can make groups span files). */
    private final int chunkItems;
    /** About 250 kB of data per file: quick to parse, and 400 files for 100,000 items. */
    static final int GRID_ITEMS = 500;

    public CatalogueService(CatalogueRepository repository, Thumbnails thumbnails, ObjectMapper json,
                            AupatProperties properties,
                            @Value("${aupat.catalogue-grid-items:" + GRID_ITEMS + "}") int chunkItems) {
        this.chunkItems = Math.max(1, chunkItems);
        this.repository = repository;
        this.thumbnails = thumbnails;
        this.pages = new Pages(json);
        this.properties = properties;
        this.json = json;
    }

    /** What one run wrote. */
    public record Result(Path index, int locations, long photos, long videos, long documents, int thumbnailsMade,
                         int thumbnailsUnmade, int pagesWritten, int pagesUnchanged, int pagesRemoved, int locationsRead) {
    }

    /**
     * exiftool and ffmpeg, checked before a run that will make thumbnails (a missing one is a pre-flight error).
     * {@link #write} checks them itself before it writes anything, and only when there is a thumbnail to make: a
     * rebuild with nothing new starts no tool.
     */
    public void requireTools() {
        thumbnails.requireTools();
    }

    /**
     * Writes the catalogue (or, with {@code redactGps}, its copy without GPS), making the thumbnails its changed
     * locations lack first. A location that nothing cheap says has changed is skipped without reading one of its
     * rows (see {@link PageState}).
     */
    public Result write(boolean redactGps) {
        Path root = redactGps ? properties.catalogueWithoutGps() : properties.catalogue();
        int[] written = {0, 0};
        try {
            CatalogueFiles.discardLeftovers(root);
            PageState state = PageState.read(root, json, PageState.format(redactGps, chunkItems));
            List<LocationRow> locations = repository.locations();
            Map<String, String> marks = repository.changeMarks();
            Map<String, String> folders = thumbnails.folders();
            Map<String, Integer> thumbnailCounts = !state.recordedAny() || state.thumbnailsAsBefore(folders)
                    ? null : thumbnailsByLocation();
            Map<String, Pages.Summary> summaries = new HashMap<>();
            List<LocationRow> changed = new ArrayList<>();
            Set<Path> pagesNow = new HashSet<>();
            for (LocationRow location : locations) {
                Path page = root.resolve(Pages.pageOf(location));
                pagesNow.add(page);
                pagesNow.add(root.resolve(Pages.dataOf(location)));
                Pages.Summary same = state.settled(location.uuid(), marks(location, marks),
                        thumbnailCounts == null ? null : thumbnailCounts.getOrDefault(location.uuid(), 0), page,
                        root.resolve(Pages.dataOf(location)));
                if (same != null) {
                    summaries.put(location.uuid(), same);
                    written[1]++;
                } else {
                    changed.add(location);
                }
            }
            List<ThumbnailSource> sources = new ArrayList<>();
            changed.forEach(location -> repository.thumbnailSources(location.uuid(), sources::add));
            Thumbnails.Result thumbs = thumbnails.update(sources); // checks its tools first when it has any to make
            assets(root, redactGps, written);
            Pages.Site site = new Pages.Site(root, redactGps, thumbnails::file, thumbs.available(), chunkItems);
            for (LocationRow location : changed) {
                summaries.put(location.uuid(), page(site, state, location, marks(location, marks), thumbs, written));
            }
            int removed = CatalogueFiles.deleteOthers(site.locations(), ".html", pagesNow);
            Path index = root.resolve("index.html");
            List<Pages.Summary> all = locations.stream().map(l -> summaries.get(l.uuid())).toList();
            count(CatalogueFiles.writeIfChanged(index, pages.index(site, all).getBytes(StandardCharsets.UTF_8)), written);
            // Read again when this run changed the folder: it made thumbnails, or its listing removed leftovers.
            boolean touched = thumbnailCounts != null || thumbs.made() + thumbs.unmade() > 0;
            if (touched) {
                folders = thumbnails.folders();
            }
            long recorded = nowNanos();
            if (touched) {
                for (int i = 0; i < 3 && PageState.untrustedFor(folders, recorded) > 0; i++) {
                    sleep(PageState.untrustedFor(folders, recorded));
                    folders = thumbnails.folders();
                    recorded = nowNanos();
                }
            }
            state.save(folders, recorded);
            log.info("catalogue {}: {} location(s) looked at again, {} file(s) written, {} unchanged, {} thumbnail(s) made",
                    root, changed.size(), written[0], written[1], thumbs.made());
            return new Result(index, all.size(), all.stream().mapToLong(Pages.Summary::photos).sum(),
                    all.stream().mapToLong(Pages.Summary::videos).sum(),
                    all.stream().mapToLong(Pages.Summary::documents).sum(), thumbs.made(), thumbs.unmade(),
                    written[0], written[1], removed, changed.size());
        } catch (IOException | UncheckedIOException e) {
            throw new FileSystemError("Cannot write the catalogue in " + root + ": " + e.getMessage()
                    + ". Check that the folder is writable and has free space, then run catalogue again.", e);
        }
    }

    /** A location's marks: its own row as shown, and the database's aggregates of its rows. */
    private static String marks(LocationRow location, Map<String, String> marks) {
        return location + "#" + marks.getOrDefault(location.uuid(), "");
    }

    /** How many thumbnails each location's files have: only when the thumbnails folder changed since last time. */
    private Map<String, Integer> thumbnailsByLocation() {
        Set<String> existing = thumbnails.existing();
        Map<String, Integer> counts = new HashMap<>();
        repository.mediaShas((location, sha) -> {
            if (existing.contains(sha)) {
                counts.merge(location, 1, Integer::sum);
            }
        });
        return counts;
    }

    /** Reads a location whose marks changed; renders and writes its page and data only when its rows did too. */
    private Pages.Summary page(Pages.Site site, PageState state, LocationRow location, String marks,
                               Thumbnails.Result thumbs, int[] written) throws IOException {
        List<MediaRow> media = new ArrayList<>();
        repository.media(location.uuid(), media::add);
        List<DocumentRow> documents = repository.documents(location.uuid());
        List<UrlRow> urls = repository.urls(location.uuid());
        List<SubLocationRow> subLocations = repository.subLocations(location.uuid());
        int withThumbnail = 0;
        boolean complete = true;
        for (MediaRow row : media) {
            if (thumbs.available().contains(row.sha())) {
                withThumbnail++;
            } else if (!thumbs.without().contains(row.sha())) {
                complete = false; // its file is missing for now: looked at again next time
            }
        }
        String fingerprint = PageState.fingerprint(location, media, documents, urls, subLocations, thumbs.available());
        Path file = site.root().resolve(Pages.pageOf(location));
        Path dataFolder = site.root().resolve(Pages.dataOf(location));
        Pages.Summary same = state.unchanged(location.uuid(), fingerprint, file, dataFolder, marks, withThumbnail, complete);
        if (same != null) {
            written[1]++; // made from the same rows as the page on disk: not rendered again
            return same;
        }
        Pages.Rendered page = pages.location(site, location, media, documents, urls, subLocations);
        Map<String, Long> sizes = new TreeMap<>();
        // The data first: a page is never on disk before the files it loads.
        for (Map.Entry<String, byte[]> data : page.data().entrySet()) {
            count(CatalogueFiles.writeIfChanged(dataFolder.resolve(data.getKey()), data.getValue()), written);
            sizes.put(data.getKey(), (long) data.getValue().length);
        }
        written[0] += CatalogueFiles.deleteOthers(dataFolder, ".js", sizes.keySet().stream()
                .map(dataFolder::resolve).collect(java.util.stream.Collectors.toSet()));
        byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
        count(CatalogueFiles.writeIfChanged(file, html), written);
        state.written(location.uuid(), new PageState.Entry(marks, fingerprint, html.length, sizes, withThumbnail, complete,
                page.summary()));
        return page.summary();
    }

    /** Waits out the file system's clock tick after the last thumbnail (at most 2 s, only after making some). */
    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.min(2_100L, nanos / 1_000_000 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the state is then recorded as not to be trusted: a check next time
        }
    }

    private static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private static void count(boolean wrote, int[] written) {
        written[wrote ? 0 : 1]++;
    }

    private void assets(Path root, boolean redactGps, int[] written) throws IOException {
        Path assets = root.resolve("assets");
        for (String name : List.of("catalogue.js", "catalogue.css")) {
            count(CatalogueFiles.writeIfChanged(assets.resolve(name), resource("catalogue/" + name)), written);
        }
        if (redactGps) {
            return; // no map in the copy without GPS
        }
        String leaflet = LEAFLET + leafletVersion() + "/";
        for (String file : LEAFLET_FILES) {
            Path target = assets.resolve("leaflet").resolve(file.replaceFirst("^dist/", ""));
            count(CatalogueFiles.writeIfChanged(target, resource(leaflet + file)), written);
        }
    }

    /** The version of the Leaflet webjar on the class path (its folder name inside the jar). */
    private static String leafletVersion() throws IOException {
        Properties pom = new Properties();
        try (InputStream in = stream("META-INF/maven/org.webjars.npm/leaflet/pom.properties")) {
            pom.load(in);
        }
        return pom.getProperty("version");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(String name) throws IOException {
        InputStream in = CatalogueService.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("the jar lacks " + name + " (a broken build: rebuild AUPAT)");
        }
        return in;
    }
}
