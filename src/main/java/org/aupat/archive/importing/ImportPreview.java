package org.aupat.archive.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.hardware.HardwareClues;
import org.aupat.archive.hardware.HardwareClassifier;
import org.aupat.archive.importing.ImportService.PreparedImport;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.location.UuidGenerator;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.VideoMetadata;
import org.aupat.archive.metadata.VideoProbe;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.hashing.FileHasher;
import org.springframework.stereotype.Service;

/**
 * --dry-run of db_import and pipeline: what the real run would do with every entry of the source, decided
 * by the same {@link ImportDecision} and {@link LocationService#existing location decision}, computed
 * read-only (hashes, metadata), without a backup, a database write, or a database file being created.
 */
@Service
public class ImportPreview {
    private final ImportDecision decision;
    private final FileHasher hasher;
    private final LocationRepository locations;
    private final LocationService locationService;
    private final ArchiveDatabase database;
    private final ArchiveLayout layout;
    private final ExiftoolPool exiftool;
    private final VideoProbe ffprobe;
    private final HardwareClassifier hardware;
    private final UuidGenerator uuids;
    private final Rules rules;

    ImportPreview(ImportDecision decision, FileHasher hasher, LocationRepository locations,
                  LocationService locationService, ArchiveDatabase database, ArchiveLayout layout, ExiftoolPool exiftool,
                  VideoProbe ffprobe, HardwareClassifier hardware, UuidGenerator uuids, Rules rules) {
        this.decision = decision;
        this.hasher = hasher;
        this.locations = locations;
        this.locationService = locationService;
        this.database = database;
        this.layout = layout;
        this.exiftool = exiftool;
        this.ffprobe = ffprobe;
        this.hardware = hardware;
        this.uuids = uuids;
        this.rules = rules;
    }

    /** One line of the plan: a source entry and what would happen to it. */
    public record Planned(String source, String outcome) {
    }

    /**
     * The whole plan: the location folder, how many files the import would refuse (the real run then
     * ends with exit code 4), and how many images and videos have metadata that cannot be read (db_organize
     * would archive them as other, or leave them staged, and end with exit code 4 too).
     */
    public record Plan(Path folder, long failed, long unreadableMetadata) {
    }

    /** Prints the plan line by line and returns its totals. */
    public Plan preview(PreparedImport prepared, Consumer<Planned> out) {
        boolean databaseReady = database.exists() && locations.schemaReady();
        Location location = location(prepared, databaseReady);
        Path folder = location.locLoc() != null ? Path.of(location.locLoc())
                : layout.locationFolder(location.state(), location.type(), location.name(), location.uuid());
        Batch batch = new Batch(prepared, location, folder, databaseReady, out);
        SourceWalker.walk(prepared.source(), entry -> {
            batch.entries.add(entry);
            if (batch.entries.size() == ExiftoolPool.BATCH_SIZE) {
                batch.plan();
            }
        });
        batch.plan();
        return new Plan(folder, batch.failed, batch.unreadable);
    }

    /** Entries planned together, so that exiftool reads their metadata in one request. */
    private final class Batch {
        private final PreparedImport prepared;
        private final Location location;
        private final Path folder;
        private final boolean databaseReady;
        private final Consumer<Planned> out;
        private final Map<MediaKey, String> thisRun = new HashMap<>();
        private final List<SourceWalker.Entry> entries = new ArrayList<>();
        private long failed;
        private long unreadable;

        Batch(PreparedImport prepared, Location location, Path folder, boolean databaseReady, Consumer<Planned> out) {
            this.prepared = prepared;
            this.location = location;
            this.folder = folder;
            this.databaseReady = databaseReady;
            this.out = out;
        }

        void plan() {
            List<FileOutcome> first = entries.stream().map(decision::beforeReading).toList();
            List<Path> media = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (first.get(i).needsBytes() && first.get(i).file().type() != MediaType.DOCUMENT) {
                    media.add(entries.get(i).path());
                }
            }
            List<ExifReading> readings = exiftool.read(media);
            for (int i = 0; i < entries.size(); i++) {
                Path path = entries.get(i).path();
                int m = media.indexOf(path);
                String relative = OriginalNames.text(prepared.source().relativize(path));
                out.accept(new Planned(relative, outcome(path, first.get(i), m < 0 ? null : readings.get(m))));
            }
            entries.clear();
        }

        private String outcome(Path path, FileOutcome first, ExifReading reading) {
            FileOutcome verdict = first;
            String sha = null;
            if (first.needsBytes()) {
                try {
                    sha = hasher.sha256(path);
                    verdict = decision.afterReading(first.file(), sha, location.uuid(), null, thisRun, databaseReady);
                } catch (AupatError e) {
                    verdict = FileOutcome.failed(first.file(), e.getMessage());
                }
            }
            return switch (verdict.kind()) {
                case NOT_A_FILE -> "not imported: " + verdict.why();
                case IGNORED -> "ignored (" + verdict.why() + ")";
                case FAILED -> {
                    failed++;
                    yield "would fail: " + verdict.why();
                }
                case DUPLICATE -> "duplicate (already in location " + verdict.owner() + ")";
                case IMPORTED -> {
                    thisRun.put(new MediaKey(verdict.file().type(), sha), verdict.name());
                    yield "-> " + target(verdict, path, reading).resolve(verdict.name());
                }
                case READ_BYTES -> throw new IllegalStateException("undecided: " + path);
            };
        }

        private Path target(FileOutcome verdict, Path file, ExifReading reading) {
            MediaType type = verdict.file().type();
            if (type == MediaType.DOCUMENT) {
                return layout.documentFolder(folder, verdict.file().extension());
            }
            return layout.categoryFolder(folder, type, category(type, file, reading));
        }

        /**
         * As db_organize decides it: a file whose metadata cannot be read is still classified (other, or
         * film when imported as film) and counted, as db_organize flags it; when exiftool itself fails, the
         * real run leaves the file staged for its next run.
         */
        private HardwareCategory category(MediaType type, Path file, ExifReading reading) {
            if (reading == null || reading.failed()) {
                unreadable++;
                return HardwareCategory.OTHER;
            }
            boolean problem = reading.metadata().damage() != null;
            VideoMetadata probe = null;
            if (type == MediaType.VIDEO) {
                try {
                    probe = ffprobe.probe(file, file.getFileName().toString());
                } catch (AupatError e) {
                    // As db_organize: ffprobe failing on a format it has no reader for is no sign of damage.
                    problem = problem || !rules.fileTypes().ffprobeCannotRead(file.getFileName().toString());
                }
            }
            if (problem) {
                unreadable++;
            }
            return hardware.classify(type, reading.metadata().make(), reading.metadata().model(),
                    probe == null ? null : probe.make(), probe == null ? null : probe.model(),
                    prepared.request().film(), HardwareClues.of(reading.metadata())).category();
        }
    }

    /** The location the real run would add to (the same decision), or a provisional new one. */
    private Location location(PreparedImport prepared, boolean databaseReady) {
        LocationService.Prepared p = prepared.location();
        if (!databaseReady) {
            if (p.existingLocation() != null) {
                throw new ValidationError("location", p.existingLocation(),
                        "cannot exist yet: there is no database. Leave --location out to preview a new location.");
            }
            return LocationService.newLocation(p, uuids.newUuid());
        }
        return locationService.existing(p).orElseGet(() -> LocationService.newLocation(p, uuids.newUuid()));
    }
}
