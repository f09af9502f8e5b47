package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.e2e.InProcessRunner;
import org.aupat.e2e.JarRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder replica end to end, in process: the sample card imported by the pipeline, replicated, checked
 * byte for byte, replicated again with nothing new, damaged in the archive and repaired by db_verify.
 */
class FolderReplicaTest {
    @TempDir
    Path home;
    @TempDir
    Path nas;
    InProcessRunner aupat;

    @BeforeEach
    void importTheSampleCard() {
        aupat = new InProcessRunner(home);
        Result r = aupat.run("--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(),
                "--name=Sample Mill", "--state=ny", "--type=industrial");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    Result aupat(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--aupat.replicas.nas.path=" + nas;
        return aupat.run(all);
    }

    Path archive() {
        return home.resolve("data/archive");
    }

    @Test
    void replicateCopiesTheArchiveInItsOwnLayoutThenSendsNothingNew() throws IOException {
        Result dry = aupat("--script=replicate", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        Map<String, String> archived = files(archive());
        assertThat(archived).isNotEmpty();
        for (String path : archived.keySet()) {
            assertThat(dry.out()).contains("would send " + path + " to nas");
        }
        assertThat(files(nas)).as("a dry run sends nothing").isEmpty();

        Result first = aupat("--script=replicate");
        assertThat(first.exit()).as(first.err()).isZero();
        Map<String, String> replica = files(nas);
        archived.forEach((path, sha) -> assertThat(replica).containsEntry(path, sha));
        assertThat(replica.keySet()).anyMatch(p -> p.startsWith("aupat-backups/aupat-") && p.endsWith(".db"))
                .anyMatch(p -> p.endsWith(".db.sha256"));
        assertThat(replica.keySet()).noneMatch(p -> p.contains(".aupat-"));
        assertThat(first.err()).contains("Replica nas").contains("sent " + (archived.size() - 1) + " file(s)")
                .contains("master JSON sent 1");

        Result second = aupat("--script=replicate", "--skip-backup");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).contains("sent 0 file(s)").contains("already there " + (archived.size() - 1))
                .contains("master JSON sent 0").contains(", already there 1");
    }

    @Test
    void anUnreachableReplicaFailsPreflightWithExitThreeOnOneLine() throws IOException {
        Files.delete(nas);
        Result r = aupat("--script=replicate");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip().lines()).singleElement().asString().startsWith("replicate: replica nas: the folder "
                + nas + " is not there");
        assertThat(Files.exists(nas)).as("never created on the mount point").isFalse();
    }

    /** Every regular file under a folder: relative path -> SHA-256. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new org.aupat.foundation.hashing.FileHasher().sha256(p));
            }
        }
        return files;
    }
}
