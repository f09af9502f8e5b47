package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill in process (fast); {@link DisasterDrillIT} runs the same on the packaged jar. */
class DisasterDrillTest {
    @TempDir
    Path home;
    @TempDir
    Path nas;

    @Test
    void deleteTheWholeHomeThenRecoverEveryRowAndFileFromTheReplica() throws Exception {
        DisasterDrill.run(new InProcessRunner(home), home, nas);
    }

    @Test
    void recoverOntoADifferentDiskRebasesEveryRecordedPath(@TempDir Path newDisk) throws Exception {
        Path homeB = newDisk.resolve("mnt/new-disk/aupat");
        String replica = "--aupat.replicas.nas.path=" + nas;
        InProcessRunner b = new InProcessRunner(homeB);
        DisasterDrill.run(new InProcessRunner(home), home, b, homeB, "nas", replica);

        // Every script works in the new home and names its paths, never the old one's.
        String archiveB = homeB.resolve("data/archive").toString();
        JarRunner.Result found = b.run("--script=find", "--name=*", "--json");
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(found.out()).contains(archiveB).doesNotContain(home.resolve("data/archive").toString());
        JarRunner.Result shown = b.run("--script=show", "--location=Sample Mill", replica);
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(archiveB);
        JarRunner.Result catalogue = b.run("--script=catalogue");
        assertThat(catalogue.exit()).as(catalogue.err()).isZero();
        assertThat(homeB.resolve("data/catalogue/index.html")).isRegularFile();
        // The rewritten master JSON goes to the replica, and then everything is on it again.
        JarRunner.Result replicated = b.run("--script=replicate", replica);
        assertThat(replicated.exit()).as(replicated.err()).isZero();
        assertThat(replicated.out()).contains("master JSON sent 1");
        JarRunner.Result checked = b.run("--script=db_verify", "--replica=nas", "--all", replica);
        assertThat(checked.exit()).as(checked.err()).isZero();
    }

    /** Imports the sample card into the home and replicates it to the folder replica; returns the settings. */
    private String[] replicatedCard(InProcessRunner aupat) {
        String replica = "--aupat.replicas.nas.path=" + nas;
        assertThat(aupat.run("--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(), "--name=Sample Mill",
                "--state=ny", "--type=industrial", "--no-catalogue", replica).exit()).isZero();
        assertThat(aupat.run("--script=replicate", replica).exit()).isZero();
        return new String[] {replica};
    }

    private List<Path> onReplica(String suffix) throws Exception {
        try (Stream<Path> walk = Files.walk(nas)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void aFileMissingFromTheReplicaIsNamedAndEverythingElseIsRecovered() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String[] replica = replicatedCard(aupat);
        Path lost = onReplica(".jpg").get(0);
        Files.delete(lost);
        ArchiveInvariants.deleteTree(home);
        Files.createDirectories(home);

        JarRunner.Result recovered = aupat.run("--script=recover", "--replica=nas", replica[0]);
        assertThat(recovered.exit()).as(recovered.err()).isEqualTo(4);
        assertThat(recovered.out() + recovered.err()).contains(lost.getFileName().toString()).contains("not restored 1");
        assertThat(onReplica(".jpg")).hasSizeGreaterThan(0).allSatisfy(p -> assertThat(
                home.resolve("data/archive").resolve(nas.relativize(p).toString())).exists());
    }

    @Test
    void aBackupWhoseBytesChangedOnTheReplicaIsNeverRestored() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String[] replica = replicatedCard(aupat);
        for (Path backup : onReplica(".db")) {
            byte[] bytes = Files.readAllBytes(backup);
            bytes[bytes.length / 2] ^= 0x55;
            Files.write(backup, bytes);
        }
        ArchiveInvariants.deleteTree(home);
        Files.createDirectories(home);

        JarRunner.Result recovered = aupat.run("--script=recover", "--replica=nas", replica[0]);
        assertThat(recovered.exit()).as(recovered.out() + recovered.err()).isNotZero();
        assertThat(home.resolve("data/aupat.db")).doesNotExist();
    }
}
