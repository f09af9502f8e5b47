package org.aupat.foundation.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.aupat.foundation.LogCapture;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {
    /** SHA-256 of "abc" (FIPS 180-2 test vector). */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private final FileHasher hasher = new FileHasher();

    @TempDir
    Path dir;

    @Test
    void hashesFilesAndStreams() throws IOException {
        assertThat(hasher.sha256(Files.writeString(dir.resolve("abc.txt"), "abc"))).isEqualTo(ABC);
        assertThat(hasher.sha256(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))).isEqualTo(ABC);
        assertThat(hasher.sha256(Files.createFile(dir.resolve("empty"))))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void largeFilesSpanSeveralBuffers() throws IOException {
        byte[] big = new byte[FileHasher.BUFFER * 2 + 7];
        big[big.length - 1] = 1;
        Path file = Files.write(dir.resolve("big.bin"), big);
        var digest = FileHasher.newDigest();
        assertThat(hasher.sha256(file)).isEqualTo(FileHasher.hex(digest.digest(big))).hasSize(64);
    }

    /** On Debian, whose Java depends on libnss3, hashing must take the native path that bin/aupat counts on. */
    @Test
    void usesNssWhereTheSystemHasIt() {
        boolean debianNss = Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libnss3.so"))
                || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libnss3.so"));
        Assumptions.assumeTrue(debianNss, "no libnss3 here");
        assertThat(FileHasher.NativeSha256.PROVIDER).isNotNull();
        assertThat(FileHasher.newDigest().getProvider()).isSameAs(FileHasher.NativeSha256.PROVIDER);
        assertThat(FileHasher.NativeSha256.load(false)).as("turned off").isNull();
        // NSS can be set up once per JVM: a second attempt fails inside the JDK and must fall back, not throw.
        assertThat(FileHasher.NativeSha256.load(true)).as("second set-up").isNull();
    }

    /** Without NSS, only a C1-only JVM gets the slow-hashing warning; the test JVM runs the full JIT. */
    @Test
    void onlyAC1OnlyJvmIsWarnedThatHashingWithoutNssIsSlow() {
        assertThat(FileHasher.NativeSha256.compilesWithC1Alone()).isFalse();
        try (LogCapture log = new LogCapture(FileHasher.class)) {
            assertThat(FileHasher.NativeSha256.chosen(false, FileHasher.NativeSha256::compilesWithC1Alone)).isNull();
            assertThat(log.messages()).isEmpty();
            assertThat(FileHasher.NativeSha256.chosen(false, () -> true)).isNull();
            assertThat(log.messages()).singleElement().asString().startsWith("SHA-256 runs about ten times slower")
                    .contains("turned off").contains("JAVA_OPTS=-Daupat.native-sha256=false");
        }
    }

    /** NSS and the JDK give the same hashes as sha256sum, across buffer boundaries and for odd lengths. */
    @Test
    void nssAndTheJdkAgreeWithSha256sum() throws Exception {
        java.security.Provider nss = FileHasher.NativeSha256.PROVIDER;
        Assumptions.assumeTrue(nss != null, "NSS is not available here");
        java.util.Random random = new java.util.Random(42);
        for (int length : new int[] {0, 1, 55, 56, 64, 4095, FileHasher.BUFFER + 1, 3 * FileHasher.BUFFER - 3}) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            Path file = Files.write(dir.resolve("r" + length), bytes);
            Process sum = new ProcessBuilder("sha256sum", file.toString()).start();
            String expected = new String(sum.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).substring(0, 64);
            assertThat(sum.waitFor()).isZero();
            assertThat(FileHasher.hex(java.security.MessageDigest.getInstance("SHA-256", nss).digest(bytes)))
                    .as("NSS, %d bytes", length).isEqualTo(expected);
            assertThat(FileHasher.hex(java.security.MessageDigest.getInstance("SHA-256", "SUN").digest(bytes)))
                    .as("JDK, %d bytes", length).isEqualTo(expected);
            assertThat(hasher.sha256(file)).as("FileHasher, %d bytes", length).isEqualTo(expected);
        }
    }

    @Test
    void hashesManyFilesInTheirOrderAndKeepsEachFailureWithItsFile() throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            files.add(Files.writeString(dir.resolve("f" + i), "file " + i));
        }
        files.add(25, dir.resolve("missing.jpg"));
        var hashed = hasher.sha256All(files);
        assertThat(hashed).extracting(FileHasher.Hashed::file).containsExactlyElementsOf(files);
        for (FileHasher.Hashed one : hashed) {
            if (one.file().endsWith("missing.jpg")) {
                assertThat(one.error()).isInstanceOf(ValidationError.class).hasMessageContaining("does not exist");
                assertThatThrownBy(one::value).isSameAs(one.error());
            } else {
                assertThat(one.value()).isEqualTo(hasher.sha256(one.file()));
            }
        }
    }

    @Test
    void refusesMissingFoldersAndLinks() throws IOException {
        assertThatThrownBy(() -> hasher.sha256(dir.resolve("missing.jpg"))).isInstanceOf(ValidationError.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> hasher.sha256(dir)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("is not a regular file");
        Path target = Files.writeString(dir.resolve("t"), "abc");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThatThrownBy(() -> hasher.sha256(link)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void aReadFailureIsARecoverableFileSystemError() {
        // /proc/self/mem is a regular file whose first page cannot be read: a real I/O error on any Linux
        Path unreadable = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(unreadable));
        assertThatThrownBy(() -> hasher.sha256(unreadable)).isInstanceOfSatisfying(FileSystemError.class, e -> {
            assertThat(e.recoverable()).isTrue();
            assertThat(e.getMessage()).startsWith("cannot read /proc/self/mem");
        });
    }

    @Test
    void permissionAndVanishedFilesAreTheUsersToFix() {
        // root reads any file, so these two causes are given directly rather than provoked
        Path file = dir.resolve("a.jpg");
        assertThat(FileHasher.unreadable(file, new AccessDeniedException(file.toString())))
                .isInstanceOf(ValidationError.class).hasMessageContaining("permission denied");
        assertThat(FileHasher.unreadable(file, new NoSuchFileException(file.toString())))
                .isInstanceOf(ValidationError.class).hasMessageContaining("disappeared");
    }
}
