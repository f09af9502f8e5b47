package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aupat.testing.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An S3 replica end to end, in process, against a real S3 API server on the loopback address: the restore
 * drill through the bucket, and credentials that never appear in output, logs, database or master JSON.
 */
class S3ReplicaDrillTest {
    static LocalS3 s3;
    @TempDir
    Path home;

    @BeforeAll
    static void startServer() throws Exception {
        s3 = new LocalS3("drill", "secrets");
    }

    @AfterAll
    static void stopServer() throws Exception {
        s3.close();
    }

    @AfterEach
    void forget() {
        LocalS3.forgetCredentials();
    }

    @Test
    void deleteTheWholeHomeThenRecoverEverythingFromTheBucket() throws Exception {
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        DisasterDrill.run(new InProcessRunner(home), home, "offsite", s3.replica("offsite", "drill", "aupat/"));
        assertThat(s3.blobStore().list("drill").size()).isPositive();
    }

    @Test
    void credentialsNeverReachOutputLogsDatabaseOrMasterJson() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String[] replica = s3.replica("offsite", "secrets", "");
        LocalS3.useCredentials(LocalS3.ACCESS_KEY, "wrong-secret-5e4d3c2b1a09");
        JarRunner.Result refused = aupat.run(Stream.concat(Stream.of("--script=replicate"), Stream.of(replica))
                .toArray(String[]::new));
        assertThat(refused.exit()).as(refused.err()).isEqualTo(3);
        assertThat(refused.err().strip().lines()).singleElement().asString()
                .startsWith("replicate: replica offsite: cannot reach s3://secrets/").contains("403");

        LocalS3.useCredentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        JarRunner.Result imported = aupat.run(Stream.concat(Stream.of("--script=pipeline",
                "--source=" + Path.of("samples/card").toAbsolutePath(), "--name=Sample Mill", "--state=ny",
                "--type=industrial"), Stream.of(replica)).toArray(String[]::new));
        assertThat(imported.exit()).as(imported.err()).isZero();
        JarRunner.Result sent = aupat.run(Stream.concat(Stream.of("--script=replicate", "--verbose"), Stream.of(replica))
                .toArray(String[]::new));
        assertThat(sent.exit()).as(sent.err()).isZero();
        assertThat(sent.out()).contains("Replica offsite");

        for (String output : new String[] {refused.out(), refused.err(), sent.out(), sent.err()}) {
            assertThat(output).doesNotContain(LocalS3.SECRET_KEY).doesNotContain("wrong-secret-5e4d3c2b1a09");
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain(LocalS3.SECRET_KEY)
                        .doesNotContain("wrong-secret-5e4d3c2b1a09");
            }
        }
    }
}
