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

/** The S3 replica against a real S3 API server on the loopback address: uploads, parts, checksums, refusals. */
class S3ReplicaTest {
    static LocalS3 s3;
    @TempDir
    Path home;
    final FileHasher hasher = new FileHasher();

    @BeforeAll
    static void startServer() throws Exception {
        s3 = new LocalS3("bucket");
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @AfterEach
    void forget() {
        LocalS3.forgetCredentials();
    }

    S3Replica replica(long multipartAbove, int partSize) {
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        return new S3Replica("offsite", new ReplicaTarget.S3("bucket", s3.endpoint(), "us-east-1", "archive-1", true),
                hasher, multipartAbove, partSize);
    }

    @Test
    void aLargeFileGoesInPartsAndComesBackByteForByte() throws Exception {
        S3Replica replica = replica(6L * 1024 * 1024, 5 * 1024 * 1024);
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
        assertThat(s3.blobStore().blobExists("bucket", "archive-1/ny-x/videos/big.mov")).isTrue();
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
