package org.aupat.foundation.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.error.ValidationError;

/** Refuses to start work that would fill the disk halfway through. */
public final class DiskSpace {
    private DiskSpace() {
    }

    /** Checks that the file system holding the path (or its nearest existing parent) has at least the bytes needed. */
    public static long require(String field, Path path, long neededBytes) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new ValidationError(field, path, "has no existing folder above it. Check the path.");
        }
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            throw new ValidationError(field, path, "free space cannot be read: " + e.getMessage());
        }
        if (free < neededBytes) {
            throw new ValidationError(field, path, "has " + megabytes(free) + " free but " + megabytes(neededBytes)
                    + " are needed. Free some space or choose another disk.");
        }
        return free;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }
}
