package org.aupat.e2e;

import static org.aupat.e2e.CrashFixtures.count;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * trash and restore of a whole location of a few hundred files: an uninterrupted trash and restore gives back
 * every file byte for byte with the same rows; a SIGKILL of the real jar at several instants of a trash and of
 * a restore, then the identical command again, ends exactly as the uninterrupted run (every file once, in its
 * place, hashes intact, no temporary names or journals, master JSON current).
 *
 * <p>Only the runs that are killed need to be processes. The import, the uninterrupted trash and restore and
 * the reruns go through {@link InProcessRunner}: the same Launcher and application, without a JVM start each.
 * A rerun in process finds what the dead process left exactly as a new process would: the lock file (whose OS
 * lock died with it), the file journal, the trash rows, the database's own journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrashCrashIT {
    static final int PHOTOS = 300;
    Path work;
    Path imported;
    String uuid;
    Map<String, String> archiveBefore;
    String rowsBefore;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void importALocation(@TempDir Path temp) throws Exception {
        work = temp;
        imported = Files.createDirectories(work.resolve("imported"));
        CrashFixtures.importLocation(new InProcessRunner(imported), work.resolve("card"), PHOTOS, "Crash Trash Mill");
        uuid = single(imported, "SELECT loc_uuid FROM locations");
        archiveBefore = media(imported.resolve("data/archive"));
        assertThat(archiveBefore).hasSize(PHOTOS);
        rowsBefore = rows(imported);
    }

    @Test
    void aTrashedLocationIsRestoredByteForByteWithTheSameRows() throws Exception {
        Path home = copyOf("plain");
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result trashed = aupat.run("--script=trash", "--location=" + uuid);
        assertThat(trashed.exit()).as(trashed.out() + trashed.err()).isZero();
        assertTrashed(home);

        JarRunner.Result restored = aupat.run("--script=restore", "--location=" + uuid);
        assertThat(restored.exit()).as(restored.out() + restored.err()).isZero();
        assertRestored(home);
    }

    @Test
    void aKilledTrashAndAKilledRestoreConvergeOnRerun() throws Exception {
        List<Predicate<Path>> trashKills = List.of(
                home -> count(home.resolve("data/trash")) >= 1,
                home -> count(home.resolve("data/trash")) >= 150,
                home -> count(home.resolve("data/trash")) >= PHOTOS,
                home -> journals(home) > 0);
        int i = 0;
        for (Predicate<Path> kill : trashKills) {
            Path home = copyOf("trash-" + i++);
            killedThenRerun(home, kill, "--script=trash", "--location=" + uuid);
            assertTrashed(home);
            restoreKilled(home, i);
        }
        report.forEach(System.out::println);
        assertThat(report).as("at least one kill came while files were moving").anyMatch(l -> l.contains("mid-run"));
    }

    private void restoreKilled(Path home, int i) throws Exception {
        List<Predicate<Path>> restoreKills = List.of(
                h -> between(count(h.resolve("data/trash")), 0, PHOTOS - 1),
                h -> between(count(h.resolve("data/trash")), 0, PHOTOS / 2),
                h -> count(h.resolve("data/trash")) == 0,
                h -> journals(h) > 0);
        killedThenRerun(home, restoreKills.get((i - 1) % restoreKills.size()), "--script=restore", "--location=" + uuid);
        assertRestored(home);
    }

    /** Starts the jar, SIGKILLs it when the trigger fires (if it is still running), then runs it again to the end in process. */
    private void killedThenRerun(Path home, Predicate<Path> trigger, String... args) throws Exception {
        Process p = new JarRunner(home).start(args);
        long deadline = System.nanoTime() + 120_000_000_000L;
        // No file moves before the run holds the lock (ScriptRunner): the JVM's start is waited for at ease, so
        // that the watching below does not take a core from the jar it watches on a loaded machine.
        Path lock = home.resolve("data/aupat.db.lock");
        while (p.isAlive() && !holdsTheLock(lock, p.pid()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        while (p.isAlive() && !trigger.test(home) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        boolean alive = p.isAlive();
        p.destroyForcibly().waitFor();
        report.add(args[0] + " in " + home.getFileName() + ": killed " + (alive ? "mid-run" : "after it ended")
                + " with " + count(home.resolve("data/trash")) + " file(s) in the trash");
        JarRunner.Result r = new InProcessRunner(home).run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    /** The lock file names the script and pid of the run that holds it ("trash pid 1234"). */
    private static boolean holdsTheLock(Path lock, long pid) {
        try {
            return Files.readString(lock).trim().endsWith(" pid " + pid);
        } catch (IOException notYet) {
            return false;
        }
    }

    private void assertTrashed(Path home) throws Exception {
        assertThat(media(home.resolve("data/archive"))).as("no media file is left in the archive").isEmpty();
        Map<String, String> trash = media(home.resolve("data/trash"));
        assertThat(new TreeMap<>(trash)).as("every file once in the trash, its archive path mirrored, bytes intact")
                .isEqualTo(new TreeMap<>(archiveBefore));
        assertThat(single(home, "SELECT count(*) FROM images")).isEqualTo("0");
        assertThat(single(home, "SELECT count(*) FROM trash")).isEqualTo(String.valueOf(PHOTOS));
        assertClean(home);
        assertThat(masterJson(home)).doesNotContain(archiveBefore.values().iterator().next());
    }

    private void assertRestored(Path home) throws Exception {
        assertThat(media(home.resolve("data/archive"))).as("every file back in its place, byte for byte")
                .isEqualTo(archiveBefore);
        assertThat(media(home.resolve("data/trash"))).isEmpty();
        assertThat(rows(home)).as("the same rows").isEqualTo(rowsBefore);
        assertThat(single(home, "SELECT count(*) FROM trash")).isEqualTo("0");
        assertClean(home);
        String master = masterJson(home);
        archiveBefore.values().forEach(sha -> assertThat(master).contains(sha));
    }

    private static void assertClean(Path home) {
        assertThat(ArchiveInvariants.files(home.resolve("data")).stream().map(f -> f.getFileName().toString()))
                .noneMatch(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted") || n.endsWith(".journal"));
    }

    private String masterJson(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("data/archive"))) {
            Path master = files.filter(f -> f.getFileName().toString().endsWith("_master.json")).findFirst().orElseThrow();
            return Files.readString(master);
        }
    }

    /** Path below its root -> SHA-256 of every media file (master JSON left out). */
    private static Map<String, String> media(Path root) {
        Map<String, String> found = new TreeMap<>();
        for (Path f : ArchiveInvariants.files(root)) {
            if (!f.getFileName().toString().endsWith("_master.json")) {
                found.put(root.relativize(f).toString(), ArchiveInvariants.sha256(f));
            }
        }
        return found;
    }

    private static boolean between(long n, long low, long high) {
        return n >= low && n <= high;
    }

    private static long journals(Path home) {
        try {
            return ArchiveInvariants.files(home.resolve("data/journal")).size();
        } catch (java.io.UncheckedIOException goneMeanwhile) {
            return 0;
        }
    }

    private Path copyOf(String name) throws Exception {
        Path home = work.resolve(name);
        ArchiveInvariants.copyTree(imported, home);
        // Paths in the database are absolute: point them at this copy.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement()) {
            String from = imported.toString();
            String to = home.toString();
            s.executeUpdate("UPDATE images SET img_loc = replace(img_loc, '" + from + "', '" + to + "')");
            s.executeUpdate("UPDATE documents SET doc_loc = replace(doc_loc, '" + from + "', '" + to + "')");
            s.executeUpdate("UPDATE locations SET loc_loc = replace(loc_loc, '" + from + "', '" + to + "')");
        }
        return home;
    }

    /** Every media row, every column, in SHA-256 order, paths made relative to the home. */
    private String rows(Path home) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM images ORDER BY img_sha256")) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    out.append(meta.getColumnName(i)).append('=').append(rows.getString(i)).append(' ');
                }
                out.append('\n');
            }
        }
        // Paths were made in the imported home (exiftool's JSON names them too) and rewritten for this copy.
        return out.toString().replace(home.toString(), "HOME").replace(imported.toString(), "HOME");
    }

    private static String single(Path home, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
