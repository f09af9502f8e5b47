package org.aupat.archive.organizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.hardware.Hardware;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.hardware.HardwareClassifier;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExifMetadata;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.VideoMetadata;
import org.aupat.archive.metadata.VideoProbe;
import org.aupat.archive.organizing.OrganizeRepository.Organized;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ExternalToolError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.springframework.stereotype.Service;

/**
 * db_organize: reads the metadata of every staged image and video (one long-lived exiftool pool fed in
 * batches, ffprobe for video streams), classifies the hardware, sets the flags, then links live-photo
 * pairs and sidecar documents per location. A file whose metadata cannot be read is still organised,
 * as "other", so that its bytes reach the archive; a tool that crashed or hung leaves it staged for the
 * next run. Either way the failure log says so and the run ends with exit code 4.
 */
@Service
public class OrganizeService {
    static final int CHUNK = 100;
    private final MediaRepository media;
    private final ExiftoolPool exiftool;
    private final VideoProbe ffprobe;
    private final HardwareClassifier classifier;
    private final OrganizeLedger ledger;
    private final FailureLog failures;
    private final ProgressReporter progress;
    private final AupatProperties properties;
    private final ArchiveClock clock;
    private final ObjectMapper json;

    public OrganizeService(MediaRepository media, ExiftoolPool exiftool, VideoProbe ffprobe, HardwareClassifier classifier,
                           OrganizeLedger ledger, FailureLog failures, ProgressReporter progress,
                           AupatProperties properties, ArchiveClock clock, ObjectMapper json) {
        this.media = media;
        this.exiftool = exiftool;
        this.ffprobe = ffprobe;
        this.classifier = classifier;
        this.ledger = ledger;
        this.failures = failures;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** Rows organised per type, rows left staged, and what the relationship pass linked. */
    public record Summary(Map<MediaType, Long> organized, Map<HardwareCategory, Long> categories, long leftStaged,
                          long livePairs, long documentLinks) {
        /** Prints what organizing did for a person, in one line. */
        public void printTo(Console console) {
            long total = organized.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder perCategory = new StringBuilder();
            categories.forEach((category, n) -> perCategory.append(perCategory.isEmpty() ? "" : ", ")
                    .append(n).append(' ').append(category.ruleName()));
            console.info("Organized " + total + " files" + (perCategory.isEmpty() ? "" : " (" + perCategory + ")")
                    + (livePairs > 0 ? "; " + livePairs + " live-photo pair(s)" : "")
                    + (documentLinks > 0 ? "; " + documentLinks + " document link(s)" : "")
                    + (leftStaged > 0 ? "; " + leftStaged + " left for the next run (see logs/failure.log)" : "") + ".");
        }
    }

    /** exiftool and ffprobe must answer before anything changes (spec §5.3: never a silent "other"). */
    public void requireTools() {
        // Both checks are mostly a process start-up each, so they run side by side.
        CompletableFuture<String> ffprobeVersion = CompletableFuture.supplyAsync(ffprobe::checkAvailable);
        try {
            exiftool.checkAvailable();
            ffprobeVersion.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ExternalToolError missing ? preflightFailed(missing) : e;
        } catch (ExternalToolError missing) {
            throw preflightFailed(missing);
        }
    }

    /** Nothing has changed yet: a missing tool is a failed pre-flight check (exit 3), not a failed run. */
    private static RuntimeException preflightFailed(ExternalToolError missing) {
        return new org.aupat.foundation.error.PreflightError(missing.getMessage(), missing);
    }

    /** For the pipeline: exiftool may read staged files while the import is still copying (see ExiftoolPool). */
    public void readAheadDuringImport() {
        exiftool.enableReadAhead();
    }

    /** Organises every staged image and video; {@link #requireTools()} first, before anything changes. */
    public Summary organize() {
        Map<MediaType, Long> organized = new EnumMap<>(MediaType.class);
        Map<HardwareCategory, Long> categories = new EnumMap<>(HardwareCategory.class);
        Set<String> locations = new LinkedHashSet<>();
        long left = 0;
        for (MediaType type : List.of(MediaType.IMAGE, MediaType.VIDEO)) {
            long after = 0;
            List<MediaFile> chunk;
            try (Progress bar = progress.start("organizing " + type.table(), media.countUnorganized(type), 0, "files")) {
                while (!(chunk = media.unorganized(type, after, CHUNK)).isEmpty()) {
                    after = chunk.get(chunk.size() - 1).rowid();
                    List<Organized> rows = organizeChunk(type, chunk);
                    Map<String, String> locationOf = new java.util.HashMap<>();
                    chunk.forEach(f -> locationOf.put(f.sha(), f.locationUuid()));
                    Set<String> touched = new LinkedHashSet<>();
                    for (Organized row : rows) {
                        categories.merge(row.category(), 1L, Long::sum);
                        touched.add(locationOf.get(row.sha()));
                    }
                    ledger.save(rows, touched, clock.timestamp());
                    locations.addAll(touched);
                    organized.merge(type, (long) rows.size(), Long::sum);
                    left += chunk.size() - rows.size();
                    bar.advance(chunk.size());
                }
            }
        }
        long pairs = 0;
        long links = 0;
        for (String location : locations) {
            RelationshipLinker.Links l = ledger.link(location, properties.staging() + "/", clock.timestamp());
            pairs += l.livePairs();
            links += l.documentLinks();
        }
        return new Summary(organized, categories, left, pairs, links);
    }

    private List<Organized> organizeChunk(MediaType type, List<MediaFile> chunk) {
        List<MediaFile> present = new ArrayList<>();
        for (MediaFile file : chunk) {
            if (Files.isRegularFile(Path.of(file.loc()))) {
                present.add(file);
            } else {
                skip(new FileSystemError("the staged copy " + file.loc() + " of " + file.originalName() + " is missing;"
                        + " it stays unorganised. Import the source again to restore it.", true,
                        Map.of("path", file.loc(), "sha256", file.sha()), null), "find the staged file");
            }
        }
        List<Path> paths = present.stream().map(f -> Path.of(f.loc())).toList();
        List<ExifReading> readings = exiftool.read(paths);
        List<VideoProbe.Probed> probes = type == MediaType.VIDEO
                ? ffprobe.probeAll(paths, present.stream().map(MediaFile::originalName).toList()) : List.of();
        List<Organized> rows = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            MediaFile file = present.get(i);
            ExifReading reading = readings.get(i);
            if (reading.failed()) {
                skip(reading.failure(), "read metadata with exiftool");
                continue;
            }
            rows.add(type == MediaType.IMAGE ? image(file, reading.metadata())
                    : video(file, reading.metadata(), probes.get(i)));
        }
        return rows;
    }

