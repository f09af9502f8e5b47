package org.aupat.archive.replication;

import java.nio.file.Path;
import java.util.Map;
import org.aupat.foundation.error.FileSystemError;

/** The one rule mapping an archive file to its path on a replica: its path relative to the archive, with '/'. */
final class ArchivePaths {
    private ArchivePaths() {
    }

    static String onReplica(Path archive, Path file) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(archive) || normal.equals(archive)) {
            throw new FileSystemError(file + " lies outside the archive " + archive + ", so it has no place on a"
                    + " replica; run db_cleanup to find out why.", true, Map.of("path", file.toString()), null);
        }
        return archive.relativize(normal).toString().replace('\\', '/');
    }

    /** Where a replica path lies in an archive. */
    static Path inArchive(Path archive, String path) {
        Path file = archive.resolve(path).normalize();
        if (!file.startsWith(archive) || file.equals(archive)) {
            throw new FileSystemError("the replica path " + path + " lies outside the archive " + archive, null);
        }
        return file;
    }
}
