package org.aupat.archive.replication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.CopyResult;
import org.aupat.foundation.rollback.FileTransaction;

/**
 * A replica in a folder: each file is written as the archive's are (the file transaction's temporary
 * name, flush, SHA-256 of the bytes written, rename), so a killed run leaves nothing half written that
 * the next run does not undo. The folder must exist: a missing one is most often a disk not mounted,
 * and a replica written onto the mount point would fill the wrong disk.
 */
final class FolderReplica implements Replica {
    private final String name;
    private final Path root;
    private final FileHasher hasher;

    FolderReplica(String name, Path root, FileHasher hasher) {
        this.name = name;
        this.root = root;
        this.hasher = hasher;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String where() {
        return root.toString();
    }

    @Override
    public void requireReachable(boolean write) {
        if (!Files.isDirectory(root)) {
            throw new PreflightError("replica " + name + ": the folder " + root + " is not there (a disk not mounted?);"
                    + " mount it, or create the folder once with mkdir, then run again.");
        }
        if (write && !Files.isWritable(root)) {
            throw new PreflightError("replica " + name + ": the folder " + root + " cannot be written; check its"
                    + " permissions or mount it read-write.");
        }
    }

    @Override
    public Optional<String> hash(String path) {
        Path file = file(path);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(hasher.sha256(file));
    }

    @Override
    public CopyResult send(Path source, String path, String sha256, FileTransaction transaction) {
        Path target = file(path);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS) && hasher.sha256(target).equals(sha256)) {
                return new CopyResult(sha256, size(target), true);
            }
            transaction.deleteWithBackup(target); // other bytes: a damaged copy or an older master JSON
        }
        return transaction.copy(source, target, sha256);
    }

    @Override
    public void sendText(String text, String path, FileTransaction transaction) {
        Path target = file(path);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String sha = FileHasher.hex(FileHasher.newDigest().digest(bytes));
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (hasher.sha256(target).equals(sha)) {
                return;
            }
            transaction.deleteWithBackup(target);
        }
        transaction.copy(new ByteArrayInputStream(bytes), target, sha, null);
    }

    @Override
    public CopyResult fetch(String path, Path target, String sha256, FileTransaction transaction) {
        return transaction.copy(file(path), target, sha256);
    }

    @Override
    public Optional<String> readText(String path) {
        Path file = file(path);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException e) {
            throw new FileSystemError("replica " + name + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String folder) {
        Path dir = file(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("replica " + name + ": cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The file at a replica path, never outside the replica's folder whatever the path says. */
    private Path file(String path) {
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new FileSystemError("replica " + name + ": the path " + path + " lies outside " + root, null);
        }
        return file;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FileSystemError("cannot read the size of " + file + ": " + e.getMessage(), e);
        }
    }
}
