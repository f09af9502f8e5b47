package org.aupat.foundation.hashing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.springframework.stereotype.Component;

/** Streaming SHA-256 of a file's bytes, as 64 lowercase hex characters. */
@Component
public class FileHasher {
    /** Large reads let the JDK's SHA intrinsic run at disk speed. */
    static final int BUFFER = 1 << 20;
    /**
     * One buffer per thread, reused file after file: a new 1 MB array per file let G1 grow the heap of a
     * 1,000-file pipeline past 500 MB.
     */
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    /** SHA-256 of a regular file; clear errors for a missing, non-regular or unreadable file. */
    public String sha256(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ValidationError("file", file, "does not exist. Check the path.");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ValidationError("file", file, "is not a regular file (a folder, link, pipe or device). Give a file.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** One file's SHA-256, or the error that stopped it being read. */
    public record Hashed(Path file, String sha256, AupatError error) {
        /** The hash, or the error that stopped it. */
        public String value() {
            if (error != null) {
                throw error;
            }
            return sha256;
        }
    }

    /**
     * SHA-256 of several files, as {@link #sha256(Path)} gives them, in the order given. Files are hashed
     * on all cores at once: a re-hash of files the page cache still holds is bound by the CPU, not the disk.
     */
    public List<Hashed> sha256All(List<Path> files) {
        return files.parallelStream().map(file -> {
            try {
                return new Hashed(file, sha256(file), null);
            } catch (AupatError e) {
                return new Hashed(file, null, e);
            }
        }).toList();
    }

    /** The error for a file that could not be read: the user's to fix when it is permissions or a vanished file. */
    static AupatError unreadable(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ValidationError("file", file, "cannot be read (permission denied). Check its permissions.");
        }
        if (e instanceof NoSuchFileException) {
            return new ValidationError("file", file, "disappeared while it was being read.");
        }
        return new FileSystemError("cannot read " + file + ": " + e.getMessage(), true, Map.of("path", file.toString()), e);
    }

    /** SHA-256 of everything left in the stream. */
    public String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = readBuffer();
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        return hex(digest.digest());
    }

    /**
     * This thread's 1 MB buffer for streaming a file. The caller must be done with it before anything
     * else on the thread hashes or copies a file.
     */
    public static byte[] readBuffer() {
        return BUFFERS.get();
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
