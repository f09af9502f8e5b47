package org.aupat.foundation.hashing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Streaming SHA-256 of a file's bytes, as 64 lowercase hex characters. */
@Component
public class FileHasher {
    private static final Logger log = LoggerFactory.getLogger(FileHasher.class);
    /** Large reads keep the cost per call of either SHA-256 (NSS's or the JDK's intrinsic) negligible. */
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

    /** A SHA-256 digest: NSS's native one when it loads (see {@link NativeSha256}), otherwise the JDK's. */
    public static MessageDigest newDigest() {
        try {
            Provider nss = NativeSha256.PROVIDER;
            return nss != null ? MessageDigest.getInstance("SHA-256", nss) : MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * NSS, the native crypto library that Debian's Java depends on, through the JDK's own PKCS#11
     * provider. Its SHA-256 runs at about 1.4 GB/s whatever the JIT, where the JDK's needs the C2
     * compiler for 1.2 GB/s and manages 130 MB/s on C1 alone; so bin/aupat can start every script on
     * the cheaper C1 compiler. Loaded once, on first use (about 0.1 s); if NSS is missing or refuses,
     * the JDK's SHA-256 is used. {@code -Daupat.native-sha256=false} turns it off. (NSS can be set up
     * once per JVM, hence one provider for all.)
     */
    static final class NativeSha256 {
        static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        static final Provider PROVIDER = chosen(Boolean.parseBoolean(System.getProperty("aupat.native-sha256", "true")),
                NativeSha256::compilesWithC1Alone);

        private NativeSha256() {
        }

        /** NSS's provider, or null; without it on a C1-only JVM, a warning that hashing will be slow. */
        static Provider chosen(boolean wanted, BooleanSupplier c1Alone) {
            Provider nss = load(wanted);
            if (nss == null && c1Alone.getAsBoolean()) {
                log.warn("SHA-256 runs about ten times slower than usual: NSS's native SHA-256 is {}, and this JVM"
                        + " compiles with C1 alone (-XX:TieredStopAtLevel=1), where the JDK's own SHA-256 is slow."
                        + " Hashes stay correct. To get the speed back, run without -XX:TieredStopAtLevel=1; with"
                        + " bin/aupat, set JAVA_OPTS=-Daupat.native-sha256=false, which gives hashing scripts the full JIT.",
                        wanted ? "not available here (details in the debug log)" : "turned off (-Daupat.native-sha256=false)");
            }
            return nss;
        }

        /** Whether the JIT stops at C1 (bin/aupat's choice wherever it finds libnss3). */
        static boolean compilesWithC1Alone() {
            try {
                HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
                return hotspot != null && "1".equals(hotspot.getVMOption("TieredStopAtLevel").getValue());
            } catch (RuntimeException | LinkageError e) {
                return false; // not HotSpot: no such option, nothing to warn about
            }
        }

        static Provider load(boolean wanted) {
            Provider pkcs11 = wanted ? Security.getProvider("SunPKCS11") : null;
            if (pkcs11 == null) {
                return null;
            }
            try {
                Provider nss = pkcs11.configure("--name=AUPAT-NSS\nnssDbMode=noDb\nattributes=compatibility\n");
                // Trusted only once it gives the standard's answer for "abc" (FIPS 180-2, appendix B.1).
                byte[] abc = MessageDigest.getInstance("SHA-256", nss).digest("abc".getBytes(StandardCharsets.US_ASCII));
                return hex(abc).equals(ABC_SHA256) ? nss : null;
            } catch (RuntimeException | NoSuchAlgorithmException | LinkageError e) {
                log.debug("NSS's SHA-256 is not available ({}); using the JDK's", e.toString());
                return null;
            }
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
