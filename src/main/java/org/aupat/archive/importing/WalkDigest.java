package org.aupat.archive.importing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.aupat.foundation.hashing.FileHasher;

/**
 * A running digest of the source entries walked so far: the name below the source, the size and the
 * modification time of each, in walk order. Kept with each checkpoint of db_import so that a resume skips
 * by position only entries that are still there, in the same place, unchanged.
 */
final class WalkDigest {
    private final Path source;
    private final MessageDigest sha = FileHasher.newDigest();
    private byte[] value = new byte[0];

    WalkDigest(Path source) {
        this.source = source;
    }

    /** Adds the next entry of the walk. */
    void add(SourceWalker.Entry entry) {
        byte[] name = source.relativize(entry.path()).toString().getBytes(StandardCharsets.UTF_8);
        sha.update(value);
        sha.update(name);
        sha.update(ByteBuffer.allocate(17).put((byte) (entry.isFile() ? 1 : 0)).putLong(entry.size())
                .putLong(entry.isFile() ? modified(entry.path()) : 0).array());
        value = sha.digest();
    }

    /** The digest of every entry added so far. */
    String value() {
        return FileHasher.hex(value);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).to(TimeUnit.NANOSECONDS);
        } catch (IOException gone) {
            return -1;
        }
    }
}
