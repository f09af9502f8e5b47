package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real jar with SIGKILL at many instants of a pipeline run (import, organize, folder, ingest,
 * identify), reruns the identical command to completion, and checks that the home ends exactly like one
 * that was never interrupted: same rows, every source file archived once with its bytes, no temporary or
 * journal files, a sound database, no checkpoint left in progress.
 *
 * <p>Only the runs that are killed need a process of their own. What comes before a kill (db_migrate) and the
 * rerun after it go through {@link InProcessRunner}: the same Launcher and Spring application in this JVM,
 * which finds the dead process's journals, checkpoints and lock file on disk exactly as a new process would
 * (the run lock is an OS file lock, released with the killed process).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {
    Path work;
    Path card;
    final List<Path> sources = new ArrayList<>();
    Map<String, String> reference;
    /** The reference run's home: the rename case starts from its archive (the database records absolute paths). */
    Path referenceHome;
    /** How long the uninterrupted reference run took: timed kills are shares of it, whatever the machine. */
    long referenceMillis;
    final List<String> report = new ArrayList<>();

    /** Decides, from what the running jar has written so far, that now is the instant to kill it. */
    interface Trigger {
        boolean now(Run run) throws IOException;
    }

    /**
     * A kill instant: a name for the report and its trigger. An event's trigger must fire before the run
     * ends (else it watches for something the run never writes); a timed one may come too late. An event's
     * kill may also say what it must leave undone ({@code leftUndone}, checked on the dead run's home), when the
     * next kill of its case waits for that work: on a loaded machine the poll can see the event so late that the
     * work is done, and the case then starts again in a new home.
     */
    record Kill(String name, Trigger trigger, boolean timed, Trigger leftUndone) {
        Kill(String name, Trigger trigger) {
            this(name, trigger, false, null);
        }

        Kill(String name, Trigger trigger, boolean timed) {
            this(name, trigger, timed, null);
        }

        static Kill leaving(Trigger leftUndone, String name, Trigger trigger) {
            return new Kill(name, trigger, false, leftUndone);
        }
    }

    /** How often a case starts again because a kill left nothing undone for the next, before the test fails. */
    static final int ATTEMPTS = 4;

    /** A kill at this share of the reference run's time. */
    private Kill atShareOfARun(int percent) {
        long at = referenceMillis * percent / 100;
        return new Kill(percent + " % of an uninterrupted run (" + at + " ms)", r -> r.elapsedMillis() >= at, true);
    }

    /** What one started run has written since it started. */
    record Run(Path home, int logStart, int transactionsStart, long startedNanos) {
        String newLog() throws IOException {
            return since(home.resolve("logs/main.log"), logStart);
        }

        /** transaction.log since the start: BEGIN and COMMIT of every chunk, by ledger method. */
        String newTransactions() throws IOException {
            return since(home.resolve("logs/transaction.log"), transactionsStart);
        }

        private static String since(Path log, int start) throws IOException {
            String all = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            return all.length() < start ? all : all.substring(start);
        }

        long elapsedMillis() {
            return (System.nanoTime() - startedNanos) / 1_000_000;
        }
    }

    @BeforeAll
    void corpusAndReference(@TempDir Path temp) throws Exception {
        work = temp;
        card = Files.createDirectories(work.resolve("card"));
        MediaFactory dcim = new MediaFactory(Files.createDirectories(card.resolve("DCIM/100CANON")));
        MediaFactory nikon = new MediaFactory(Files.createDirectories(card.resolve("DCIM/101NIKON")));
        MediaFactory phone = new MediaFactory(Files.createDirectories(card.resolve("phone")));
        MediaFactory drone = new MediaFactory(Files.createDirectories(card.resolve("DJI/deep/er")));
        MediaFactory docs = new MediaFactory(Files.createDirectories(card.resolve("notes")));
        sources.addAll(dcim.photos("IMG_", 20, "Canon"));
        sources.addAll(nikon.photos("DSC_", 15, "NIKON CORPORATION"));
        sources.addAll(phone.photos("PHONE_", 10, "Apple"));
        sources.addAll(dcim.photos("GOPR", 6, "GoPro"));
        sources.addAll(drone.photos("DJI_", 5, "DJI"));
        sources.add(phone.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro", "2023:05:01 10:00:00", "-04:00", 42.9, -78.8));
        sources.add(phone.iphoneMov("IMG_0001.MOV", "iPhone 13 Pro"));
        sources.add(drone.mp4("DJI_0043.MP4", "DJI.AVC"));
        sources.add(drone.text("DJI_0043.SRT", "1\n00:00:00,000 --> 00:00:01,000\nGPS(42.9,-78.8)\n"));
        sources.add(docs.text("history.txt", "Built 1880, closed 1974."));
        sources.add(docs.text("survey.txt", "Roof gone on the east wing."));
        // The same bytes twice: dedup must survive a crash too.
        Files.copy(sources.get(0), card.resolve("notes/IMG_0 copy.jpg"));

        Path home = Files.createDirectories(work.resolve("reference"));
        referenceHome = home;
        // The first jar run after a new jar records the launcher's class data sharing archive (seconds): not in
        // the reference's time, or the timed kills would come after the runs they are meant to interrupt.
        JarRunner.Result warm = new JarRunner(Files.createDirectories(work.resolve("warm-up"))).run("--help");
        assertThat(warm.exit()).as(warm.err()).isZero();
        // A real process, as the runs whose kills are timed by it.
        long started = System.nanoTime();
        JarRunner.Result r = new JarRunner(home).run(pipelineArgs());
        referenceMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.exit()).as(r.err()).isZero();
        assertSound(home);
        reference = rows(home);
        assertThat(reference).hasSize(sources.size());
    }

    @AfterAll
    void printInstants() {
        System.out.println("CrashIT kill instants (" + report.size() + "):");
        report.forEach(line -> System.out.println("  " + line));
    }

    private String[] pipelineArgs() {
        return new String[] {"--script=pipeline", "--source=" + card, "--name=Crash Mill", "--state=ny", "--type=industrial"};
    }

    @Test
    void startUpThenImportMidChunk() throws Exception {
        killThenComplete("a", atShareOfARun(40),
                new Kill("import: 10 files in staging", r -> stagingFiles(r.home()) >= 10));
    }

    @Test
    void importRowsThenOrganize() throws Exception {
        killThenComplete("b", new Kill("import: chunk's rows being recorded", r -> r.newTransactions().contains("BEGIN StagingLedger.record")),
                new Kill("organize: reading metadata", r -> r.newLog().contains("organizing images")));
    }

    /**
     * Blind instants, each in a home of its own (a rerun after an earlier kill resumes and ends sooner
     * than a whole run). Where they land depends on the machine's load; the report names the phase.
     */
    @Test
    void atSharesOfAWholeRun() throws Exception {
        killThenComplete("h", atShareOfARun(70));
        killThenComplete("i", atShareOfARun(90));
    }

    @Test
    void importLateThenOrganizeCommit() throws Exception {
        killThenComplete("c", new Kill("import: 45 files in staging", r -> stagingFiles(r.home()) >= 45),
                new Kill("organize: chunk being saved", r -> r.newTransactions().contains("BEGIN OrganizeLedger.save")));
    }

    @Test
    void folderThenIngestMidChunk() throws Exception {
        killThenComplete("d", new Kill("folder: first folder created", r -> r.newLog().contains("FolderService")),
                new Kill("ingest: 5 files in the archive", r -> archiveFiles(r.home()) >= 5));
    }

    @Test
    void ingestLateThenIdentify() throws Exception {
        // The second kill waits for the rerun's ingest commit: the first must leave some file out of the archive.
        killThenComplete("e", Kill.leaving(r -> archiveFiles(r.home()) < sources.size(),
                "ingest: 40 files in the archive", r -> archiveFiles(r.home()) >= 40),
                new Kill("ingest or identify: one of the rerun's ingest commits made",
                        r -> r.newTransactions().contains("COMMIT IngestLedger.record")));
    }

    @Test
    void ingestThenBackupOfTheRerun() throws Exception {
        // The rerun backs the database up first; a kill while the backup is being written must leave no trace.
        killThenComplete("g", new Kill("ingest: 20 files in the archive", r -> archiveFiles(r.home()) >= 20),
                new Kill("backup: temporary backup being written", r -> files(r.home().resolve("data/backups")).stream()
                        .anyMatch(f -> f.getFileName().toString().endsWith(".aupat-tmp"))));
    }

    @Test
    void aKilledImportResumesFromItsCheckpointAndDoesNothingTwice() throws Exception {
        Path home = Files.createDirectories(work.resolve("import"));
        Path bulk = Files.createDirectories(work.resolve("bulk"));
        List<Path> photos = new MediaFactory(bulk).photos("BULK_", 250, "Canon");
        JarRunner aupat = new JarRunner(home);
        String[] args = {"--script=db_import", "--source=" + bulk, "--name=Bulk Mill", "--state=ny", "--type=industrial"};
        killInChunkTwo(aupat, args);
        report.add("import: db_import with 120 of 250 files staged -> killed in chunk 2 of 3");

        JarRunner.Result rerun = new InProcessRunner(home).run(args);
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        assertThat(rerun.out() + rerun.err()).contains("resuming db_import from 100/250")
                .contains("150 imported").contains("0 duplicates");
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        assertThat(invariants.recordedFiles().keySet())
                .containsExactlyInAnyOrderElementsOf(photos.stream().map(ArchiveInvariants::sha256).toList());
        assertThat(files(home).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted"))).as("temporary files").isEmpty();
        assertThat(files(home.resolve("data/journal"))).as("unfinished file journals").isEmpty();
        assertNoCheckpointLeftUnfinished(home);
        assertOneStagedCopyPerRow(home, invariants);
    }

    /**
     * Runs the pipeline once per kill (killing it at that instant), then to completion, then checks everything.
     * A kill that leaves undone nothing of what it must starts the case again in a new home (at most
     * {@link #ATTEMPTS}).
     */
    private void killThenComplete(String name, Kill... kills) throws Exception {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Path home = Files.createDirectories(work.resolve(attempt == 1 ? name : name + "-" + attempt));
            if (killAll(name, new JarRunner(home), kills)) {
                JarRunner.Result rerun = new InProcessRunner(home).run(pipelineArgs());
                assertThat(rerun.exit()).as(rerun.err()).isZero();
                assertSound(home);
                assertThat(rows(home)).isEqualTo(reference);
                return;
            }
        }
        throw new AssertionError("case " + name + ": a kill came after the work the next one waits for in each of "
                + ATTEMPTS + " attempts");
    }

    /** Kills a run at each instant in turn; false when one left undone nothing of what it must (start again). */
    private boolean killAll(String name, JarRunner aupat, Kill... kills) throws Exception {
        for (Kill kill : kills) {
            Outcome outcome = killAt(aupat, kill);
            report.add(name + ": " + kill.name() + " -> " + outcome.text());
            if (!kill.timed()) {
                assertThat(outcome.text()).as(kill.name() + ": the event it waits for never came").doesNotStartWith("not hit");
            }
            if (kill.leftUndone() != null && !kill.leftUndone().now(outcome.run())) {
                report.add(name + ": that kill came after the work the next one waits for: the case starts again");
                return false;
            }
        }
        return true;
    }

    /** What one kill did: the report's line, and the run it ended. */
    record Outcome(String text, Run run) {}

    /** Starts the pipeline, kills it when the trigger fires, and says which phase the kill hit. */
    private Outcome killAt(JarRunner aupat, Kill kill) throws Exception {
        Path log = aupat.home().resolve("logs/main.log");
        int logStart = Run.since(log, 0).length();
        int transactionsStart = Run.since(aupat.home().resolve("logs/transaction.log"), 0).length();
        Process process = aupat.start(pipelineArgs());
        Run run = new Run(aupat.home(), logStart, transactionsStart, System.nanoTime());
        while (process.isAlive()) {
            if (Files.exists(log) && kill.trigger().now(run)) {
                String journal = files(aupat.home().resolve("data/journal")).isEmpty() ? "" : ", file journal open";
                List<ProcessHandle> tools = process.descendants().toList();
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.MINUTES);
                assertToolsEnd(tools);
                return new Outcome("killed at " + run.elapsedMillis() + " ms in " + phase(run) + journal
                        + (tools.isEmpty() ? "" : ", " + tools.size() + " tool process(es) ended with it"), run);
            }
            Thread.sleep(10);
        }
        return new Outcome("not hit: the run finished first (exit " + process.exitValue() + ")", run);
    }

    /** exiftool -stay_open polls its closed input forever: the kernel must end it with the JVM. */
    private static void assertToolsEnd(List<ProcessHandle> tools) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tools.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(tools.stream().filter(ProcessHandle::isAlive).map(t -> t.pid() + " " + t.info().commandLine().orElse("?")))
                .as("tool processes still running after the kill").isEmpty();
    }

    private String phase(Run run) throws IOException {
        String log = run.newLog();
        String transactions = run.newTransactions();
        if (files(run.home().resolve("data/backups")).stream().anyMatch(f -> f.toString().endsWith(".aupat-tmp"))) {
            return "backup";
        } else if (log.contains("wrote master JSON")) {
            return "after identify";
        } else if (transactions.contains("COMMIT IngestLedger.record") && archiveFiles(run.home()) >= sources.size()) {
            return "identify"; // (ingest commits per media type: photos first, then videos, then documents)
        } else if (archiveFiles(run.home()) > 0) {
            return "ingest";
        } else if (log.contains("FolderService")) {
            return "folder";
        } else if (log.contains("organizing")) {
            return "organize";
        } else if (transactions.contains("StagingLedger.record")) {
            return "import (recording rows)";
        } else if (log.contains("staging:")) {
            return "import (staging files)";
        }
        return "start-up / migrate";
    }

    /** The "nothing lost" invariants that hold after any completed pipeline run. */
    private void assertSound(Path home) throws Exception {
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        invariants.assertArchivedExactlyOnce(sources);
        assertThat(invariants.query("SELECT count(*) FROM locations")).containsExactly("1");
        assertThat(files(home).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted"))).as("temporary files").isEmpty();
        assertThat(files(home.resolve("data/journal"))).as("unfinished file journals").isEmpty();
        assertThat(invariants.query("PRAGMA integrity_check")).containsExactly("ok");
        assertThat(invariants.query("PRAGMA foreign_key_check")).isEmpty();
        assertNoCheckpointLeftUnfinished(home);
        assertStagingEmpty(home);
    }

    private static void assertNoCheckpointLeftUnfinished(Path home) throws SQLException {
        ArchiveInvariants checkpoints = new ArchiveInvariants(home.resolve("data/checkpoint_state.db"), null, null);
        assertThat(checkpoints.query("SELECT script_name || ' ' || operation_name FROM checkpoints"
                + " WHERE status IN ('in_progress', 'failed')")).as("checkpoints left unfinished").isEmpty();
    }

    /** After a whole pipeline: db_verify removed every staging copy. */
    private static void assertStagingEmpty(Path home) {
        assertThat(files(home.resolve("data/staging"))).as("files left in staging").isEmpty();
    }

    /**
     * After db_import alone: staging holds exactly one copy per recorded file and nothing else (no orphan from a
     * killed chunk, nothing left in incoming/).
     */
    private static void assertOneStagedCopyPerRow(Path home, ArchiveInvariants invariants) throws SQLException {
        List<Path> staged = files(home.resolve("data/staging"));
        Map<String, String> recorded = invariants.recordedFiles();
        assertThat(staged).as("one staging copy per recorded file").hasSize(recorded.size());
        for (Path file : staged) {
            assertThat(recorded).as("row for staged file %s", file).containsKey(ArchiveInvariants.sha256(file));
        }
    }

    private static long stagingFiles(Path home) {
        return files(home.resolve("data/staging")).size();
    }

    private static long archiveFiles(Path home) {
        return files(home.resolve("data/archive")).size();
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            // A file vanished while the running jar was being watched: count again on the next poll.
            return List.of();
        }
    }

    /**
     * Two archives used from one working folder: a killed import on A leaves its journal, and a whole run on
     * B (same folder, its own --aupat.* settings) neither undoes nor blocks it; A's rerun then completes.
     */
    @Test
    void twoArchivesFromOneWorkingFolderNeverRecoverEachOthersJournals() throws Exception {
        Path home = Files.createDirectories(work.resolve("two-archives"));
        Path bulk = Files.createDirectories(work.resolve("bulk-a"));
        List<Path> photos = new MediaFactory(bulk).photos("A_", 150, "Canon");
        Path small = Files.createDirectories(work.resolve("small-b"));
        new MediaFactory(small).photos("B_", 2, "NIKON CORPORATION");
        JarRunner aupat = new JarRunner(home);
        InProcessRunner inProcess = new InProcessRunner(home);
        JarRunner.Result migrated = inProcess.run(archive(home, "a", "--script=db_migrate"));
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        String[] importA = archive(home, "a", "--script=db_import", "--source=" + bulk, "--name=Mill A", "--state=ny",
                "--type=industrial");

        Process first = aupat.start(importA);
        Map<Path, byte[]> journals = Map.of();
        while (first.isAlive() && (journals.isEmpty() || files(home.resolve("a/staging")).size() < 10)) {
            journals = journals(home);
            Thread.sleep(5);
        }
        assertThat(first.isAlive()).as("A's import still running when killed").isTrue();
        first.destroyForcibly();
        first.waitFor(1, TimeUnit.MINUTES);
        journals = journals(home);
        assertThat(journals).as("A's unfinished file journal").isNotEmpty();
        report.add("two archives: A's db_import killed with " + journals.size() + " journal(s) open, then B's pipeline");

        JarRunner.Result b = inProcess.run(archive(home, "b", "--script=pipeline", "--source=" + small, "--name=Mill B",
                "--state=ny", "--type=industrial"));
        assertThat(b.exit()).as(b.err()).isZero();
        assertThat(b.err()).doesNotContain("unfinished file transaction");
        Map<Path, byte[]> after = journals(home);
        assertThat(after.keySet()).as("A's journal, untouched by B's run").containsAll(journals.keySet());
        journals.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));

        JarRunner.Result rerun = inProcess.run(importA);
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        ArchiveInvariants a = new ArchiveInvariants(home.resolve("a/aupat.db"), home.resolve("a/staging"),
                home.resolve("a/archive"));
        assertThat(a.recordedFiles().keySet())
                .containsExactlyInAnyOrderElementsOf(photos.stream().map(ArchiveInvariants::sha256).toList());
        assertThat(journals(home)).as("no journal left once A's rerun recovered its own").isEmpty();
        assertThat(files(home.resolve("a/staging"))).hasSize(photos.size());
    }

    /** The settings of archive {@code name} kept in {@code home/name}, after the given arguments. */
    private static String[] archive(Path home, String name, String... args) {
        Path root = home.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--aupat.database=" + root.resolve("aupat.db"), "--aupat.staging=" + root.resolve("staging"),
                "--aupat.archive=" + root.resolve("archive"), "--aupat.backups=" + root.resolve("backups")));
        return all.toArray(String[]::new);
    }

    /** Every file journal anywhere below the home, with its bytes. */
    private static Map<Path, byte[]> journals(Path home) throws IOException {
        Map<Path, byte[]> found = new TreeMap<>();
        for (Path f : files(home)) {
            if (f.getFileName().toString().endsWith(".journal")) {
                try {
                    found.put(f, Files.readAllBytes(f));
                } catch (java.nio.file.NoSuchFileException gone) {
                    // committed while being read
                }
            }
        }
        return found;
    }

    /**
     * A kill, then the card in the reader is not the same one (a photo replaced under its name, one removed, one
     * added): the rerun must not trust the checkpoint's position. It says so, walks the whole card and ends
     * with every file on the card now imported exactly once.
     */
    @Test
    void aKilledImportRerunOnASwappedCardImportsEveryFileOnItOnce() throws Exception {
        Path home = Files.createDirectories(work.resolve("swapped"));
        Path swap = Files.createDirectories(work.resolve("swap-card"));
        MediaFactory card = new MediaFactory(swap);
        card.photos("SWAP_", 250, "Canon");
        JarRunner aupat = new JarRunner(home);
        String[] args = {"--script=db_import", "--source=" + swap, "--name=Swap Mill", "--state=ny", "--type=industrial"};
        killInChunkTwo(aupat, args);
        report.add("swapped card: db_import killed in chunk 2 of 3, then one photo replaced, one removed, one added");
        // SWAP_10.jpg and SWAP_1.jpg come early in the walk: chunk 1 had staged them before the kill.
        Files.delete(swap.resolve("SWAP_10.jpg"));
        card.photo("SWAP_10.jpg", "NIKON CORPORATION", "NIKON D850");
        Files.delete(swap.resolve("SWAP_1.jpg"));
        card.photo("NEW_0.jpg", "NIKON CORPORATION", "NIKON D850");

        JarRunner.Result rerun = new InProcessRunner(home).run(args);
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        Map<String, String> recorded = invariants.recordedFiles();
        for (Path file : files(swap)) {
            assertThat(recorded).as("imported " + file).containsKey(ArchiveInvariants.sha256(file));
        }
        assertThat(rerun.out() + rerun.err()).contains("the source changed since the interrupted run");
        assertThat(files(home).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted"))).as("temporary files").isEmpty();
        assertThat(files(home.resolve("data/journal"))).as("unfinished file journals").isEmpty();
        assertNoCheckpointLeftUnfinished(home);
        assertOneStagedCopyPerRow(home, invariants);
    }

    /**
     * Two databases in one folder share the checkpoint file beside them. Archive A's import of a card is
     * killed after its first chunk; archive B then imports the same card under the same name: B must not
     * resume at A's position (which would leave A's first chunk out of B), but import every file.
     */
    @Test
    void twoDatabasesInOneFolderNeverResumeEachOthersImport() throws Exception {
        Path home = Files.createDirectories(work.resolve("one-folder"));
        Path card = Files.createDirectories(work.resolve("shared-card"));
        List<Path> photos = new MediaFactory(card).photos("S_", 250, "Canon");
        JarRunner aupat = new JarRunner(home);
        String[] importArgs = {"--script=db_import", "--source=" + card, "--name=Same Mill", "--state=ny",
            "--type=industrial"};
        String[] a = inFolder(home, "a", importArgs);
        String[] b = inFolder(home, "b", importArgs);
        InProcessRunner inProcess = new InProcessRunner(home);
        assertThat(inProcess.run(inFolder(home, "a", "--script=db_migrate")).exit()).isZero();
        assertThat(inProcess.run(inFolder(home, "b", "--script=db_migrate")).exit()).isZero();
        killOnceStaged(aupat, home.resolve("a-staging"), a);
        report.add("one folder, two databases: A's db_import killed in chunk 2, then B imports the same card");

        JarRunner.Result second = inProcess.run(b);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err() + second.out()).doesNotContain("resuming");
        ArchiveInvariants archiveB = new ArchiveInvariants(home.resolve("db/b.db"), home.resolve("b-staging"),
                home.resolve("b-archive"));
        assertThat(archiveB.recordedFiles().keySet()).as("every file of the card in B")
                .containsExactlyInAnyOrderElementsOf(photos.stream().map(ArchiveInvariants::sha256).toList());
    }

    /** Archive {@code name} with its database in the shared folder {@code home/db}, after the given arguments. */
    private static String[] inFolder(Path home, String name, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--aupat.database=" + home.resolve("db/" + name + ".db"),
                "--aupat.staging=" + home.resolve(name + "-staging"), "--aupat.archive=" + home.resolve(name + "-archive"),
                "--aupat.backups=" + home.resolve(name + "-backups")));
        return all.toArray(String[]::new);
    }

    /** Migrates, starts db_import on a source of 250 files and kills it with SIGKILL once 120 are in staging. */
    private static void killInChunkTwo(JarRunner aupat, String... args) throws Exception {
        JarRunner.Result migrated = new InProcessRunner(aupat.home()).run("--script=db_migrate");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        killOnceStaged(aupat, aupat.home().resolve("data/staging"), args);
    }

    /** Starts db_import and kills it with SIGKILL once 120 files are in {@code staging}, in its chunk 2. */
    private static void killOnceStaged(JarRunner aupat, Path staging, String... args) throws Exception {
        Process first = aupat.start(args);
        // Chunk 1 (100 files) has its files, rows and checkpoint committed before chunk 2 stages its first file.
        while (first.isAlive() && files(staging).size() < 120) {
            Thread.sleep(10);
        }
        assertThat(first.isAlive()).as("db_import still running when killed").isTrue();
        first.destroyForcibly();
        first.waitFor(1, TimeUnit.MINUTES);
    }

    @Test
    void aKilledImportRerunContinuesTheSameImportRecord() throws Exception {
        Path home = Files.createDirectories(work.resolve("import-record"));
        Path bulk = Files.createDirectories(work.resolve("bulk-record"));
        List<Path> photos = new MediaFactory(bulk).photos("REC_", 150, "Canon");
        JarRunner aupat = new JarRunner(home);
        String[] args = {"--script=db_import", "--source=" + bulk, "--name=Record Mill", "--state=ny", "--type=industrial"};
        killInChunkTwo(aupat, args);
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        assertThat(invariants.query("SELECT count(*) FROM imports WHERE finished IS NULL")).containsExactly("1");

        JarRunner.Result rerun = new InProcessRunner(home).run(args);
        assertThat(rerun.exit()).as(rerun.err()).isZero();
        report.add("import record: db_import killed in chunk 2, rerun -> " + invariants.query(
                "SELECT 'import ' || imp_id || ', runs ' || runs || ', resumed at ' || resumed_at FROM imports").get(0));
        assertThat(invariants.query("SELECT count(*) FROM imports")).as("one import, not two").containsExactly("1");
        assertThat(invariants.query("SELECT runs || ' ' || (finished IS NOT NULL) FROM imports")).containsExactly("2 1");
        assertThat(invariants.query("SELECT count(*) FROM images WHERE imp_id = (SELECT imp_id FROM imports)"))
                .as("every row names the one import").containsExactly(String.valueOf(photos.size()));
    }

    @Test
    void aRenameThatMovesTheFolderKilledAtSeveralInstantsConvergesOnRerun() throws Exception {
        // The archive of the reference run, in its own folder (no other case uses it once its rows are taken).
        Path home = referenceHome;
        JarRunner aupat = new JarRunner(home);
        ArchiveInvariants db = ArchiveInvariants.ofHome(home);
        String uuid = db.query("SELECT loc_uuid FROM locations").get(0);
        // Instants: the move is about to start (its journal opens), the folder has just been renamed (the file
        // commit and the rows not yet), the rows are committed (the master JSON not yet written).
        String[][] instants = {{"Moved Mill", "log:moving folder"}, {"Second Mill", "gone"},
                {"Third Mill", "log:renamed location"}};
        for (String[] instant : instants) {
            Path before = Path.of(db.query("SELECT loc_loc FROM locations").get(0));
            String[] args = {"--script=rename", "--location=" + uuid, "--name=" + instant[0], "--move-folder"};
            String outcome = killRenameAt(aupat, before, instant[1], args);
            report.add("rename --move-folder to " + instant[0] + ": " + instant[1] + " -> " + outcome);
            JarRunner.Result rerun = new InProcessRunner(home).run(args);
            assertThat(rerun.exit()).as(rerun.err()).isZero();

            Path after = Path.of(db.query("SELECT loc_loc FROM locations").get(0));
            assertThat(after.getFileName().toString()).startsWith(instant[0].toLowerCase().replace(' ', '-') + "_");
            assertThat(before).as("the old folder is gone").doesNotExist();
            assertSound(home);
            assertThat(rows(home)).as("every file once, in its category, as an uninterrupted run").isEqualTo(reference);
            for (Map.Entry<String, String> file : db.recordedFiles().entrySet()) {
                assertThat(Path.of(file.getValue())).startsWith(after);
                assertThat(ArchiveInvariants.sha256(Path.of(file.getValue()))).isEqualTo(file.getKey());
            }
            Path json = after.resolve("documents/" + uuid.replace("-", "").substring(0, 12) + "_master.json");
            assertThat(Files.readString(json)).as("master JSON current").contains(instant[0]).doesNotContain(before + "/");
            assertThat(db.query("SELECT json_update >= loc_update FROM locations")).containsExactly("1");
        }
    }

    /**
     * Starts a rename and kills it with SIGKILL when the trigger fires: {@code log:TEXT} once main.log has TEXT,
     * {@code gone} once the folder {@code before} has left its place. Says what the kill found.
     */
    private static String killRenameAt(JarRunner aupat, Path before, String trigger, String... args) throws Exception {
        Path log = aupat.home().resolve("logs/main.log");
        int start = Run.since(log, 0).length();
        Process process = aupat.start(args);
        long started = System.nanoTime();
        while (process.isAlive()) {
            boolean now = trigger.startsWith("log:") ? Run.since(log, start).contains(trigger.substring(4))
                    : !Files.exists(before);
            if (now) {
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.MINUTES);
                String journal = files(aupat.home().resolve("data/journal")).isEmpty() ? "" : ", file journal open";
                return "killed at " + (System.nanoTime() - started) / 1_000_000 + " ms, folder "
                        + (Files.exists(before) ? "not moved" : "moved") + journal;
            }
            if (trigger.startsWith("log:")) {
                Thread.sleep(2);
            } else {
                Thread.onSpinWait();
            }
        }
        return "not hit: the run finished first (exit " + process.exitValue() + ")";
    }

    /** What an uninterrupted run decides about each file (ArchiveInvariants#decisions). */
    private static Map<String, String> rows(Path home) throws SQLException {
        return ArchiveInvariants.ofHome(home).decisions();
    }
}
