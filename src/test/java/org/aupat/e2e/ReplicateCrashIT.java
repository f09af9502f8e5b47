package org.aupat.e2e;

import static org.aupat.e2e.CrashFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * replicate to a folder replica on the real jar, SIGKILLed at several instants of a run of a few hundred
 * files; the identical command run again must leave every archived file and master JSON exactly once on
 * the replica with the right bytes, no temporary name, and a replica_copies row for each that names its
 * bytes; the replica's backup matches its .sha256 file.
 *
 * <p>Only the replicate that is killed needs a process of its own: the import and the rerun after each
 * kill run in process ({@link InProcessRunner}), the rerun from what the dead process left on disk alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplicateCrashIT {
    static final int PHOTOS = 300;
    Path work;
    Path home;
    Map<String, String> archive;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void importALocation(@TempDir Path temp) throws Exception {
        work = temp;
        home = Files.createDirectories(temp.resolve("home"));
        CrashFixtures.importLocation(new InProcessRunner(home), temp.resolve("card"), PHOTOS, "Crash Replica Mill");
        archive = DisasterDrill.files(home.resolve("data/archive"));
        assertThat(archive).hasSizeGreaterThan(PHOTOS);
    }

    @Test
    void aKilledReplicateConvergesOnRerun() throws Exception {
        List<Predicate<Path>> kills = List.of(
                nas -> count(nas) >= 1,
                nas -> count(nas) >= PHOTOS / 2,
                nas -> count(nas) >= PHOTOS);
        int i = 0;
        for (Predicate<Path> kill : kills) {
            String name = "nas" + i++;
            Path nas = Files.createDirectories(work.resolve(name));
            killedThenRerun(name, nas, kill);
            Map<String, String> onReplica = DisasterDrill.files(nas);
            Map<String, String> backups = new TreeMap<>(onReplica);
            backups.keySet().removeIf(p -> !p.startsWith("aupat-backups/"));
            onReplica.keySet().removeIf(p -> p.startsWith("aupat-backups/"));
            assertThat(onReplica).as("every file once on " + name + ", byte for byte, nothing else").isEqualTo(archive);
            assertThat(rows(name, "kind <> 'backup'")).as("a true row for every copy").isEqualTo(archive);
            assertThat(backups.keySet()).anyMatch(p -> p.endsWith(".db"));
            for (String db : backups.keySet().stream().filter(p -> p.endsWith(".db")).toList()) {
                assertThat(Files.readString(nas.resolve(db + ".sha256"))).startsWith(backups.get(db));
            }
        }
        report.forEach(System.out::println);
        assertThat(report).as("at least one kill came mid-run").anyMatch(l -> l.contains("mid-run"));
    }

    private void killedThenRerun(String name, Path nas, Predicate<Path> trigger) throws Exception {
        JarRunner aupat = new JarRunner(home);
        String setting = "--aupat.replicas." + name + ".path=" + nas;
        Process p = aupat.start("--script=replicate", setting);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && !trigger.test(nas) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean alive = p.isAlive();
        p.destroyForcibly().waitFor();
        report.add("replicate to " + name + " killed " + (alive ? "mid-run" : "after it ended") + " with "
                + count(nas) + " photo(s) on the replica");
        JarRunner.Result r = new InProcessRunner(home).run("--script=replicate", setting);
        assertThat(r.exit()).as(report.get(report.size() - 1) + "\n" + r.out() + r.err()).isZero();
    }

    /** path -> SHA-256 of the replica_copies rows of one replica. */
    private Map<String, String> rows(String replica, String where) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT path, sha256 FROM replica_copies WHERE replica = '" + replica
                     + "' AND " + where)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }
}
