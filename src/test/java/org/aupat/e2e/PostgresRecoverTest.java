package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.aupat.foundation.db.PostgresAdvisoryLock;
import org.aupat.foundation.db.PostgresBackup;
import org.aupat.foundation.db.PostgresEndpoint;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill with the archive's database on a real PostgreSQL server ({@link LocalPostgres}), in process:
 * the sample card is imported and replicated to a folder replica once; then each test empties the database
 * (dropped and created again, as after losing the server's disk), deletes the home and recovers, comparing every
 * row, archived file and master JSON byte for byte with what was lost. Also: a database that holds a table is
 * refused, a damaged dump on the replica is never restored (the database stays empty), and a recover killed
 * during or after the restore finishes when run again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresRecoverTest {
    static final List<String> TABLES = List.of("archive_identity", "locations", "sub_locations", "images", "videos",
            "documents", "urls", "imports", "file_moves", "trash", "duplicate_sightings", "replica_copies",
            "location_totals");
    LocalPostgres server;
    String database;
    Path home;
    Path nas;
    Path password;
    Map<String, List<String>> rowsBefore;
    Map<String, String> filesBefore;
    Map<String, JsonNode> mastersBefore;
    String identity;
    String dumpName;

    @BeforeAll
    void importAndReplicateTheSampleCard(@TempDir Path temp) throws Exception {
        server = LocalPostgres.server();
        database = server.newDatabase();
        home = Files.createDirectories(temp.resolve("home"));
        nas = Files.createDirectories(temp.resolve("nas"));
        // Outside the home, which the drill deletes.
        password = PostgresPipelineTest.passwordFile(Files.createDirectories(temp.resolve("secrets")));
        ok(home, "--script=db_migrate", "--skip-backup");
        ok(home, "--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(), "--name=Sample Mill",
                "--state=ny", "--type=industrial", "--url=https://example.org/mill", "--no-catalogue");
        ok(home, "--script=replicate");
        rowsBefore = rows(database);
        filesBefore = DisasterDrill.files(archive(home));
        mastersBefore = DisasterDrill.masterJsons(archive(home));
        identity = rowsBefore.get("archive_identity").get(0).replaceAll(".*archive_id=([0-9a-f]{32}).*", "$1");
        assertThat(identity).matches("[0-9a-f]{32}");
        assertThat(rowsBefore.get("images")).isNotEmpty();
        assertThat(filesBefore.keySet()).anyMatch(p -> p.endsWith("_master.json")).hasSizeGreaterThan(5);
        try (Stream<Path> dumps = Files.list(nas.resolve("aupat-backups"))) {
            List<String> names = dumps.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dump")).toList();
            assertThat(names).as("replicate sent the newest verified pg_dump").hasSize(1);
            dumpName = names.get(0);
        }
    }

    /** The server's disk and the home are lost: an empty database of the same name, an empty home. */
    @BeforeEach
    void loseEverything() throws Exception {
        server.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "CREATE DATABASE " + database);
        if (Files.exists(home)) {
            ArchiveInvariants.deleteTree(home);
        }
        Files.createDirectories(home);
    }

    @Test
    void recoverRebuildsTheDatabaseAndEveryFileFromTheReplicaByteForByte() throws Exception {
        JarRunner.Result recovered = ok(home, "--script=recover", "--replica=nas");
        assertThat(recovered.out()).contains("Recovered from replica nas: database from " + dumpName)
                .contains("not restored 0").doesNotContain("moved onto this one");
        assertRecovered(home);

        // The local run state is this archive's: journals under its identity, none left unfinished.
        try (Stream<Path> journals = Files.list(home.resolve("data/journal"))) {
            assertThat(journals.map(p -> p.getFileName().toString())).containsExactly(identity);
        }
        try (Stream<Path> walk = Files.walk(home)) {
            assertThat(walk.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".journal")
                    || n.contains(".aupat-tmp") || n.contains(".recovering"));
        }
        Path backups = home.resolve("data/backups");
        assertThat(Files.readString(backups.resolve("manifest-sha256.txt")))
                .contains(new FileHasher().sha256(backups.resolve(dumpName)) + "  " + dumpName);

        // A second recover refuses the database, now the archive's; every file verifies.
        JarRunner.Result again = run(home, "--script=recover", "--replica=nas");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("create a new empty database").doesNotContain("\tat ");
        assertThat(rows(database)).isEqualTo(rowsBefore);
        ok(home, "--script=db_verify", "--all", "--skip-backup");
    }

    @Test
    void recoverIntoAHomeOnAnotherDiskMovesThePathsTheServerRecords(@TempDir Path newDisk) throws Exception {
        Path homeB = Files.createDirectories(newDisk.resolve("mnt/new-disk/aupat"));
        JarRunner.Result recovered = ok(homeB, "--script=recover", "--replica=nas");
        assertThat(recovered.out()).contains("the paths it records were moved onto this one").contains("not restored 0");

        assertThat(DisasterDrill.without(rows(database), "json_update="))
                .isEqualTo(DisasterDrill.without(DisasterDrill.rebased(rowsBefore, home, homeB), "json_update="));
        Map<String, String> media = new TreeMap<>(filesBefore);
        media.keySet().removeIf(p -> p.endsWith("_master.json"));
        Map<String, String> restored = DisasterDrill.files(archive(homeB));
        restored.keySet().removeIf(p -> p.endsWith("_master.json"));
        assertThat(restored).isEqualTo(media);
        Map<String, JsonNode> expected = new TreeMap<>();
        for (Map.Entry<String, JsonNode> lost : mastersBefore.entrySet()) {
            expected.put(lost.getKey(), DisasterDrill.comparable(DisasterDrill.rebased(lost.getValue(), home, homeB)));
        }
        Map<String, JsonNode> actual = new TreeMap<>();
        DisasterDrill.masterJsons(archive(homeB)).forEach((path, json) -> actual.put(path, DisasterDrill.comparable(json)));
        assertThat(actual).isEqualTo(expected).isNotEmpty();
        ok(homeB, "--script=db_verify", "--all", "--skip-backup");
    }

    @Test
    void aDatabaseThatHoldsATableIsRefusedAndLeftAsItWas() throws Exception {
        String other = server.newDatabase();
        server.execute(other, "CREATE TABLE another_app (x integer)", "INSERT INTO another_app VALUES (1)");
        JarRunner.Result refused = new InProcessRunner(home).run(with(other, "--script=recover", "--replica=nas"));
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("holds tables").contains("create a new empty database")
                .contains("CREATE DATABASE").doesNotContain("\tat ");
        assertThat(refused.err().strip().lines()).hasSize(1);
        assertThat(rows(other, "another_app")).containsExactly("x=1|");
        assertThat(tables(other)).containsExactly("another_app");
        assertThat(archive(home)).doesNotExist();
        assertThat(marker(home)).doesNotExist();
    }

    @Test
    void aDumpWhoseBytesChangedOnTheReplicaIsNeverRestored(@TempDir Path copy) throws Exception {
        Path damaged = copyOfTheReplica(copy);
        Path dump = damaged.resolve("aupat-backups").resolve(dumpName);
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(dump, bytes);

        JarRunner.Result refused = run(home, "--script=recover", "--replica=nas", "--aupat.replicas.nas.path=" + damaged);
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("holds no database backup that matches its .sha256 file");
        assertThat(tables(database)).isEmpty();
        assertThat(marker(home)).doesNotExist();
    }

    @Test
    void aDumpThatMatchesItsShaButDoesNotRestoreLeavesTheDatabaseEmpty(@TempDir Path copy) throws Exception {
        // Damaged before it was hashed: its schema restores, its data ends early; one transaction undoes all of it.
        Path damaged = copyOfTheReplica(copy);
        Path dump = damaged.resolve("aupat-backups").resolve(dumpName);
        byte[] bytes = Files.readAllBytes(dump);
        Files.write(dump, Arrays.copyOf(bytes, bytes.length * 3 / 4));
        Files.writeString(dump.resolveSibling(dumpName + ".sha256"), new FileHasher().sha256(dump) + "  " + dumpName + "\n");

        JarRunner.Result refused = run(home, "--script=recover", "--replica=nas", "--aupat.replicas.nas.path=" + damaged);
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(1);
        assertThat(refused.err()).contains("and restores");
        assertThat(Files.readString(home.resolve("logs/main.log"))).contains(dumpName + " does not restore");
        assertThat(tables(database)).as("nothing of the dump stays").isEmpty();
        assertThat(marker(home)).doesNotExist();

        // The database is as empty as before: a good replica recovers into it.
        ok(home, "--script=recover", "--replica=nas");
        assertRecovered(home);
    }

    @Test
    @Timeout(120) // a left restore not ended holds its tables' locks: the rerun's restore would wait for ever
    void aRestoreThatAKilledRecoverLeftRunningIsEndedAndTheRerunFinishes() throws Exception {
        // kill -9 of AUPAT leaves its pg_restore running, in the middle of its one transaction, and the marker.
        Files.createDirectories(marker(home).getParent());
        Files.writeString(marker(home), "nas\n" + dumpName + "\n");
        java.util.Properties asRestore = new java.util.Properties();
        asRestore.setProperty("user", LocalPostgres.USER);
        asRestore.setProperty("password", LocalPostgres.PASSWORD);
        asRestore.setProperty("ApplicationName", "aupat pg_restore");
        try (Connection orphan = java.sql.DriverManager.getConnection(server.url(database), asRestore)) {
            orphan.setAutoCommit(false);
            try (Statement s = orphan.createStatement()) {
                s.execute("CREATE TABLE images (half_restored integer)");
            }

            ok(home, "--script=recover", "--replica=nas");
            assertThat(orphan.isValid(2)).as("the left restore was ended, its transaction rolled back").isFalse();
        }
        assertRecovered(home);
    }

    @Test
    void aRecoverKilledAfterTheRestoreCommittedResumesWithoutRestoringAgain() throws Exception {
        // The killed run's restore committed (its marker written before it), then nothing more was done.
        Files.createDirectories(marker(home).getParent());
        Files.writeString(marker(home), "nas\n" + dumpName + "\n");
        PostgresEndpoint endpoint = new PostgresEndpoint(server.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
        new PostgresBackup(endpoint, null).restore(nas.resolve("aupat-backups").resolve(dumpName), endpoint);

        JarRunner.Result resumed = ok(home, "--script=recover", "--replica=nas");
        assertThat(resumed.out()).contains("Recovered from replica nas: database from " + dumpName).contains("not restored 0");
        assertThat(Files.readString(home.resolve("logs/main.log"))).contains("resuming the recover from replica nas");
        assertRecovered(home);
        ok(home, "--script=db_verify", "--all", "--skip-backup");
    }

    @Test
    void aResumedRecoverOnAnotherDiskStillMovesThePathsAndRewritesTheMasterJsons(@TempDir Path newDisk) throws Exception {
        // Killed right after the restore committed, before the moves were found: the rerun finds and makes them.
        Path homeB = Files.createDirectories(newDisk.resolve("mnt/new-disk/aupat"));
        Files.createDirectories(marker(homeB).getParent());
        Files.writeString(marker(homeB), "nas\n" + dumpName + "\n");
        PostgresEndpoint endpoint = new PostgresEndpoint(server.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
        new PostgresBackup(endpoint, null).restore(nas.resolve("aupat-backups").resolve(dumpName), endpoint);

        JarRunner.Result resumed = ok(homeB, "--script=recover", "--replica=nas");
        assertThat(resumed.out()).contains("the paths it records were moved onto this one").contains("not restored 0");
        assertThat(DisasterDrill.without(rows(database), "json_update="))
                .isEqualTo(DisasterDrill.without(DisasterDrill.rebased(rowsBefore, home, homeB), "json_update="));
        assertThat(Files.readString(archive(homeB).resolve(mastersBefore.keySet().iterator().next())))
                .contains("\"loc_loc\" : \"" + homeB + "/");
        assertThat(marker(homeB)).doesNotExist();
    }

    @Test
    void onceRestoredTheDatabaseIsUnderTheArchivesLockAndTheRerunFinishes() throws Exception {
        // Another computer pointed at the database locks the archive by its identity, as soon as it has one.
        PostgresEndpoint endpoint = new PostgresEndpoint(server.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
        try (var other = new PostgresAdvisoryLock(endpoint, identity).acquire("db_organize")) {
            JarRunner.Result stopped = run(home, "--script=recover", "--replica=nas");
            assertThat(stopped.exit()).as(stopped.out() + stopped.err()).isEqualTo(75);
            assertThat(stopped.err()).contains("db_organize").doesNotContain("\tat ");
            assertThat(tables(database)).contains("images");
            assertThat(marker(home)).exists();
        }
        ok(home, "--script=recover", "--replica=nas");
        assertRecovered(home);
    }

    @Test
    void aResumedRecoverRefusesADatabaseThatNowHoldsAnotherArchive() throws Exception {
        Files.createDirectories(marker(home).getParent());
        Files.writeString(marker(home), "nas\n" + dumpName + "\nrestored " + "0".repeat(32) + "\n");
        PostgresEndpoint endpoint = new PostgresEndpoint(server.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
        new PostgresBackup(endpoint, null).restore(nas.resolve("aupat-backups").resolve(dumpName), endpoint);

        JarRunner.Result refused = run(home, "--script=recover", "--replica=nas");
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(3);
        assertThat(refused.err()).contains("which now holds archive " + identity).doesNotContain("\tat ");
        assertThat(rows(database)).as("nothing was changed").isEqualTo(rowsBefore);
        assertThat(archive(home)).doesNotExist();
    }

    private void assertRecovered(Path into) throws Exception {
        assertThat(rows(database)).as("every row").isEqualTo(rowsBefore);
        assertThat(DisasterDrill.files(archive(into))).as("every file and master JSON, byte for byte").isEqualTo(filesBefore);
        assertThat(marker(into)).doesNotExist();
    }

    private Path copyOfTheReplica(Path to) throws Exception {
        Path copy = to.resolve("nas");
        try (Stream<Path> walk = Files.walk(nas)) {
            for (Path p : walk.toList()) {
                Path target = copy.resolve(nas.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    private static Path archive(Path home) {
        return home.resolve("data/archive");
    }

    private static Path marker(Path home) {
        return home.resolve("data/postgres.recovering");
    }

    private String[] with(String db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (Arrays.stream(args).noneMatch(a -> a.startsWith("--aupat.replicas.nas.path="))) {
            all.add("--aupat.replicas.nas.path=" + nas);
        }
        all.addAll(List.of("--aupat.database=" + server.url(db), "--aupat.database-user=" + LocalPostgres.USER,
                "--aupat.database-password-file=" + password));
        return all.toArray(String[]::new);
    }

    private JarRunner.Result run(Path of, String... args) {
        return new InProcessRunner(of).run(with(database, args));
    }

    private JarRunner.Result ok(Path of, String... args) {
        JarRunner.Result r = run(of, args);
        assertThat(r.exit()).as(() -> String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    /**
     * Every row of the archive's tables, as text, in a stable order; but the record of the backup's own copy on
     * the replica, which replicate writes after making the backup it sends, so the backup cannot hold it.
     */
    private Map<String, List<String>> rows(String db) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : TABLES) {
            rows.put(table, rows(db, table).stream().filter(l -> !l.contains("|kind=backup|")).toList());
        }
        return rows;
    }

    private List<String> rows(String db, String table) throws Exception {
        return ArchiveInvariants.onServer(server, db, null, null).tableLines(table);
    }

    private List<String> tables(String db) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = server.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
