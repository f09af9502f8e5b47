package org.aupat.archive.replication;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.rollback.CopyResult;
import org.aupat.foundation.rollback.FileTransaction;

/**
 * One replica, as the services use it: files addressed by their path relative to the archive's root
 * ({@code ny-industrial/mill_857342471028/photos/...}), so that a replica is usable without AUPAT. Every
 * method that writes proves the bytes it wrote (a re-hash of the copy, or the service's SHA-256 check).
 */
public interface Replica {
    /** Database backups and their SHA-256 files lie in this folder of a replica, beside the archive's folders. */
    String BACKUPS = "aupat-backups";

    /** Its name in the settings ({@code aupat.replicas.<name>}). */
    String name();

    /** Where it is, for messages: a folder or {@code s3://bucket/prefix}; never a credential. */
    String where();

    /** Throws a PreflightError in one line when the replica cannot be reached or written now. */
    void requireReachable(boolean write);

    /** The SHA-256 of the copy at this path, read back from the replica now; empty when there is none. */
    Optional<String> hash(String path);

    /**
     * Puts a local file at this path, unless the copy there already holds these bytes ({@link
     * CopyResult#alreadyPresent()}); a copy with other bytes is replaced. The bytes sent are checked against
     * {@code sha256}. Folder replicas write through the transaction (its commit makes them durable).
     */
    CopyResult send(Path file, String path, String sha256, FileTransaction transaction);

    /**
     * How many {@link #send}s may run at once: 1 unless the replica's sends need no transaction and gain from
     * running side by side (a bucket answers several uploads at once; a folder replica is one disk, journaled).
     */
    default int concurrentSends() {
        return 1;
    }

    /** Puts a small text (a backup's SHA-256 file) at this path, replacing what is there. */
    void sendText(String text, String path, FileTransaction transaction);

    /**
     * Copies the replica's file at this path to a local target that does not exist, through the transaction,
     * refusing (and leaving nothing) when its bytes do not hash to {@code sha256}.
     */
    CopyResult fetch(String path, Path target, String sha256, FileTransaction transaction);

    /** A small text file's content (a backup's SHA-256 file); empty when there is none. */
    Optional<String> readText(String path);

    /** Names of the files directly in this folder of the replica, sorted; empty when there is none. */
    List<String> list(String folder);
}
