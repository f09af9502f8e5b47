package org.aupat.archive.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a source file looked like at one instant: which file it is, its size, its modification time and,
 * where the system has one, its change time (which no program can set back). Taken before and after a
 * file is copied into staging: if they differ, the file was written while it was copied.
 */
record SourceStamp(Object fileKey, long size, FileTime modified, FileTime changed) {
    /**
     * Timestamps are coarse (2 seconds on a FAT camera card): a file modified this recently may have been
     * written again without its times changing, so its bytes are checked again after the copy.
     */
    static final Duration COARSE = Duration.ofSeconds(2);

    static SourceStamp of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        FileTime changed;
        try {
            changed = (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException noChangeTime) {
            changed = null;
        }
        return new SourceStamp(a.fileKey(), a.size(), a.lastModifiedTime(), changed);
    }

    /** Whether the file may have changed without its times showing it: it was modified just now. */
    boolean recentlyModified() {
        return modified.toInstant().isAfter(Instant.now().minus(COARSE));
    }

    /** What differs from an earlier stamp, in words, or null if nothing does. */
    String changeSince(SourceStamp before) {
        if (before.size != size) {
            return "its size went from " + before.size + " to " + size + " bytes";
        } else if (!Objects.equals(before.fileKey, fileKey)) {
            return "it was replaced by another file";
        } else if (!before.modified.equals(modified) || !Objects.equals(before.changed, changed)) {
            return "it was written to";
        }
        return null;
    }
}
