package org.aupat.archive.organizing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.hardware.Hardware;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.hardware.HardwareClassifier;
import org.aupat.archive.hardware.HardwareClues;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.CaptureTime;
import org.aupat.archive.metadata.ExifMetadata;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.TimeZoneAtPosition;
import org.aupat.archive.metadata.VideoMetadata;
import org.aupat.archive.metadata.VideoProbe;
import org.aupat.archive.organizing.OrganizeRepository.Organized;
import org.aupat.archive.rules.Rules;
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
    private final ArchiveClock clock;
    private final ObjectMapper json;
    private final Rules rules;
    private final LocationRepository locations;
    private final TimeZoneAtPosition zones;

    public OrganizeService(MediaRepository media, ExiftoolPool exiftool, VideoProbe ffprobe, HardwareClassifier classifier,
                           OrganizeLedger ledger, FailureLog failures, ProgressReporter progress,
                           ArchiveClock clock, ObjectMapper json, Rules rules, LocationRepository locations,
                           TimeZoneAtPosition zones) {
        this.zones = zones;
        this.rules = rules;
        this.locations = locations;
        this.media = media;
        this.exiftool = exiftool;
        this.ffprobe = ffprobe;
        this.classifier = classifier;
        this.ledger = ledger;
        this.failures = failures;
        this.progress = progress;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Rows organised per type, rows left staged, what the relationship pass linked, and the original
     * paths of the files archived although they look damaged.
     */
    public record Summary(Map<MediaType, Long> organized, Map<HardwareCategory, Long> categories, long leftStaged,
                          long livePairs, long documentLinks, long photoPairs, List<String> damaged) {
        /** Prints what organizing did for a person (its result, on standard output): one line, and one more naming the damaged files. */
        public void printTo(Console console) {
            long total = organized.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder perCategory = new StringBuilder();
            categories.forEach((category, n) -> perCategory.append(perCategory.isEmpty() ? "" : ", ")
                    .append(n).append(' ').append(category.ruleName()));
            console.out("Organized " + total + " files" + (perCategory.isEmpty() ? "" : " (" + perCategory + ")")
                    + (livePairs > 0 ? "; " + livePairs + " live-photo pair(s)" : "")
                    + (documentLinks > 0 ? "; " + documentLinks + " document link(s)" : "")
                    + (photoPairs > 0 ? "; " + photoPairs + " RAW+JPEG pair(s)" : "")
                    + (leftStaged > 0 ? "; " + leftStaged + " left for the next run (see logs/failure.log)" : "") + ".");
            if (!damaged.isEmpty()) {
                console.out(damaged.size() + " damaged file(s) archived as they are and flagged damaged"
                        + " (see logs/failure.log): " + String.join(", ", damaged.subList(0, Math.min(20, damaged.size())))
                        + (damaged.size() > 20 ? ", ..." : "") + ".");
            }
        }
    }

    /** exiftool and ffprobe must answer, and state_time_zones.json load, before anything changes (never a silent "other"). */
    public void requireTools() {
        rules.stateTimeZones(); // a broken zone table stops the run here, not after the first batch was read
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

    /**
     * Whether a run would change anything: an image or video still staged (to organise) or organised and waiting
     * for db_ingest (linked again, see {@link #organize()}). With neither, the run writes nothing.
     */
    public boolean hasWork() {
        for (MediaType type : List.of(MediaType.IMAGE, MediaType.VIDEO)) {
            if (media.countUnorganized(type) > 0 || media.count(type, null, MediaState.ORGANIZED) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Organises every staged image and video; {@link #requireTools()} first, before anything changes. */
    public Summary organize() {
        Map<MediaType, Long> organized = new EnumMap<>(MediaType.class);
        Map<HardwareCategory, Long> categories = new EnumMap<>(HardwareCategory.class);
        Set<String> locations = new LinkedHashSet<>();
        List<String> damaged = new ArrayList<>();
        long left = 0;
        for (MediaType type : List.of(MediaType.IMAGE, MediaType.VIDEO)) {
            long after = 0;
            List<MediaFile> chunk;
            try (Progress bar = progress.start("organizing " + type.table(), media.countUnorganized(type), 0, "files")) {
                while (!(chunk = media.unorganized(type, after, CHUNK)).isEmpty()) {
                    after = chunk.get(chunk.size() - 1).rowid();
                    List<Organized> rows = organizeChunk(type, chunk);
                    Map<String, MediaFile> bySha = new java.util.HashMap<>();
                    chunk.forEach(f -> bySha.put(f.sha(), f));
                    Set<String> touched = new LinkedHashSet<>();
                    for (Organized row : rows) {
                        categories.merge(row.category(), 1L, Long::sum);
                        touched.add(bySha.get(row.sha()).locationUuid());
                        if (row.damaged()) {
                            MediaFile f = bySha.get(row.sha());
                            damaged.add(f.originalFolder() == null ? f.originalName()
                                    : Path.of(f.originalFolder(), f.originalName()).toString());
                        }
                    }
                    ledger.save(rows, touched, clock.timestamp());
                    locations.addAll(touched);
                    organized.merge(type, (long) rows.size(), Long::sum);
                    left += chunk.size() - rows.size();
                    bar.advance(chunk.size());
                }
            }
        }
        // A run killed after its last chunk but before linking leaves organised, unlinked files that the rerun
        // has nothing left to organise for: every location with files waiting for db_ingest is linked again
        // (linking is idempotent).
        for (MediaType type : List.of(MediaType.IMAGE, MediaType.VIDEO)) {
            locations.addAll(media.locationsIn(type, MediaState.ORGANIZED));
        }
        long pairs = 0;
        long links = 0;
        long photoPairs = 0;
        for (String location : locations) {
            RelationshipLinker.Links l = ledger.link(location, clock.timestamp());
            pairs += l.livePairs();
            links += l.documentLinks();
            photoPairs += l.photoPairs();
        }
        // Locations organised before the current relationship rules (sidecars, RAW+JPEG pairs) are linked
        // once, archived files included: their links reach the database and master JSON; no file is renamed.
        for (String location : ledger.notLinkedYet()) {
            RelationshipLinker.Links l = ledger.backfill(location, clock.timestamp());
            pairs += l.livePairs();
            links += l.documentLinks();
            photoPairs += l.photoPairs();
        }
        return new Summary(organized, categories, left, pairs, links, photoPairs, List.copyOf(damaged));
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
        Map<String, String> thumbnails = type == MediaType.VIDEO
                ? media.videoThumbnailExif(present.stream().map(MediaFile::sha).toList()) : Map.of();
        List<Organized> rows = new ArrayList<>();
        Map<String, Optional<ZoneId>> stateZones = new java.util.HashMap<>();
        for (int i = 0; i < present.size(); i++) {
            MediaFile file = present.get(i);
            ExifReading reading = readings.get(i);
            if (reading.failed()) {
                skip(reading.failure(), "read metadata with exiftool");
                continue;
            }
            ExifMetadata own = reading.metadata();
            // A video's thumbnail (.THM, read at import) fills what the video lacks, before the state's zone is guessed.
            ExifMetadata exif = thumbnails.containsKey(file.sha())
                    ? own.orFromThumbnail(ExifMetadata.fromJson(thumbnails.get(file.sha()))) : own;
            CaptureTime capture = exif.capture().orGuessed(() -> positionZone(exif),
                    () -> stateZones.computeIfAbsent(file.locationUuid(), this::stateZone).orElse(null));
            rows.add(type == MediaType.IMAGE ? image(file, exif, capture)
                    : video(file, exif, probes.get(i), capture, !exif.equals(own)));
        }
        return rows;
    }

    /** The time zone at the file's GPS position, null without one (asked only for a file that gives no offset). */
    private ZoneId positionZone(ExifMetadata exif) {
        return exif.latitude() == null || exif.longitude() == null ? null
                : zones.zoneAt(exif.latitude(), exif.longitude()).orElse(null);
    }

    /** The time zone of a location's state (state_time_zones.json), for files that give no offset. */
    private Optional<ZoneId> stateZone(String locationUuid) {
        return locations.find(locationUuid).map(Location::state).map(state -> rules.stateTimeZones().zone(state));
    }

    private Organized image(MediaFile file, ExifMetadata exif, CaptureTime capture) {
        if (exif.damage() != null) {
            damaged(file, "exiftool: " + exif.damage());
        }
        Hardware hardware = classifier.classify(MediaType.IMAGE, exif.make(), exif.model(), null, null,
                file.film() != null && file.film() == 1, HardwareClues.of(exif));
        return new Organized(MediaType.IMAGE, file.sha(), hardware.category(),
                hardwareJson(hardware, exif.damage(), false), exif.rawJson(), capture, exif.damage() != null,
                exif.latitude(), exif.longitude(), null, null, null, null);
    }

    private Organized video(MediaFile file, ExifMetadata exif, VideoProbe.Probed probed, CaptureTime capture,
                            boolean fromThumbnail) {
        VideoMetadata probe = probed.metadata();
        String problem = exif.damage();
        if (probed.error() != null) {
            if (problem == null && rules.fileTypes().ffprobeCannotRead(Path.of(file.loc()).getFileName().toString())) {
                problem = null; // a format ffmpeg cannot read (RED, BRAW): exiftool read it, nothing is wrong
            } else {
                problem = "ffprobe: " + probed.error().getMessage();
            }
            probe = new VideoMetadata(null, null, null, null, null, null, null, null);
        } else if (problem != null) {
            problem = "exiftool: " + problem;
        }
        if (problem != null) {
            damaged(file, problem);
        }
        Hardware hardware = classifier.classify(MediaType.VIDEO, exif.make(), exif.model(), probe.make(), probe.model(),
                false, HardwareClues.of(exif));
        return new Organized(MediaType.VIDEO, file.sha(), hardware.category(),
                hardwareJson(hardware, problem, fromThumbnail), probe.rawJson() != null ? probe.rawJson() : exif.rawJson(), capture,
                problem != null, exif.latitude(), exif.longitude(), probe.durationSeconds(), probe.codec(), probe.width(),
                probe.height());
    }

    /** The file is archived all the same and flagged damaged, but a person is told: one failure line, exit code 4. */
    private void damaged(MediaFile file, String problem) {
        failures.record(new AupatError(file.originalName() + " (" + file.loc() + "): looks damaged (" + problem
                + "); it is archived as it is and flagged damaged. Check it against the source.", true,
                Map.of("path", file.loc(), "sha256", file.sha()), null), "OrganizeService.organizeChunk",
                "read metadata", true);
    }

    private void skip(AupatError error, String operation) {
        failures.record(error, "OrganizeService.organizeChunk", operation, true);
    }

    /** The hardware verdict as stored; {@code fromThumbnail}: the video's .THM supplied what the video lacked. */
    private String hardwareJson(Hardware hardware, String problem, boolean fromThumbnail) {
        ObjectNode node = json.createObjectNode();
        node.put("make", hardware.make());
        node.put("model", hardware.model());
        node.put("category", hardware.category().ruleName());
        if (problem != null) {
            node.put("error", problem);
        }
        if (fromThumbnail) {
            node.put("metadata_from", "thumbnail");
        }
        return node.toString();
    }
}
