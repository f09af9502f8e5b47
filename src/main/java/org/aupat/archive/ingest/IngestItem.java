package org.aupat.archive.ingest;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.media.PhotoSidecars;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.hashing.FileHasher.Hashed;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.FileTransaction;
import org.springframework.stereotype.Component;

/**
 * Places one staged file in the archive inside a chunk's file transaction: its category folder, its
 * standard name (the 16-character fallback when another file holds that name; a photo sidecar beside its
 * photo, under the photo's name), by hard link when staging
 * and archive share a file system, otherwise by a verified copy. Either way the staged bytes are checked
 * against the row's SHA-256 first; a staged copy that changed since its import is refused and stays. The
 * staging copy stays until db_verify.
 */
@Component
class IngestItem {
    private final ArchiveLayout layout;
    private final FileHasher hasher;
    private final MediaRepository media;

    IngestItem(ArchiveLayout layout, FileHasher hasher, MediaRepository media) {
        this.layout = layout;
        this.hasher = hasher;
        this.media = media;
    }

    /** Where the file went. */
    record Placed(MediaFile row, String name, Path target, boolean linked) {
    }

    /** Gives the archive a second name of the staged file, whose bytes were just hashed ({@code staged}). */
    @LogFailures("place a file in the archive")
    public Skippable<Placed> link(FileTransaction files, MediaFile row, Path locationFolder, Hashed staged,
                                  Set<Path> taken) {
        return placing(row, () -> {
            Path source = stagedCopy(row);
            String actual;
            try {
                actual = staged.value();
            } catch (RuntimeException unreadable) {
                throw new FileSystemError("cannot read the staged copy " + source + " of " + original(row) + ": "
                        + unreadable.getMessage() + "; it stays in staging. Fix its permissions and run db_ingest again.",
                        true, Map.of("path", source.toString(), "sha256", row.sha()), unreadable);
            }
            if (!row.sha().equals(actual)) {
                throw altered(row, source, actual);
            }
            Placed placed = destination(row, locationFolder, true, taken);
            files.hardlink(source, placed.target());
            return placed;
        });
    }

    /** Copies the staged file into the archive, hashing it as it is read. */
    @LogFailures("place a file in the archive")
    public Skippable<Placed> copy(FileTransaction files, MediaFile row, Path locationFolder, Set<Path> taken) {
        return placing(row, () -> {
            Path source = stagedCopy(row);
            Placed placed = destination(row, locationFolder, false, taken);
            try {
                files.copy(source, placed.target(), row.sha());
            } catch (ChecksumMismatchError changed) {
                throw altered(row, source, changed.actual());
            }
            return placed;
        });
    }

    private static Skippable<Placed> placing(MediaFile row, Supplier<Placed> work) {
        RunContext.file(row.name());
        try {
            return Skippable.done(work.get());
        } finally {
            RunContext.file(null);
        }
    }

    private static Path stagedCopy(MediaFile row) {
        Path staged = Path.of(row.loc());
        if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileSystemError("the staged copy " + staged + " of " + original(row) + " is missing;"
                    + " the row stays in staging. Import the source again to restore it.", true,
                    Map.of("path", staged.toString(), "sha256", row.sha()), null);
        }
        return staged;
    }

    /** A staged copy whose bytes are no longer the imported ones: never archived, kept for a person. */
    private static FileSystemError altered(MediaFile row, Path staged, String actual) {
        return new FileSystemError("the staged copy " + staged + " of " + original(row) + " changed since it was"
                + " imported (SHA-256 " + actual + ", recorded " + row.sha() + "); it was not archived and stays in"
                + " staging. Copy the original back over it from the source you imported, then run db_ingest again.",
                true, Map.of("path", staged.toString(), "expected", row.sha(), "actual", actual), null);
    }

    private static String original(MediaFile row) {
        return row.originalFolder() == null ? row.originalName() : row.originalFolder() + "/" + row.originalName();
    }

    /** The target name, or the collision name when another file already holds the standard one. */
    private Placed destination(MediaFile row, Path locationFolder, boolean link, Set<Path> taken) {
        Path target = target(row, locationFolder, taken);
        String name = target.getFileName().toString();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !row.sha().equals(hasher.sha256(target))) {
            name = layout.collisionFileName(row.type(), row.locationUuid(), row.subUuid(), row.sha(), extension(row));
            target = target.resolveSibling(name);
        }
        return new Placed(row, name, target, link);
    }

    /**
     * The file's place in the archive: its category or document folder and its standard name; for a photo
     * sidecar linked to a sorted photo, the photo's folder and name with the sidecar's extension, unless
     * another sidecar of that extension has that place already (recorded, or in {@code taken}: the sidecar
     * places given earlier in this run, to which this one's is added). The real run and the dry run both ask here.
     */
    Path target(MediaFile row, Path locationFolder, Set<Path> taken) {
        if (row.type() == MediaType.DOCUMENT && PhotoSidecars.is(row.extension())) {
            Optional<MediaRepository.SidecarPhoto> photo = media.sidecarPhoto(row.sha());
            if (photo.isPresent()) {
                Path beside = layout.sidecarPlace(locationFolder, photo.get().name(), photo.get().flag(), row.extension());
                if (!media.documentElsewhereAt(beside.toString(), row.sha()) && taken.add(beside)) {
                    return beside;
                }
            }
        }
        return layout.fileFolder(locationFolder, row.type(), row.flag(), row.extension()).resolve(row.name());
    }

    private static String extension(MediaFile row) {
        String name = row.name();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
