package org.aupat.archive.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.hardware.HardwareClassifier;
import org.aupat.archive.importing.ImportService.PreparedImport;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.location.UuidGenerator;
import org.aupat.archive.media.Classification;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaClassifier;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.VideoMetadata;
import org.aupat.archive.metadata.VideoProbe;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.hashing.FileHasher;
import org.springframework.stereotype.Service;

/**
 * --dry-run of db_import and pipeline: where every file of the source would go, computed read-only
 * (hashes, metadata), without a backup, a database write, or a database file being created.
 */
@Service
public class ImportPreview {
    private final MediaClassifier classifier;
    private final FileHasher hasher;
    private final MediaRepository media;
    private final LocationRepository locations;
    private final SqliteDatabase database;
    private final ArchiveLayout layout;
    private final ExiftoolPool exiftool;
    private final VideoProbe ffprobe;
    private final HardwareClassifier hardware;
    private final UuidGenerator uuids;

    public ImportPreview(MediaClassifier classifier, FileHasher hasher, MediaRepository media, LocationRepository locations,
                         SqliteDatabase database, ArchiveLayout layout, ExiftoolPool exiftool, VideoProbe ffprobe,
                         HardwareClassifier hardware, UuidGenerator uuids) {
        this.classifier = classifier;
        this.hasher = hasher;
        this.media = media;
        this.locations = locations;
        this.database = database;
        this.layout = layout;
        this.exiftool = exiftool;
        this.ffprobe = ffprobe;
        this.hardware = hardware;
        this.uuids = uuids;
    }

    /** One line of the plan: a source file and what would happen to it. */
    public record Planned(String source, String outcome) {
    }

    /** Prints the plan line by line; returns the location folder the files would go to. */
    public Path preview(PreparedImport prepared, Consumer<Planned> out) {
        boolean databaseReady = database.exists() && locations.schemaReady();
        Location location = location(prepared, databaseReady);
        Path folder = location.locLoc() != null ? Path.of(location.locLoc())
                : layout.locationFolder(location.state(), location.type(), location.name(), location.uuid());
        Set<MediaKey> seen = new HashSet<>();
        List<SourceWalker.Entry> batch = new ArrayList<>();
        SourceWalker.walk(prepared.source(), entry -> {
            batch.add(entry);
            if (batch.size() == ExiftoolPool.BATCH_SIZE) {
                plan(prepared, batch, location, folder, databaseReady, seen, out);
                batch.clear();
            }
        });
        plan(prepared, batch, location, folder, databaseReady, seen, out);
        return folder;
    }

    private void plan(PreparedImport prepared, List<SourceWalker.Entry> entries, Location location, Path folder,
                      boolean databaseReady, Set<MediaKey> seen, Consumer<Planned> out) {
        List<Path> media = new ArrayList<>();
        for (SourceWalker.Entry entry : entries) {
            if (entry.isFile() && entry.size() > 0 && classifier.classify(entry.path().getFileName().toString()).type()
                    != MediaType.DOCUMENT) {
                media.add(entry.path());
            }
        }
        List<ExifReading> readings = exiftool.read(media);
        for (SourceWalker.Entry entry : entries) {
            String relative = prepared.source().relativize(entry.path()).toString();
            try {
                out.accept(new Planned(relative, outcome(entry, location, folder, databaseReady, seen,
                        media.contains(entry.path()) ? readings.get(media.indexOf(entry.path())) : null,
                        prepared.request().film())));
            } catch (AupatError e) {
                out.accept(new Planned(relative, "would fail: " + e.getMessage()));
            }
        }
    }

    private String outcome(SourceWalker.Entry entry, Location location, Path folder, boolean databaseReady,
                           Set<MediaKey> seen, ExifReading reading, boolean film) {
        if (!entry.isFile()) {
            return "not imported: " + entry.skipReason();
        }
        Classification kind = classifier.classify(entry.path().getFileName().toString());
        if (kind.ignored()) {
            return "ignored (" + kind.ignoredBecause() + ")";
        }
        if (entry.size() == 0) {
            return "would fail: empty file";
        }
        String sha = hasher.sha256(entry.path());
        if (!seen.add(new MediaKey(kind.type(), sha))) {
            return "duplicate of a file above";
        }
        if (databaseReady) {
            var owner = media.owner(kind.type(), sha);
            if (owner.isPresent()) {
                return "duplicate (already in location " + owner.get() + ")";
            }
        }
        String extension = kind.extension().isEmpty() ? "none" : kind.extension();
        String name = layout.fileName(kind.type(), location.uuid(), null, sha, extension);
        Path target = kind.type() == MediaType.DOCUMENT ? layout.documentFolder(folder, extension)
                : layout.categoryFolder(folder, kind.type(), category(kind.type(), entry.path(), reading, film));
        return "-> " + target.resolve(name);
    }

    private HardwareCategory category(MediaType type, Path file, ExifReading reading, boolean film) {
        String make = reading == null || reading.failed() ? null : reading.metadata().make();
        String model = reading == null || reading.failed() ? null : reading.metadata().model();
        if (type == MediaType.VIDEO) {
            try {
                VideoMetadata probe = ffprobe.probe(file, file.getFileName().toString());
                make = probe.make() != null ? probe.make() : make;
                model = probe.model() != null ? probe.model() : model;
            } catch (AupatError e) {
                return HardwareCategory.OTHER;
            }
        }
        return hardware.classify(make, model, film && type == MediaType.IMAGE, org.aupat.archive.hardware.HardwareClues
                .of(reading == null || reading.failed() ? null : reading.metadata())).category();
    }

    /** The existing location, the one an earlier run of this import made, or a provisional new one. */
    private Location location(PreparedImport prepared, boolean databaseReady) {
        var p = prepared.location();
        if (p.existingLocation() != null) {
            if (!databaseReady) {
                throw new org.aupat.foundation.error.ValidationError("location", p.existingLocation(),
                        "cannot exist yet: there is no database. Leave --location out to preview a new location.");
            }
            return locations.require(p.existingLocation());
        }
        if (databaseReady) {
            for (Location named : locations.findByName(p.name())) {
                if (prepared.source().toString().equals(named.orgLoc())) {
                    return named;
                }
            }
        }
        return new Location(uuids.newUuid(), p.name(), p.aka(), p.state(), p.type(), p.subType(),
                prepared.source().toString(), null, p.author());
    }
}
