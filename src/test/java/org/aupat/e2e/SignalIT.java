package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (systemd's stop) and SIGINT (Ctrl-C) sent to a running import: it stops at a safe point with
 * 143 or 130 and one line saying how to resume, leaves no tool process and no lock behind, and the
 * same command then finishes the import with every file recorded once.
 *
 * <p>Only the run that is signalled needs a process of its own: the setup before it and the rerun after
 * it run in process ({@link InProcessRunner}), the rerun from what the stopped process left on disk.
 */
class SignalIT {
    @TempDir
    static Path work;
    static Path bulk;
    static List<Path> photos;

    @BeforeAll
    static void source() throws java.io.IOException {
        bulk = Files.createDirectories(work.resolve("bulk"));
        photos = new MediaFactory(bulk).photos("BULK_", 250, "Canon");
    }

    @Test
    void sigtermStopsAtASafePointWithExit143AndTheSameCommandResumes() throws Exception {
        interruptThenResume("term", "TERM", 143);
    }

    @Test
    void sigintStopsAtASafePointWithExit130AndTheSameCommandResumes() throws Exception {
        interruptThenResume("int", "INT", 130);
    }

    private static void interruptThenResume(String name, String signal, int exit) throws Exception {
        Path home = Files.createDirectories(work.resolve(name));
        JarRunner aupat = new JarRunner(home);
        InProcessRunner inProcess = new InProcessRunner(home);
        JarRunner.Result migrated = inProcess.run("--script=db_migrate");
        assertThat(migrated.exit()).as(migrated.err()).isZero();
        String[] args = {"--script=db_import", "--source=" + bulk, "--name=Signal Mill", "--state=ny", "--type=industrial"};

        Process run = aupat.start(args);
        while (run.isAlive() && staged(home) < 30) {
            Thread.sleep(10);
        }
        assertThat(run.isAlive()).as("db_import still running when signalled").isTrue();
        List<ProcessHandle> tools = run.descendants().toList();
        assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(run.pid())).start().waitFor()).isZero();
        assertThat(run.waitFor(2, TimeUnit.MINUTES)).as("stopped after SIG" + signal).isTrue();
        String err = Files.readString(home.resolve("last-stderr.txt"), StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(err).isEqualTo(exit);
        assertThat(err.lines().filter(l -> l.contains("interrupted"))).as(err).hasSize(1);
        assertThat(err).contains("interrupted by SIG" + signal).contains("Run the same command again to resume")
                .doesNotContain("\tat ").doesNotContain("unexpected");
        assertThat(tools).as("exiftool and ffprobe children").noneMatch(ProcessHandle::isAlive);

        JarRunner.Result rerun = inProcess.run(args);
        assertThat(rerun.exit()).as("the lock was released and the rerun converges: " + rerun.err()).isZero();
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        assertThat(invariants.recordedFiles().keySet())
                .containsExactlyInAnyOrderElementsOf(photos.stream().map(ArchiveInvariants::sha256).toList());
        assertThat(ArchiveInvariants.files(home.resolve("data/staging"))).hasSize(photos.size());
        assertThat(ArchiveInvariants.files(home.resolve("data/journal"))).as("unfinished file journals").isEmpty();
    }

    /** Files in staging so far; a file vanishing while the running jar is watched counts on the next poll. */
    private static int staged(Path home) {
        try {
            return ArchiveInvariants.files(home.resolve("data/staging")).size();
        } catch (java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * Ctrl-C in a terminal signals the whole foreground process group, exiftool and ffprobe with the JVM. The
     * tools must not die before the JVM reaches its safe point (a video whose ffprobe died was recorded as
     * damaged), and the JVM still ends its tools itself.
     */
    @Test
    void ctrlCToTheWholeProcessGroupStopsAtASafePointAndFailsNoFile() throws Exception {
        Path videos = Files.createDirectories(work.resolve("videos"));
        MediaFactory media = new MediaFactory(videos);
        for (int i = 0; i < 40; i++) {
            media.mp4("CLIP_" + i + ".mp4", "clip " + i);
        }
        Path home = Files.createDirectories(work.resolve("group"));
        JarRunner aupat = new JarRunner(home);
        InProcessRunner inProcess = new InProcessRunner(home);
        assertThat(inProcess.run("--script=db_migrate").exit()).isZero();
        JarRunner.Result imported = inProcess.run("--script=db_import", "--source=" + videos, "--name=Group Mill",
                "--state=ny", "--type=industrial");
        assertThat(imported.exit()).as(imported.err()).isZero();

        Process run = aupat.startThrough(List.of("setsid"), "--script=db_organize"); // it leads its group, as a job does
        java.util.Set<ProcessHandle> tools = new java.util.HashSet<>();
        while (run.isAlive() && tools.stream().noneMatch(SignalIT::ffprobe)) {
            run.descendants().forEach(tools::add);
            Thread.sleep(5);
        }
        assertThat(run.isAlive()).as("db_organize still running when signalled: "
                + Files.readString(home.resolve("last-stderr.txt"), StandardCharsets.UTF_8)).isTrue();
        assertThat(new ProcessBuilder("kill", "-INT", "--", "-" + run.pid()).start().waitFor()).isZero();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (run.isAlive() && System.nanoTime() < deadline) {
            run.descendants().forEach(tools::add);
            Thread.sleep(10);
        }
        assertThat(run.isAlive()).as("stopped after SIGINT to its process group").isFalse();
        String err = Files.readString(home.resolve("last-stderr.txt"), StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as(err).isEqualTo(130);
        assertThat(err.lines().filter(l -> l.contains("interrupted"))).as(err).hasSize(1);
        assertThat(err).contains("interrupted by SIGINT;").doesNotContain("\tat ").doesNotContain("unexpected");
        assertThat(tools).as("exiftool and ffprobe children").noneMatch(ProcessHandle::isAlive);
        Path failureLog = home.resolve("logs/failure.log");
        assertThat(Files.exists(failureLog) ? Files.readAllLines(failureLog) : List.<String>of())
                .as("files recorded as failed because of the signal").isEmpty();

        JarRunner.Result rerun = inProcess.run("--script=db_organize");
        assertThat(rerun.exit()).as("the rerun converges: " + rerun.err()).isZero();
        assertThat(Files.readAllLines(failureLog)).as("after the rerun").isEmpty();
    }

    private static boolean ffprobe(ProcessHandle process) {
        // one reading a video, not pre-flight's ffprobe -version
        return process.info().command().map(c -> c.endsWith("ffprobe")).orElse(false)
                && process.info().arguments().map(a -> List.of(a).contains("-show_streams")).orElse(false);
    }
}
