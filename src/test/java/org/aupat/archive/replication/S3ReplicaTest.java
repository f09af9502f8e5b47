package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.aupat.foundation.config.ReplicaTarget;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.aupat.testing.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 replica against real S3 API servers on the loopback address, one over plain HTTP and one over HTTPS
 * (as every real service is used): uploads, parts, checksums, rotted files, refusals.
 */
class S3ReplicaTest {
    static LocalS3 s3;
    static LocalS3 tls;
    @TempDir
    static Path certificates;
    @TempDir
    Path home;
    final FileHasher hasher = new FileHasher();

    @BeforeAll
    static void startServer() throws Exception {
        s3 = new LocalS3("bucket");
        tls = LocalS3.overHttps(certificates, "bucket");
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
        tls.close();
    }

    @AfterEach
    void forget() {
        LocalS3.forgetCredentials();
    }

    S3Replica replica(long multipartAbove, int partSize) {
        return replica(s3, multipartAbove, partSize);
    }

    S3Replica replica(LocalS3 server, long multipartAbove, int partSize) {
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        return new S3Replica("offsite", new ReplicaTarget.S3("bucket", server.endpoint(), "us-east-1", "archive-1", true),
                hasher, multipartAbove, partSize, server.trust());
    }

    @Test
    void aLargeFileGoesInPartsAndComesBackByteForByte() throws Exception {
        aLargeFileGoesInPartsAndComesBackByteForByte(s3);
    }

    @Test
    void overHttpsTooFilesOfEverySizeGoAndComeBackByteForByte() throws Exception {
        aLargeFileGoesInPartsAndComesBackByteForByte(tls);
        S3Replica replica = replica(tls, S3Replica.MULTIPART_ABOVE, S3Replica.PART_SIZE);
        FileTransactions transactions = new FileTransactions(home.resolve("journal"), new DiskFileSystem());
        // Sizes around the 16 KB of a TLS record and the 64 KB of a read, and a photo's.
        for (int size : new int[] {0, 1, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 64 * 1024 + 3, 3 * 1024 * 1024 + 5}) {
            byte[] bytes = new byte[size];
            new Random(size).nextBytes(bytes);
            Path file = Files.write(home.resolve("photo-" + size + ".jpg"), bytes);
            String sha = hasher.sha256(file);
            try (FileTransaction t = transactions.begin()) {
                replica.send(file, "ny-x/photos/" + file.getFileName(), sha, t);
                t.commit();
            }
            assertThat(replica.hash("ny-x/photos/" + file.getFileName())).as("%d bytes", size).contains(sha);
        }
        assertThat(replica.list("ny-x/photos")).hasSize(7);
    }

    /** A byte of the archived file flipped on disk after its SHA-256 was recorded (bit rot): never a good copy. */
    @Test
    void aFileThatRottedAfterItsHashWasRecordedIsNeverKeptInOnePutOrInParts() throws Exception {
        for (LocalS3 server : new LocalS3[] {tls, s3}) {
            S3Replica replica = replica(server, 6L * 1024 * 1024, 5 * 1024 * 1024);
            FileTransactions transactions = new FileTransactions(home.resolve("journal"), new DiskFileSystem());
            for (int size : new int[] {200 * 1024, 13 * 1024 * 1024}) {
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                Path file = Files.write(home.resolve("rotten-" + size + ".jpg"), bytes);
                String recorded = hasher.sha256(file);
                try (java.io.RandomAccessFile disk = new java.io.RandomAccessFile(file.toFile(), "rw")) {
                    disk.seek(size / 2);
                    int b = disk.read();
                    disk.seek(size / 2);
                    disk.write(b ^ 0x10);
                }
                String key = "rotten/" + file.getFileName();
                try (FileTransaction t = transactions.begin()) {
                    assertThatThrownBy(() -> replica.send(file, key, recorded, t)).as("%s, %d bytes", server.endpoint(), size)
                            .isInstanceOf(FileSystemError.class).hasMessageContaining("SHA-256 mismatch");
                }
                assertThat(server.blobStore().blobExists("bucket", "archive-1/" + key)).as("%d bytes", size).isFalse();
                assertThat(replica.hash(key)).isEmpty();
            }
        }
    }

