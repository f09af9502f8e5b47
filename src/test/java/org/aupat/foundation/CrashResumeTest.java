package org.aupat.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aupat.foundation.rollback.CrashableFileTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs killed with SIGKILL mid-run; the rerun must resume or undo, and nothing is done twice or lost. */
class CrashResumeTest {
    @TempDir
    Path home;

    @Test
    void killedChunkedRunResumesAndDoesEveryItemExactlyOnce() throws Exception {
        Process first = start("first", CrashableJob.class.getName(), home.toString(), "200", "10", "20");
        waitForLine(first, home.resolve("first.out"), "committed 40");
        first.destroyForcibly().waitFor();

        Process second = start("second", CrashableJob.class.getName(), home.toString(), "200", "10", "0");
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(home.resolve("second.out"));
        assertThat(second.exitValue()).as(out).isZero();
        assertThat(out).containsPattern("resuming crash_job from [1-9][0-9]*0/200").contains("finished");

        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
                ResultSet rs = db.createStatement().executeQuery("SELECT id FROM items ORDER BY id")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            assertThat(ids).containsExactlyElementsOf(java.util.stream.LongStream.range(0, 200).boxed().toList());
        }
    }

    @Test
    void killedFileTransactionIsUndoneByTheNextRun() throws Exception {
        byte[] a = new byte[3 << 20];
        new Random(7).nextBytes(a);
        Files.createDirectories(home.resolve("source"));
        Files.write(home.resolve("source/a.bin"), a);
        Files.writeString(home.resolve("source/b.bin"), "bee");

        Process work = start("work", CrashableFileTransaction.class.getName(), "work", home.toString());
        waitForLine(work, home.resolve("work.out"), "copying");
        assertThat(home.resolve("archive/loc/b.bin")).exists();
        assertThat(home.resolve("archive/loc/a.bin.aupat-tmp")).exists();
        work.destroyForcibly().waitFor();

        Process recover = start("recover", CrashableFileTransaction.class.getName(), "recover", home.toString());
        assertThat(recover.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(home.resolve("recover.out"));
        assertThat(out).contains("Found an unfinished file transaction").contains("recovered 1");

        assertThat(Files.readAllBytes(home.resolve("source/a.bin"))).isEqualTo(a);
        assertThat(home.resolve("source/b.bin")).hasContent("bee");
        assertThat(home.resolve("archive")).as("both folders were created by the transaction").doesNotExist();
        try (Stream<Path> left = Files.list(home.resolve("journal"))) {
            assertThat(left).isEmpty();
        }
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve(name + ".out").toFile()).start();
    }

    /** Waits (up to minutes, not a timed assertion) until the child printed the line. */
    private static void waitForLine(Process process, Path output, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output, StandardCharsets.UTF_8).lines().anyMatch(line::equals)) {
                return;
            }
            assertThat(process.isAlive()).as("child ended early: " + Files.readString(output)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("child never printed '" + line + "': " + Files.readString(output));
    }
}
