package org.aupat.e2e;

import static org.aupat.e2e.CrashFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * recover from a folder replica on the real jar, SIGKILLed at several instants (while the database is being
 * made, while files are copied, near the end); the identical command run again must end exactly as an
 * uninterrupted recover: every row, archived file and master JSON byte for byte as in the lost home, and
 * no temporary name, journal or marker left.
 *
 * <p>Only the recover that is killed needs a process of its own. The import and replicate that make the
 * lost home, and the rerun after each kill, run in process ({@link InProcessRunner}): the rerun starts
 * from nothing but what the dead process left on disk (its run lock is an OS file lock, gone with it),
 * as a new process would, without a JVM start each time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoverCrashIT {
    static final int PHOTOS = 200;
    Path home;
    Path nas;
    Map<String, List<String>> rowsBefore;
    Map<String, String> archiveBefore;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void importAndReplicate(@TempDir Path temp) throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        nas = Files.createDirectories(temp.resolve("nas"));
        InProcessRunner aupat = new InProcessRunner(home);
        CrashFixtures.importLocation(aupat, temp.resolve("card"), PHOTOS, "Crash Recover Mill", replica());
        JarRunner.Result r = aupat.run("--script=replicate", replica());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        rowsBefore = DisasterDrill.rows(home.resolve("data/aupat.db"));
        archiveBefore = DisasterDrill.files(home.resolve("data/archive"));
        assertThat(archiveBefore).hasSizeGreaterThan(PHOTOS);
    }

    @Test
    void aKilledRecoverConvergesOnRerun() throws Exception {
        List<Predicate<Path>> kills = List.of(
                h -> exists(h.resolve("data/aupat.db")) || exists(h.resolve("data/aupat.db.aupat-tmp")),
                h -> exists(h.resolve("data/aupat.db")),
                h -> count(h.resolve("data/archive")) >= 1,
                h -> count(h.resolve("data/archive")) >= PHOTOS / 2,
                h -> count(h.resolve("data/archive")) >= PHOTOS);
        for (Predicate<Path> kill : kills) {
            lose();
            killedThenRerun(kill);
            assertThat(DisasterDrill.rows(home.resolve("data/aupat.db"))).as("every row").isEqualTo(rowsBefore);
            assertThat(DisasterDrill.files(home.resolve("data/archive"))).as("every file and master JSON, byte for byte")
                    .isEqualTo(archiveBefore);
            assertClean();
        }
        report.forEach(System.out::println);
        assertThat(report).as("at least one kill came mid-run").anyMatch(l -> l.contains("mid-run"));
    }

    /** The disk that held the home is gone: an empty home at the same place (the rows name absolute paths). */
    private void lose() throws IOException {
        if (Files.exists(home)) {
            ArchiveInvariants.deleteTree(home);
        }
        Files.createDirectories(home);
    }

    private void killedThenRerun(Predicate<Path> trigger) throws Exception {
        JarRunner aupat = new JarRunner(home);
        Process p = aupat.start("--script=recover", "--replica=nas", replica());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && !trigger.test(home) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean alive = p.isAlive();
        p.destroyForcibly().waitFor();
        report.add("recover killed " + (alive ? "mid-run" : "after it ended") + " with "
                + count(home.resolve("data/archive")) + " photo(s) in the archive, database "
                + (exists(home.resolve("data/aupat.db")) ? "there" : "not there"));
        JarRunner.Result r = new InProcessRunner(home).run("--script=recover", "--replica=nas", replica());
        assertThat(r.exit()).as(report.get(report.size() - 1) + "\n" + r.out() + r.err()).isZero();
        assertThat(r.out()).as("the totals are results, on stdout").contains("not restored 0");
    }

    private void assertClean() throws IOException {
        try (Stream<Path> walk = Files.walk(home)) {
            assertThat(walk.map(f -> f.getFileName().toString()))
                    .noneMatch(n -> n.contains(".aupat-tmp") || n.endsWith(".aupat-deleted") || n.endsWith(".journal")
                            || n.contains(".recovering"));
        }
    }

    private String replica() {
        return "--aupat.replicas.nas.path=" + nas;
    }

    private static boolean exists(Path p) {
        return Files.exists(p);
    }
}
