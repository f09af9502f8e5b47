package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database on a network share is refused by every script that opens it, writers and readers alike, with
 * exit 3 and one line; the archive itself may live on the share. The share is a fake mount table
 * ({@code --aupat.mount-table}): a real NFS or FUSE mount cannot be made here.
 */
@Tag("commands")
class NetworkShareTest {
    @TempDir
    Path home;

    private String mountTable(Path share, String type) throws Exception {
        Path table = Files.writeString(home.resolve("mountinfo"), "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                + "40 22 0:44 / " + share + " rw,relatime - " + type + " nas:/photos rw\n");
        return "--aupat.mount-table=" + table;
    }

    private Path card() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        Files.writeString(card.resolve("notes.txt"), "a note");
        return card;
    }

    private static long lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @Test
    void aDatabaseOnNfsIsRefusedBeforeAnythingIsMadeThere() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path card = card();
        Path share = Files.createDirectories(home.resolve("data"));
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=" + card, "--name=Mill", "--state=ny",
                "--type=industrial", mountTable(share, "nfs4"));
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(lines(r.err(), "the database " + share.resolve("aupat.db"))).isEqualTo(1);
        assertThat(r.err()).contains("on nfs4 (" + share + ")").contains("Keep the database on a local disk")
                .contains("or use PostgreSQL").doesNotContain("\tat ").doesNotContain("creating a new");
        try (Stream<Path> left = Files.list(share)) {
            assertThat(left).as("no database, lock, journal or backup on the share").isEmpty();
        }
    }

    @Test
    void readersAndScriptsWithNothingToDoAreRefusedTooAndMakeNoBackup() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path data = home.resolve("data");
        String onNfs = mountTable(data, "nfs");
        long backups = backups();
        for (String script : new String[] {"gen_uuid", "db_verify", "db_cleanup", "backup", "db_migrate"}) {
            JarRunner.Result r = aupat.run("--script=" + script, onNfs);
            assertThat(r.exit()).as(script + ": " + r.err()).isEqualTo(3);
            assertThat(lines(r.err(), "SQLite is not safe on a network or FUSE file system")).as(script).isEqualTo(1);
        }
        assertThat(backups()).isEqualTo(backups);
    }

    @Test
    void theArchiveAndStagingMayStayOnTheShare() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path card = card();
        Path share = Files.createDirectories(home.resolve("nas"));
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=" + card, "--name=Mill", "--state=ny",
                "--type=industrial", "--aupat.archive=" + share.resolve("archive"),
                "--aupat.staging=" + share.resolve("staging"), mountTable(share, "cifs"));
        assertThat(r.exit()).as(r.err()).isZero();
        try (Stream<Path> archived = Files.walk(share.resolve("archive"))) {
            assertThat(archived.filter(p -> p.toString().endsWith(".txt"))).hasSize(1);
        }
    }

    private long backups() throws Exception {
        Path folder = home.resolve("data/backups");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".db")).count();
        }
    }
}
