package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.aupat.testing.LocalPostgres;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the database on a server, the journal and the checkpoints stay in this computer's home, bound to the
 * archive's identity: a journal one archive left is never undone against another archive the home is pointed
 * at (left alone, the log says so; against its own archive it is read, and a damaged one refused), and each
 * archive's checkpoints are its own.
 */
class PostgresLocalStateTest {
    @TempDir
    Path home;

    @Test
    void aJournalLeftForOneArchiveIsNeverUndoneAgainstAnotherAndCheckpointsAreEachArchives() throws Exception {
        LocalPostgres server = LocalPostgres.server();
        String first = server.newDatabase();
        String second = server.newDatabase();
        Path password = PostgresPipelineTest.passwordFile(home);
        InProcessRunner aupat = new InProcessRunner(home);
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).text("notes.txt", "the mill");
        for (String database : List.of(first, second)) {
            JarRunner.Result r = run(aupat, server, database, password, "--script=db_migrate");
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
        }
        String firstId = single(server, first, "SELECT archive_id FROM archive_identity");
        String secondId = single(server, second, "SELECT archive_id FROM archive_identity");
        assertThat(firstId).isNotEqualTo(secondId);

        // An interrupted run on the first archive left a journal in this home (here: a damaged one).
        Path journal = home.resolve("data/journal").resolve(firstId).resolve("1-interrupted.journal");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, "not a journal AUPAT wrote\n");

        JarRunner.Result onSecond = run(aupat, server, second, password, "--script=db_import", "--source=" + card,
                "--name=Second Mill", "--state=ny", "--type=industrial", "--skip-backup");
        assertThat(onSecond.exit()).as(onSecond.out() + onSecond.err()).isZero();
        assertThat(journal).as("left alone for its own archive").exists();
        assertThat(Files.readString(home.resolve("logs/main.log"))).contains("Left alone the unfinished file journals in "
                + journal.getParent()).contains("belong to another archive");

        JarRunner.Result onFirst = run(aupat, server, first, password, "--script=db_import", "--source=" + card,
                "--name=First Mill", "--state=ny", "--type=industrial", "--skip-backup");
        assertThat(onFirst.exit()).as("its own archive reads it, and refuses a damaged one").isEqualTo(3);
        assertThat(onFirst.err()).contains(journal.toString()).doesNotContain("\tat ");
        assertThat(single(server, first, "SELECT count(*) FROM documents")).isEqualTo("0");

        Files.delete(journal);
        JarRunner.Result again = run(aupat, server, first, password, "--script=db_import", "--source=" + card,
                "--name=First Mill", "--state=ny", "--type=industrial", "--skip-backup");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        List<String> checkpoints = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/checkpoint_state.db"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT checkpoint_id FROM checkpoints"
                        + " UNION ALL SELECT checkpoint_id FROM checkpoints_archive")) {
            while (rs.next()) {
                checkpoints.add(rs.getString(1));
            }
        }
        assertThat(checkpoints).as("the checkpoints lie in the home, one archive's each")
                .anyMatch(id -> id.contains("archive=" + firstId)).anyMatch(id -> id.contains("archive=" + secondId));
    }

    private static JarRunner.Result run(InProcessRunner aupat, LocalPostgres server, String database, Path password,
            String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--aupat.database=" + server.url(database), "--aupat.database-user=" + LocalPostgres.USER,
                "--aupat.database-password-file=" + password));
        return aupat.run(all.toArray(String[]::new));
    }

    private static String single(LocalPostgres server, String database, String sql) throws Exception {
        try (Connection c = server.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
