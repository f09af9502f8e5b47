package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writing run at a time: while a pipeline holds the lock a second writer exits 75 at once naming it,
 * read-only scripts run alongside, and the lock of a SIGKILLed holder never blocks the next run.
 */
class LockIT {
    @TempDir
    Path home;

    @Test
    void oneWriterAtATimeReadersAlongsideAndAKilledHolderNeverBlocks() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        List<Path> photos = new MediaFactory(card).photos("IMG_", 5, "Canon");
        JarRunner aupat = new JarRunner(home);
        String[] pipeline = {"--script=pipeline", "--source=card", "--name=Lock Mill", "--state=ny", "--type=industrial"};
        Path lock = home.resolve("data/aupat.db.lock");

        Process holder = aupat.start(pipeline);
        String holderLine = "pipeline pid " + holder.pid();
        while (holder.isAlive() && !(Files.exists(lock) && Files.readString(lock, StandardCharsets.UTF_8).contains(holderLine))) {
            Thread.sleep(10);
        }
        assertThat(holder.isAlive()).as("the pipeline still holds the lock").isTrue();
        // Frozen while it holds the lock, the holder is "slow" for as long as the test needs, with no timing.
        signal("STOP", holder.pid());
        try {
            JarRunner.Result second = aupat.run("--script=db_organize", "--skip-backup");
            assertThat(second.exit()).as(second.err()).isEqualTo(75);
            assertThat(second.err()).contains(holderLine).doesNotContain("\tat ");
            // A refusal is one line in main.log, and no stack trace in error.log.
            assertThat(Files.readAllLines(home.resolve("logs/main.log"))).filteredOn(l -> l.contains("db_organize refused"))
                    .singleElement().asString().contains("exit 75").contains(holderLine);
            Path errorLog = home.resolve("logs/error.log");
            assertThat(Files.exists(errorLog) ? Files.readString(errorLog) : "").doesNotContain("LockHeldError")
                    .doesNotContain("\tat ");

            String sha = ArchiveInvariants.sha256(photos.get(0));
            List<String[]> readers = List.of(new String[] {"--script=gen_uuid"},
                    new String[] {"--script=gen_sha", "--file=" + photos.get(0)},
                    new String[] {"--script=name", "--type=img", "--location=0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
                            "--sha=" + sha, "--ext=jpg"},
                    new String[] {"--script=failures"});
            for (String[] reader : readers) {
                JarRunner.Result r = aupat.run(reader);
                assertThat(r.exit()).as(reader[0] + ": " + r.err()).isZero();
            }
            assertThat(aupat.run("--script=gen_sha", "--file=" + photos.get(0)).out()).contains(sha);
        } finally {
            holder.destroyForcibly();
            holder.waitFor(1, TimeUnit.MINUTES);
        }

        assertThat(Files.readString(lock, StandardCharsets.UTF_8)).as("the dead holder's lock file").contains(holderLine);
        JarRunner.Result next = aupat.run(pipeline);
        assertThat(next.exit()).as(next.err()).isZero();
        ArchiveInvariants.ofHome(home).assertArchivedExactlyOnce(photos);
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
