package org.aupat.archive.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
import org.springframework.stereotype.Service;

/**
 * Writes the offline catalogue beside the archive (never inside it): {@code index.html}, one page per
 * location under {@code locations/}, and the assets the pages use (Leaflet copied in, so no page loads a
 * script from elsewhere). Thumbnails are brought up to date first. A location whose rows are as they were
 * when its page was written (see {@link PageState}) is not rendered again, and no page already as it should
 * be is rewritten, so a run with nothing new only reads. With {@code redactGps} it writes the copy for sharing
 * instead: no coordinates, no map, no GPS in any field.
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

    public CatalogueService(CatalogueRepository repository, Thumbnails thumbnails, ObjectMapper json,
                            AupatProperties properties) {
        this.repository = repository;
        this.thumbnails = thumbnails;
        this.pages = new Pages(json);
        this.properties = properties;
        this.json = json;
    }

    /** What one run wrote. */
    public record Result(Path index, int locations, long photos, long videos, long documents, int thumbnailsMade,
                         int thumbnailsUnmade, int pagesWritten, int pagesUnchanged, int pagesRemoved) {
    }

    /** exiftool and ffmpeg, checked before a run (a missing one is a pre-flight error). */
    public void requireTools() {
        thumbnails.requireTools();
    }

    /** Brings the thumbnails up to date, then writes the catalogue (or, with {@code redactGps}, its copy without GPS). */
    public Result write(boolean redactGps) {
        List<ThumbnailSource> sources = new ArrayList<>();
        repository.thumbnailSources(sources::add);
        Thumbnails.Result thumbs = thumbnails.update(sources);
        Path root = redactGps ? properties.catalogueWithoutGps() : properties.catalogue();
        Pages.Site site = new Pages.Site(root, redactGps, thumbnails::file, thumbs.available());
        int[] written = {0, 0};
        try {
            CatalogueFiles.discardLeftovers(root);
            assets(root, redactGps, written);
            PageState state = PageState.read(root, json);
            List<Pages.Summary> summaries = new ArrayList<>();
            Set<Path> pagesNow = new HashSet<>();
            for (LocationRow location : repository.locations()) {
                List<MediaRow> media = new ArrayList<>();
                repository.media(location.uuid(), media::add);
                List<DocumentRow> documents = repository.documents(location.uuid());
                List<UrlRow> urls = repository.urls(location.uuid());
                List<SubLocationRow> subLocations = repository.subLocations(location.uuid());
                String fingerprint = PageState.fingerprint(redactGps, location, media, documents, urls, subLocations,
                        thumbs.available());
                Path file = root.resolve(Pages.pageOf(location));
                pagesNow.add(file);
                Pages.Summary same = state.unchanged(location.uuid(), fingerprint, file);
                if (same != null) {
                    written[1]++; // made from the same rows as the page on disk: not rendered again
                    summaries.add(same);
                    continue;
                }
                Pages.Rendered page = pages.location(site, location, media, documents, urls, subLocations);
                byte[] html = page.html().getBytes(StandardCharsets.UTF_8);
                count(CatalogueFiles.writeIfChanged(file, html), written);
                state.written(location.uuid(), fingerprint, html.length, page.summary());
                summaries.add(page.summary());
            }
            int removed = CatalogueFiles.deleteOthers(site.locations(), ".html", pagesNow);
            Path index = root.resolve("index.html");
            count(CatalogueFiles.writeIfChanged(index, pages.index(site, summaries).getBytes(StandardCharsets.UTF_8)), written);
            state.save();
            log.info("catalogue {}: {} page(s) written, {} unchanged, {} thumbnail(s) made", root, written[0], written[1],
                    thumbs.made());
            return new Result(index, summaries.size(), summaries.stream().mapToLong(Pages.Summary::photos).sum(),
                    summaries.stream().mapToLong(Pages.Summary::videos).sum(),
                    summaries.stream().mapToLong(Pages.Summary::documents).sum(), thumbs.made(), thumbs.unmade(),
                    written[0], written[1], removed);
        } catch (IOException | UncheckedIOException e) {
            throw new FileSystemError("Cannot write the catalogue in " + root + ": " + e.getMessage()
                    + ". Check that the folder is writable and has free space, then run catalogue again.", e);
        }
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
