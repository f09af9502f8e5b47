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
        assertThat(first.out()).contains("Replica nas").contains("sent " + (archived.size() - 1) + " file(s)")
                .contains("master JSON sent 1");

        Result second = aupat("--script=replicate");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("sent 0 file(s)").contains("already there " + (archived.size() - 1))
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

    @Test
    void dbVerifyRepairsADamagedArchiveFileFromTheReplicaAndChecksTheReplicaItself() throws IOException {
        assertThat(aupat("--script=replicate").exit()).isZero();
        Path photo = someArchived("photos");
        String path = archive().relativize(photo).toString();
        byte[] original = Files.readAllBytes(photo);
        flipAByte(photo);

        Result repaired = aupat("--script=db_verify", "--all");
        assertThat(repaired.exit()).as(repaired.err()).isZero();
        assertThat(repaired.err()).contains(photo + ": repaired from nas");
        assertThat(Files.readAllBytes(photo)).isEqualTo(original);
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains("repaired from nas").contains(path);

        // The replica's own copy goes bad: db_verify --replica finds it, the next replicate sends it again.
        flipAByte(nas.resolve(path));
        Result checked = aupat("--script=db_verify", "--replica=nas");
        assertThat(checked.exit()).isEqualTo(1);
        assertThat(checked.err()).contains("FAILED replica nas: " + path + " has changed");
        Result again = aupat("--script=replicate");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("sent 1 file(s)");
        assertThat(Files.readAllBytes(nas.resolve(path))).isEqualTo(original);
        Result sample = aupat("--script=db_verify", "--replica=nas", "--sample=50");
        assertThat(sample.exit()).as(sample.err()).isZero();

        // No good copy anywhere: exit 1 as without replicas, and the damaged file stays as it was.
        flipAByte(nas.resolve(path));
        flipAByte(photo);
        byte[] damaged = Files.readAllBytes(photo);
        Result none = aupat("--script=db_verify", "--all");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("FAILED " + photo);
        assertThat(Files.readAllBytes(photo)).isEqualTo(damaged);
    }

    Path someArchived(String folder) throws IOException {
        try (Stream<Path> walk = Files.walk(archive())) {
            return walk.filter(Files::isRegularFile).filter(p -> archive().relativize(p).toString().contains("/" + folder + "/"))
                    .sorted().findFirst().orElseThrow();
        }
    }

    static void flipAByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(file, bytes);
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