    @Test
    void noUploadWaitsForTheServersPermissionToSendItsBody() {
        software.amazon.awssdk.http.SdkHttpRequest put = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .uri(URI.create("https://127.0.0.1/bucket/a.jpg")).method(software.amazon.awssdk.http.SdkHttpMethod.PUT)
                .putHeader("Expect", "100-continue").putHeader("Content-Length", "5").build();
        software.amazon.awssdk.http.SdkHttpRequest sent = new S3Replica.NoExpectContinue().modifyHttpRequest(
                new software.amazon.awssdk.core.interceptor.Context.ModifyHttpRequest() {
                    @Override
                    public software.amazon.awssdk.core.SdkRequest request() {
                        return null;
                    }

                    @Override
                    public software.amazon.awssdk.http.SdkHttpRequest httpRequest() {
                        return put;
                    }

                    @Override
                    public java.util.Optional<software.amazon.awssdk.core.sync.RequestBody> requestBody() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<software.amazon.awssdk.core.async.AsyncRequestBody> asyncRequestBody() {
                        return java.util.Optional.empty();
                    }
                }, new software.amazon.awssdk.core.interceptor.ExecutionAttributes());
        assertThat(sent.firstMatchingHeader("Expect")).isEmpty();
        assertThat(sent.firstMatchingHeader("Content-Length")).contains("5");
    }

    private void aLargeFileGoesInPartsAndComesBackByteForByte(LocalS3 server) throws Exception {
        S3Replica replica = replica(server, 6L * 1024 * 1024, 5 * 1024 * 1024);
        byte[] bytes = new byte[13 * 1024 * 1024 + 17];
        new Random(7).nextBytes(bytes);
        Path big = Files.write(home.resolve("big.mov"), bytes);
        String sha = hasher.sha256(big);
        FileTransactions transactions = new FileTransactions(home.resolve("journal"), new DiskFileSystem());
        try (FileTransaction t = transactions.begin()) {
            assertThat(replica.send(big, "ny-x/videos/big.mov", sha, t).size()).isEqualTo(bytes.length);
            t.commit();
        }
        assertThat(replica.hash("ny-x/videos/big.mov")).contains(sha);
        assertThat(server.blobStore().blobExists("bucket", "archive-1/ny-x/videos/big.mov")).isTrue();
        assertThat(replica.list("ny-x/videos")).containsExactly("big.mov");

        Path back = home.resolve("back/big.mov");
        try (FileTransaction t = transactions.begin()) {
            replica.fetch("ny-x/videos/big.mov", back, sha, t);
            t.commit();
        }
        assertThat(Files.readAllBytes(back)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(back)).isEqualTo(Files.getLastModifiedTime(big));

        // A fetch whose bytes do not hash to the recorded SHA-256 leaves nothing behind.
        Path wrong = home.resolve("back/wrong.mov");
        try (FileTransaction t = transactions.begin()) {
            assertThatThrownBy(() -> replica.fetch("ny-x/videos/big.mov", wrong, "0".repeat(64), t))
                    .hasMessageContaining("SHA-256 mismatch");
        }
        assertThat(home.resolve("back")).isDirectoryNotContaining("glob:**wrong*");
    }

    @Test
    void bytesThatDoNotMatchTheRecordedSha256AreNeverKept() throws Exception {
        S3Replica replica = replica(S3Replica.MULTIPART_ABOVE, S3Replica.PART_SIZE);
        Path file = Files.writeString(home.resolve("a.jpg"), "the photo");
        FileTransactions transactions = new FileTransactions(home.resolve("journal"), new DiskFileSystem());
        try (FileTransaction t = transactions.begin()) {
            assertThatThrownBy(() -> replica.send(file, "a.jpg", "ab".repeat(32), t)).isInstanceOf(FileSystemError.class)
                    .hasMessageContaining("SHA-256 mismatch");
        }
        assertThat(replica.hash("a.jpg")).isEmpty();
    }

    @Test
    void wrongCredentialsOrAMissingBucketFailPreflightOnOneLineThatNamesNoSecret() {
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, "not-the-secret-9f8e7d6c5b4a");
        S3Replica replica = new S3Replica("offsite", new ReplicaTarget.S3("bucket", s3.endpoint(), null, null, true), hasher);
        assertThatThrownBy(() -> replica.requireReachable(true)).isInstanceOf(PreflightError.class)
                .hasMessageStartingWith("replica offsite: cannot reach s3://bucket/ at " + s3.endpoint())
                .hasMessageContaining("403").hasMessageNotContaining("not-the-secret").hasMessageNotContaining("\n");
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        S3Replica missing = new S3Replica("offsite", new ReplicaTarget.S3("no-such-bucket", s3.endpoint(), null, null,
                true), hasher);
        assertThatThrownBy(() -> missing.requireReachable(true)).hasMessageContaining("404");
        S3Replica nowhere = new S3Replica("offsite", new ReplicaTarget.S3("bucket", URI.create("http://127.0.0.1:1"),
                null, null, true), hasher);
        assertThatThrownBy(() -> nowhere.requireReachable(true)).isInstanceOf(PreflightError.class)
                .hasMessageNotContaining(LocalS3.SECRET_KEY).hasMessageNotContaining("\n");
    }
}
