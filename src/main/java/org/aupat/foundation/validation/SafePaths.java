package org.aupat.foundation.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.aupat.foundation.error.ValidationError;

/**
 * Paths AUPAT reads or writes: absolute, and when a root is given, inside it both as written (no
 * "..") and as resolved on disk (no symbolic link leading out of it).
 */
public final class SafePaths {
    private SafePaths() {
    }

    /** An absolute path, normalised; with a root, one that stays inside the root. Need not exist yet. */
    public static Path inside(String field, Path path, Path root) {
        if (path == null) {
            throw new ValidationError(field, null, "is missing. Give an absolute path.");
        }
        if (!path.isAbsolute()) {
            throw new ValidationError(field, path, "is not an absolute path. Give the full path, starting with /.");
        }
        Path normal = path.normalize();
        if (root == null) {
            return normal;
        }
        Path rootNormal = root.toAbsolutePath().normalize();
        if (!normal.startsWith(rootNormal)) {
            throw new ValidationError(field, path, "lies outside " + rootNormal + ". Give a path inside it.");
        }
        Path resolved = realPathOfNearestExisting(field, normal);
        Path rootResolved = realPathOfNearestExisting("root of " + field, rootNormal);
        if (!resolved.startsWith(rootResolved)) {
            throw new ValidationError(field, path, "leads through a symbolic link to " + resolved + ", outside "
                    + rootNormal + ". Give a path that stays inside it.");
        }
        return normal;
    }

    /** An existing regular file that can be read (see {@link #inside} for the root). */
    public static Path readableFile(String field, Path path, Path root) {
        Path file = inside(field, path, root);
        if (!Files.exists(file)) {
            throw new ValidationError(field, path, "does not exist. Check the path.");
        }
        if (!Files.isRegularFile(file)) {
            throw new ValidationError(field, path, "is not a regular file. Give a file, not a folder or device.");
        }
        if (!Files.isReadable(file)) {
            throw new ValidationError(field, path, "cannot be read. Check its permissions.");
        }
        return file;
    }

    /** An existing folder that can be read and, when asked, written (see {@link #inside} for the root). */
    public static Path directory(String field, Path path, Path root, boolean writable) {
        Path dir = inside(field, path, root);
        if (!Files.exists(dir)) {
            throw new ValidationError(field, path, "does not exist. Create the folder or check the path.");
        }
        if (!Files.isDirectory(dir)) {
            throw new ValidationError(field, path, "is not a folder. Give a folder.");
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new ValidationError(field, path, "cannot be read. Check its permissions.");
        }
        if (writable && !Files.isWritable(dir)) {
            throw new ValidationError(field, path, "cannot be written. Check its permissions.");
        }
        return dir;
    }

    /** Real path of the path's nearest existing ancestor (itself if it exists), then the rest appended. */
    private static Path realPathOfNearestExisting(String field, Path path) {
        Path existing = path;
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            throw new ValidationError(field, path, "cannot be resolved: " + e.getMessage());
        }
    }
}
