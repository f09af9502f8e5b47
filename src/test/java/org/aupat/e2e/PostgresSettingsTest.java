package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.aupat.testing.LocalPostgres;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings of a database on PostgreSQL, in process against a real server: the credentials' refusals (a
 * password file others may read, a password in the URL, a wrong password, a missing database, a server that
 * does not answer), each one line with its exit code and no stack trace; and the password is nowhere a user or
 * another user of the machine could read it: not in the output, the JSON output, the logs (transaction.log
 * included) or the archive's master JSON files.
 */
class PostgresSettingsTest {
    @TempDir
    static Path home;
    static LocalPostgres server;
    static String database;
    static Path passwordFile;
    static InProcessRunner aupat;

    @BeforeAll
    static void aServerAndAPasswordFile() throws Exception {
        server = LocalPostgres.server();
        database = server.newDatabase();
        aupat = new InProcessRunner(home);
        passwordFile = home.resolve("secret/pg-password");
        Files.createDirectories(passwordFile.getParent());
        Files.writeString(passwordFile, LocalPostgres.PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
    }

    static JarRunner.Result run(String url, Path password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--aupat.database=" + url);
        all.add("--aupat.database-user=" + LocalPostgres.USER);
        if (password != null) {
            all.add("--aupat.database-password-file=" + password);
        }
        return aupat.run(all.toArray(String[]::new));
    }

    static void oneLineRefusal(JarRunner.Result r, int exit, String... mentions) {
        String text = r.out() + r.err();
        assertThat(r.exit()).as(text).isEqualTo(exit);
        assertThat(text).contains(mentions).doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain(LocalPostgres.PASSWORD);
        assertThat(r.err().strip().lines().count()).as(text).isLessThanOrEqualTo(2);
    }

    @Test
    void aPasswordFileOthersMayReadIsRefusedNamingTheFileAndChmod() throws Exception {
        Path open = home.resolve("open-password");
        Files.writeString(open, LocalPostgres.PASSWORD + "\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        oneLineRefusal(run(server.url(database), open, "--script=locations"), 2, open.toString(), "chmod 600");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutRepeatingIt() {
        oneLineRefusal(run(server.url(database) + "?password=" + LocalPostgres.PASSWORD, passwordFile,
                "--script=locations"), 2, "password", "aupat.database-password-file");
        oneLineRefusal(run(server.url(database) + "?ssl=false&password=" + LocalPostgres.PASSWORD, passwordFile,
                "--script=db_migrate"), 2, "password");
    }

    @Test
    void noPasswordAtAllIsRefused() {
        oneLineRefusal(run(server.url(database), null, "--script=locations"), 2, "aupat.database-password-file",
                "AUPAT_DATABASE_PASSWORD");
    }

    @Test
    void aWrongPasswordAMissingDatabaseAndAServerThatDoesNotAnswerStopAtPreflight() throws Exception {
        Path wrong = home.resolve("wrong-password");
        Files.writeString(wrong, "not-the-password\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        oneLineRefusal(run(server.url(database), wrong, "--script=locations"), 3, "password or user name is wrong");
        oneLineRefusal(run(server.url("no_such_database"), passwordFile, "--script=db_migrate"), 3, "does not exist",
                "no_such_database");
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        oneLineRefusal(run("jdbc:postgresql://127.0.0.1:" + closed + "/" + database, passwordFile, "--script=locations"),
                3, "cannot reach", "127.0.0.1:" + closed);
    }

    @Test
    void thisComputersRunStateOnANetworkShareIsRefusedBeforeTheServerIsAsked() throws Exception {
        Path share = Files.createDirectories(home.resolve("data"));
        Path table = Files.writeString(home.resolve("mountinfo"), "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
                + "40 22 0:44 / " + share + " rw,relatime - nfs4 nas:/photos rw\n");
        JarRunner.Result r = run(server.url(database), passwordFile, "--script=db_migrate", "--aupat.mount-table=" + table);
        oneLineRefusal(r, 3, "the checkpoint database " + share.resolve("checkpoint_state.db"),
                "the journal folder " + share.resolve("journal"), "on nfs4", "--aupat.home");
        assertThat(r.err()).doesNotContain("or use PostgreSQL");
    }

    @Test
    void thePasswordIsNowhereInOutputsLogsOrTheArchive() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        new MediaFactory(card).text("notes.txt", "notes");
        List<JarRunner.Result> results = new ArrayList<>();
        String url = server.url(database);
        for (String[] args : List.of(new String[] {"--script=db_migrate", "--skip-backup"},
                new String[] {"--script=pipeline", "--source=" + card, "--name=Secret Mill", "--state=ny",
                        "--type=industrial", "--skip-backup"},
                new String[] {"--script=locations", "--json"}, new String[] {"--script=find", "--name=*", "--json"},
                new String[] {"--script=db_cleanup", "--json"})) {
            JarRunner.Result r = run(url, passwordFile, args);
            assertThat(r.exit()).as(String.join(" ", args) + r.out() + r.err()).isIn(0, 4);
            results.add(r);
        }
        // And a failing run, whose error goes to the logs with its stack.
        results.add(run(server.url(database), home.resolve("no-such-file"), "--script=locations"));
        for (JarRunner.Result r : results) {
            assertThat(r.out() + r.err()).doesNotContain(LocalPostgres.PASSWORD);
        }
        List<Path> written;
        try (Stream<Path> all = Files.walk(home)) {
            written = all.filter(Files::isRegularFile).filter(f -> !f.equals(passwordFile)).toList();
        }
        assertThat(written).anyMatch(f -> f.getFileName().toString().equals("transaction.log"))
                .anyMatch(f -> f.getFileName().toString().endsWith("_master.json"));
        for (Path f : written) {
            assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(LocalPostgres.PASSWORD);
        }
    }
}
