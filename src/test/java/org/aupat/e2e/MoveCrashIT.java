package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real jar with SIGKILL at several instants of a move of a whole import of 300 files and of a merge
 * of the location holding them, reruns the same command, and checks that the home ends exactly as after an
 * uninterrupted run: every file exactly once at its new place with its bytes, the same rows, each move recorded
 * once, no temporary names or journals, every master JSON current. Each case starts from the same archive
 * (restored into the same folder, as the database records absolute paths).
 *
 * <p>Only the run that is killed needs to be a process. The archive, the uninterrupted reference runs and the
 * reruns go through {@link InProcessRunner}: the same Launcher and application, without a JVM start each. A
 * rerun in process finds what the dead process left exactly as a new process would: the lock file (whose OS
 * lock died with it), the file journal, the ledger's rows, the database's own journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoveCrashIT {
    Path home;
    Path template;
    String wrong;
    String right;
    String importId;
    List<Path> sources;
    Map<String, String> movedReference;
    Map<String, String> mergedReference;
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void archiveWithAMisfiledCard(@TempDir Path work) throws Exception {
        home = Files.createDirectories(work.resolve("home"));
        template = work.resolve("template");
        Path first = Files.createDirectories(work.resolve("first"));
        new MediaFactory(first).photo("KEEP.JPG", "Canon", "Canon EOS R5");
        Path other = Files.createDirectories(work.resolve("other"));
        new MediaFactory(other).photo("R.JPG", "NIKON CORPORATION", "NIKON D850");
        Path card = Files.createDirectories(work.resolve("card"));
        MediaFactory media = new MediaFactory(card);
        media.photos("IMG_", 297, "Canon");
        media.photo("LIVE.JPG", "Apple", "iPhone 13 Pro");
        media.iphoneMov("LIVE.MOV", "iPhone 13 Pro");
        media.text("notes.txt", "east wing");
        sources = ArchiveInvariants.files(card);
        assertThat(sources).hasSize(300);
        InProcessRunner aupat = new InProcessRunner(home);
        ok(aupat.run("--script=pipeline", "--source=" + first, "--name=Wrong Mill", "--state=ny", "--type=industrial"));
        ok(aupat.run("--script=pipeline", "--source=" + other, "--name=Right Mill", "--state=ny", "--type=industrial"));
        wrong = query("SELECT loc_uuid FROM locations WHERE loc_name = 'Wrong Mill'").get(0);
        right = query("SELECT loc_uuid FROM locations WHERE loc_name = 'Right Mill'").get(0);
        ok(aupat.run("--script=pipeline", "--source=" + card, "--location=" + wrong));
        importId = query("SELECT imp_id FROM imports WHERE source = '" + card + "'").get(0);
        ArchiveInvariants.copyTree(home, template);

        ok(aupat.run(moveArgs()));
        assertSound(300);
        movedReference = state();
        restore();
        ok(aupat.run(mergeArgs()));
        assertSound(301);
        mergedReference = state();
    }

    @AfterAll
    void printInstants() {
        System.out.println("MoveCrashIT kill instants (" + report.size() + "):");
        report.forEach(line -> System.out.println("  " + line));
    }

    private String[] moveArgs() {
        return new String[] {"--script=move", "--import=" + importId, "--to=" + right};
    }

    private String[] mergeArgs() {
        return new String[] {"--script=merge", "--location=" + wrong, "--into=" + right};
    }

    @Test
    void aMoveKilledWhileItsFilesAreRenamedConvergesOnRerun() throws Exception {
        killThenRerun(moveArgs(), movedReference, 300, "move: 40 files in place", h -> inRight(h) >= 40);
        killThenRerun(moveArgs(), movedReference, 300, "move: 150 files in place (chunk 2)", h -> inRight(h) >= 150);
    }

    @Test
    void aMoveKilledAsAChunkIsRecordedOrItsMasterJsonWrittenConvergesOnRerun() throws Exception {
        killThenRerun(moveArgs(), movedReference, 300, "move: chunk's rows being recorded",
                h -> transactions(h).contains("BEGIN MoveLedger.record"));
        killThenRerun(moveArgs(), movedReference, 300, "move: every chunk recorded, master JSON next",
                h -> count(transactions(h), "COMMIT MoveLedger.record") >= 3);
    }

    @Test
    void aMergeKilledAtSeveralInstantsConvergesOnRerun() throws Exception {
        killThenRerun(mergeArgs(), mergedReference, 301, "merge: sub-locations and imports recorded",
                h -> transactions(h).contains("COMMIT MoveLedger.moveSubLocationsAndImports"));
        killThenRerun(mergeArgs(), mergedReference, 301, "merge: 120 files in place", h -> inRight(h) >= 120);
        killThenRerun(mergeArgs(), mergedReference, 301, "merge: files recorded, folder being removed",
                h -> count(transactions(h), "COMMIT MoveLedger.record") >= 4);
        killThenRerun(mergeArgs(), mergedReference, 301, "merge: location being removed",
                h -> transactions(h).contains("BEGIN MoveLedger.removeMerged"));
    }

    /** Restores the archive, kills the command when {@code now} says so, reruns it to the end and compares. */
    private void killThenRerun(String[] args, Map<String, String> reference, int moved, String name, Predicate<Path> now)
            throws Exception {
        restore();
        Path transactionLog = home.resolve("logs/transaction.log");
        Files.writeString(transactionLog, "");
        Process process = new JarRunner(home).start(args);
        long started = System.nanoTime();
        String outcome = "not hit: the run finished first";
        while (process.isAlive()) {
            if (now.test(home)) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.MINUTES);
                boolean journal = !ArchiveInvariants.files(home.resolve("data/journal")).isEmpty();
                outcome = "killed at " + (System.nanoTime() - started) / 1_000_000 + " ms"
                        + (journal ? ", file journal open" : "");
                break;
            }
            Thread.sleep(5);
        }
        report.add(name + " -> " + outcome);
        assertThat(outcome).as(name + ": the instant it waits for never came").doesNotStartWith("not hit");

        InProcessRunner aupat = new InProcessRunner(home);
        ok(aupat.run(args));
        assertSound(moved);
        assertThat(state()).as(name).isEqualTo(reference);
        JarRunner.Result again = aupat.run(args);
        ok(again);
        assertThat(again.out() + again.err()).as(name + ": a second rerun").contains("Nothing to do");
    }

    /** What must hold after any completed move or merge of the misfiled card. */
    private void assertSound(int moved) throws Exception {
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        invariants.assertArchivedExactlyOnce(sources);
        invariants.assertCleanAndSound();
        assertThat(ArchiveInvariants.files(home).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted"))).as("temporary names").isEmpty();
        assertThat(ArchiveInvariants.files(home.resolve("data/journal"))).as("unfinished journals").isEmpty();
        assertThat(query("SELECT count(*) FROM file_moves")).as("each move recorded once").containsExactly("" + moved);
        assertThat(query("SELECT loc_uuid FROM locations WHERE json_update IS NULL OR loc_update > json_update"))
                .as("locations whose master JSON is not current").isEmpty();
        String rightJson = masterJson(right);
        for (Path source : sources) {
            assertThat(rightJson).contains(ArchiveInvariants.sha256(source));
        }
        for (String loc : query("SELECT img_loc FROM images WHERE imp_id = '" + importId + "'")) {
            assertThat(Path.of(loc).getFileName().toString()).startsWith(right.replace("-", "").substring(0, 12) + "-");
        }
    }

    /** Rows and archive files, paths relative to the home; master JSON by name only (it holds times). */
    private Map<String, String> state() throws Exception {
        Map<String, String> state = new TreeMap<>();
        for (List<String> row : ArchiveInvariants.ofHome(home).rows("SELECT img_sha256, img_name, img_loc, loc_uuid,"
                + " sub_uuid, img_vids FROM images UNION ALL SELECT vid_sha256, vid_name, vid_loc, loc_uuid, sub_uuid,"
                + " vid_imgs FROM videos UNION ALL SELECT doc_sha256, doc_name, doc_loc, loc_uuid, sub_uuid, '' FROM"
                + " documents")) {
            state.put("row " + row.get(0), row.get(1) + " " + home.relativize(Path.of(row.get(2))) + " "
                    + String.join(" ", row.subList(3, row.size())));
        }
        for (Path file : ArchiveInvariants.files(home.resolve("data/archive"))) {
            String name = file.getFileName().toString();
            state.put("file " + home.relativize(file), name.endsWith("_master.json") ? "" : ArchiveInvariants.sha256(file));
        }
        state.put("locations", String.join(",", query("SELECT loc_uuid FROM locations ORDER BY 1")));
        state.put("imports", String.join(",", query("SELECT imp_id || loc_uuid FROM imports ORDER BY 1")));
        return state;
    }

    private long inRight(Path home) {
        try (Stream<Path> walk = Files.walk(home.resolve("data/archive/ny-industrial/right-mill_"
                + right.replace("-", "").substring(0, 12)))) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a file moved while being counted: count again on the next poll
        }
    }

    private static String transactions(Path home) {
        try {
            return Files.readString(home.resolve("logs/transaction.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private String masterJson(String location) throws Exception {
        Path folder = Path.of(query("SELECT loc_loc FROM locations WHERE loc_uuid = '" + location + "'").get(0));
        return Files.readString(folder.resolve("documents/" + location.replace("-", "").substring(0, 12) + "_master.json"));
    }

    private List<String> query(String sql) throws Exception {
        return ArchiveInvariants.ofHome(home).query(sql);
    }

    private void restore() throws IOException {
        if (Files.exists(home)) {
            ArchiveInvariants.deleteTree(home);
        }
        ArchiveInvariants.copyTree(template, home);
    }

    private static void ok(JarRunner.Result r) {
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }
}