    private Organized image(MediaFile file, ExifMetadata exif) {
        if (exif.fileError() != null) {
            unreadable(file, "exiftool: " + exif.fileError());
        }
        Hardware hardware = classifier.classify(exif.make(), exif.model(), file.film() != null && file.film() == 1);
        return new Organized(MediaType.IMAGE, file.sha(), hardware.category(),
                hardwareJson(hardware, exif.fileError()), exif.rawJson(), taken(exif), exif.latitude(), exif.longitude(),
                null, null, null, null);
    }

    private Organized video(MediaFile file, ExifMetadata exif, VideoProbe.Probed probed) {
        VideoMetadata probe = probed.metadata();
        String problem = exif.fileError();
        if (probed.error() != null) {
            problem = "ffprobe: " + probed.error().getMessage();
            probe = new VideoMetadata(null, null, null, null, null, null, null, null);
        }
        if (problem != null) {
            unreadable(file, problem);
        }
        String make = probe.make() != null ? probe.make() : exif.make();
        String model = probe.model() != null ? probe.model() : exif.model();
        Hardware hardware = classifier.classify(make, model, false);
        return new Organized(MediaType.VIDEO, file.sha(), hardware.category(),
                hardwareJson(hardware, problem), probe.rawJson() != null ? probe.rawJson() : exif.rawJson(), taken(exif),
                exif.latitude(), exif.longitude(), probe.durationSeconds(), probe.codec(), probe.width(), probe.height());
    }

    /** The file goes on (as "other"), but a person is told: one failure line, exit code 4. */
    private void unreadable(MediaFile file, String problem) {
        failures.record(new AupatError(file.originalName() + " (" + file.loc() + "): its metadata cannot be read ("
                + problem + "); it is archived as 'other'. Check whether the file is damaged.", true,
                Map.of("path", file.loc(), "sha256", file.sha()), null), "OrganizeService.organizeChunk",
                "read metadata", true);
    }

    private void skip(AupatError error, String operation) {
        failures.record(error, "OrganizeService.organizeChunk", operation, true);
    }

    private String hardwareJson(Hardware hardware, String problem) {
        ObjectNode node = json.createObjectNode();
        node.put("make", hardware.make());
        node.put("model", hardware.model());
        node.put("category", hardware.category().ruleName());
        if (problem != null) {
            node.put("error", problem);
        }
        return node.toString();
    }

    private static String taken(ExifMetadata exif) {
        return exif.capturedAt() == null ? null : ArchiveClock.format(exif.capturedAt());
    }
}
