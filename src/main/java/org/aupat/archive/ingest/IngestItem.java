package org.aupat.archive.ingest;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.FileTransaction;
import org.springframework.stereotype.Component;

/**
 * Places one staged file in the archive inside a chunk's file transaction: its category folder, its
 * standard name (the 16-character fallback when another file holds that name), by hard link when staging
 * and archive share a file system, otherwise by a verified copy. The staging copy stays until db_verify.
 */
@Component
class IngestItem {
    private final ArchiveLayout layout;
    private final FileHasher hasher;

    IngestItem(ArchiveLayout layout, FileHasher hasher) {
        this.layout = layout;
        this.hasher = hasher;
    }

    /** Where the file went. */
    record Placed(MediaFile row, String name, Path target, boolean linked) {
    }

    /** Places the file, or skips it (logged) when its staged copy is missing or cannot be read. */
    @LogFailures("place a file in the archive")
    public Skippable<Placed> place(FileTransaction files, MediaFile row, Path locationFolder, boolean link) {
        RunContext.file(row.name());
        try {
            Path staged = Path.of(row.loc());
            if (!Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemError("the staged copy " + staged + " of " + row.originalName() + " is missing;"
                        + " the row stays in staging. Import the source again to restore it.", true,
                        Map.of("path", staged.toString(), "sha256", row.sha()), null);
            }
            Path target = target(row, locationFolder);
            Path folder = target.getParent();
            String name = row.name();
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !row.sha().equals(hasher.sha256(target))) {
                name = layout.collisionFileName(row.type(), row.locationUuid(), row.subUuid(), row.sha(), extension(row));
                target = folder.resolve(name);
            }
            if (link) {
                files.hardlink(staged, target);
            } else {
                files.copy(staged, target, row.sha());
            }
            return Skippable.done(new Placed(row, name, target, link));
        } finally {
            RunContext.file(null);
        }
    }

    /** The file's place in the archive: its category or document folder and its standard name. */
    Path target(MediaFile row, Path locationFolder) {
        Path folder = row.type() == MediaType.DOCUMENT ? layout.documentFolder(locationFolder, row.extension())
                : layout.categoryFolder(locationFolder, row.type(), HardwareCategory.forFlag(row.type(), row.flag()));
        return folder.resolve(row.name());
    }

    private static String extension(MediaFile row) {
        String name = row.name();
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
