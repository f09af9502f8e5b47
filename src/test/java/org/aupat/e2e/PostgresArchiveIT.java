package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.LocalPostgres;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive shared on PostgreSQL, on real processes: target/aupat.jar run by "computers", each a home of its
 * own (AUPAT_HOME: its staging, file journal, checkpoints, logs), against one archive database on a real server
 * ({@link LocalPostgres}), the credentials in the environment. Two homes import the same card at the same
 * instant and every file is recorded once; while one home writes, another home's writer gets exit 75 naming it
 * and a reader runs; a pipeline killed with SIGKILL at a few instants and rerun ends as one never interrupted.
 * Backups (pg_dump) and the catalogue are left out for time: PostgresBackupTest and the SQLite suites cover them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresArchiveIT {
    private static final Pattern SUMMARY = Pattern.compile("Found (\\d+) files: (\\d+) imported .*?, (\\d+) duplicates");
    Path work;
    LocalPostgres server;
    Path card;
    final List<Path> sources = new ArrayList<>();
    /** The database the homes of the first two tests share, and the archive folder they share (a NAS's). */
    String shared;
    Path nasArchive;
    /** The home whose importer recorded the card first, and the other one. */
    JarRunner winner;
    JarRunner loser;
    /** What each run took, printed at the end: the class must stay well under a minute. */
    final List<String> report = new ArrayList<>();

    @BeforeAll
    void aServerAndACard(@TempDir Path temp) throws Exception {
        work = temp;
        server = LocalPostgres.server();
        card = Files.createDirectories(work.resolve("card"));
        MediaFactory canon = new MediaFactory(Files.createDirectories(card.resolve("DCIM/100CANON")));
        MediaFactory phone = new MediaFactory(Files.createDirectories(card.resolve("DCIM/101APPLE")));
        MediaFactory notes = new MediaFactory(Files.createDirectories(card.resolve("notes")));
        sources.addAll(canon.photos("IMG_", 14, "Canon"));
        sources.addAll(canon.photos("DSC_", 8, "NIKON CORPORATION"));
        sources.addAll(phone.photos("PHONE_", 6, "Apple"));
        sources.add(phone.iphoneMov("IMG_0001.MOV", "iPhone 13 Pro"));
        sources.add(notes.text("history.txt", "Built 1880, closed 1974."));
        nasArchive = work.resolve("nas/archive");
    }

    @AfterAll
    void printTimes() {
        System.out.println("PostgresArchiveIT runs:");
        report.forEach(line -> System.out.println("  " + line));
    }

    /** Adds a line to the report: what, and the milliseconds since {@code startNanos}. */
    private void took(String what, long startNanos) {
        report.add(what + ": " + (System.nanoTime() - startNanos) / 1_000_000 + " ms");
    }

    /** A computer: the jar in a home of its own, with the server's credentials in its environment. */
    private JarRunner computer(String name) throws IOException {
        return new JarRunner(Files.createDirectories(work.resolve(name))).withEnvironment(Map.of(
                "AUPAT_DATABASE_USER", LocalPostgres.USER, "AUPAT_DATABASE_PASSWORD", LocalPostgres.PASSWORD));
    }

    /** The arguments, then the database on the server and (unless null) the archive folder. */
    private String[] on(String database, Path archive, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--aupat.database=" + server.url(database));
        if (archive != null) {
            all.add("--aupat.archive=" + archive);
        }
        return all.toArray(String[]::new);
    }

    private String[] importOf(String script) {
        return on(shared, nasArchive, "--script=" + script, "--source=" + card, "--name=Shared Mill", "--state=ny",
                "--type=industrial", "--skip-backup", "--no-catalogue");
    }

    @Test
    @Order(1)
    void twoHomesImportingTheSameCardAtOnceRecordEachFileOnce() throws Exception {
        shared = server.newDatabase();
        JarRunner a = computer("computer-a");
        JarRunner b = computer("computer-b");
        long started = System.nanoTime();
        ok(a, a.run(on(shared, nasArchive, "--script=db_migrate", "--skip-backup")));
        took("db_migrate", started);
        started = System.nanoTime();
        String[] importCard = on(shared, nasArchive, "--script=db_import", "--source=" + card, "--name=Shared Mill",
                "--state=ny", "--type=industrial", "--skip-backup");
        Process first;
        Process second;
        // Inserts wait while the test holds the media tables (reads go on): both importers check every file, find
        // none recorded, stage the whole card, then wait at their first insert. Released, they race for each row.
        // Before that, the new location: while the test holds its table, one importer waits to insert it and the
        // other waits for the first to finish registering (or, were registering not one at a time, waits to
        // insert a second "Shared Mill").
        try (Connection gate = server.connect(shared); Statement s = gate.createStatement();
             Connection names = server.connect(shared); Statement n = names.createStatement()) {
            gate.setAutoCommit(false);
            names.setAutoCommit(false);
            s.execute("LOCK TABLE images, videos, documents IN EXCLUSIVE MODE");
            n.execute("LOCK TABLE locations IN EXCLUSIVE MODE");
            first = a.start(importCard);
            second = b.start(importCard);
            awaitWaiting(2, "registering the location", "relation = 'locations'::regclass OR locktype = 'advisory'",
                    first, second);
            names.commit();
            awaitWaiting(2, "their first insert",
                    "relation IN ('images'::regclass, 'videos'::regclass, 'documents'::regclass)", first, second);
            took("two db_imports: both staged the card and wait at their first insert", started);
            gate.commit();
        }
        JarRunner.Result ra = a.finish(first);
        JarRunner.Result rb = b.finish(second);
        took("two db_imports: both done", started);
        ok(a, ra);
        ok(b, rb);

        long[] countsA = counts(ra);
        long[] countsB = counts(rb);
        assertThat(countsA[0]).as("files found by A").isEqualTo(sources.size());
        assertThat(countsB[0]).as("files found by B").isEqualTo(sources.size());
        // Each inserts the card in the same order: the first to record a row holds up the other for its whole chunk.
        assertThat(List.of(countsA[1], countsB[1])).as("imported by A and B").containsExactlyInAnyOrder(
                (long) sources.size(), 0L);
        winner = countsA[1] > 0 ? a : b;
        loser = winner == a ? b : a;
        assertThat(counts(winner == a ? rb : ra)[2]).as("the other's duplicates").isEqualTo(sources.size());
        assertThat(Files.readString(loser.home().resolve("logs/main.log")))
                .as("the loser met the rows in the race, not in its check before staging")
                .contains("was recorded by another run meanwhile");

        ArchiveInvariants archive = ArchiveInvariants.onServer(server, shared, null, nasArchive);
        Map<String, String> recorded = archive.recordedFiles();
        assertThat(recorded.keySet()).as("one row per distinct SHA-256 of the card")
                .containsExactlyInAnyOrderElementsOf(sources.stream().map(ArchiveInvariants::sha256).toList());
        assertThat(archive.query("SELECT count(*) FROM locations")).as("one location, not one per importer")
                .containsExactly("1");
        assertThat(archive.query("SELECT count(*) FROM imports WHERE finished IS NOT NULL")).containsExactly("2");
        // The winner's staging holds exactly the recorded files; the loser removed every copy it had staged.
        List<Path> staged = files(winner.home().resolve("data/staging"));
        assertThat(staged).as("the winner's staging").hasSize(sources.size())
                .allSatisfy(f -> assertThat(recorded.get(ArchiveInvariants.sha256(f))).isEqualTo(f.toString()));
        assertThat(files(loser.home().resolve("data/staging"))).as("the loser's staged copies").isEmpty();
        for (JarRunner home : List.of(a, b)) {
            assertNothingUnfinished(home.home());
        }
    }

    @Test
    @Order(2)
    void whileOneHomeWritesAnothersWriterGetsExit75NamingItAndAReaderRuns() throws Exception {
        JarRunner reader = computer("computer-c");
        // The rest of the pipeline, from the home that holds the staged files.
        long started = System.nanoTime();
        Process holder = winner.start(importOf("pipeline"));
        String holderName = "pipeline pid " + holder.pid();
        Path log = winner.home().resolve("logs/main.log");
        int logStart = Files.readString(log).length();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Past the import, inside db_organize: the lock is held (the run's first step) and no DDL is under way.
        while (holder.isAlive() && !(Files.readString(log).substring(logStart).contains("organizing images")
                && lockHolders().contains("aupat " + holderName + " on "))) {
            assertThat(System.nanoTime()).as("the pipeline reached db_organize within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        assertThat(holder.isAlive()).as("the pipeline still holds the lock").isTrue();
        // Frozen while it holds the lock, the holder stays a writer for as long as the test needs, with no timing.
        took("pipeline: in db_organize, holding the lock", started);
        signal("STOP", holder.pid());
        long stopped = System.nanoTime();
        try {
            Process writer = loser.start(on(shared, nasArchive, "--script=db_organize", "--skip-backup"));
            Process read = reader.start(on(shared, nasArchive, "--script=locations"));
            JarRunner.Result refused = loser.finish(writer);
            JarRunner.Result listed = reader.finish(read);
            assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(75);
            assertThat(refused.err()).contains("another AUPAT run holds the lock on the archive")
                    .contains(holderName).doesNotContain("\tat ").doesNotContain(LocalPostgres.PASSWORD);
            assertThat(refused.err().strip().lines().count()).as(refused.err()).isLessThanOrEqualTo(2);
            took("db_organize refused and locations listed, alongside", stopped);
            ok(reader, listed);
            assertThat(listed.out()).contains("Shared Mill");
        } finally {
            signal("CONT", holder.pid());
        }
        JarRunner.Result done = winner.finish(holder);
        took("pipeline: done, stopped meanwhile", started);
        ok(winner, done);

        ArchiveInvariants archive = ArchiveInvariants.onServer(server, shared, null, nasArchive);
        archive.assertArchivedExactlyOnce(sources);
        assertThat(archive.query("SELECT count(*) FROM locations")).containsExactly("1");
        assertThat(archive.query("SELECT count(*) FROM imports WHERE finished IS NULL")).containsExactly("0");
        assertThat(archive.query("SELECT count(*) FROM images WHERE img_verified IS NULL")).containsExactly("0");
        assertThat(files(nasArchive)).as("the archive: the card's files and the master JSON")
                .hasSize(sources.size() + 1).anyMatch(f -> f.getFileName().toString().endsWith("_master.json"));
        for (JarRunner home : List.of(winner, loser, reader)) {
            assertThat(files(home.home().resolve("data/staging"))).as("staging of " + home.home()).isEmpty();
            assertNothingUnfinished(home.home());
        }
    }

    /** A kill instant: a name for the message, and what the running jar has written when it is the instant. */
    record Kill(String name, String transactionLog, long archiveFiles) {
    }

    @Test
    @Order(3)
    void aPipelineKilledAtSeveralInstantsEndsOnRerunAsOneNeverInterrupted() throws Exception {
        JarRunner reference = computer("reference");
        String referenceDatabase = server.newDatabase();
        JarRunner crashed = computer("crashed");
        String database = server.newDatabase();
        // The uninterrupted run goes alongside the first killed one (two databases, two homes): a core each.
        long started = System.nanoTime();
        Process uninterrupted = reference.start(pipeline(referenceDatabase));
        // One home, killed again at a later instant in each rerun, then run to the end.
        for (Kill kill : List.of(new Kill("import: the chunk's rows being recorded", "BEGIN StagingLedger.record", 0),
                new Kill("organize: a chunk being saved", "BEGIN OrganizeLedger.save", 0),
                new Kill("ingest: 5 files in the archive", null, 5))) {
            killAt(crashed, database, kill);
        }
        ok(reference, reference.finish(uninterrupted));
        took("the uninterrupted pipeline, finished after the kills", started);
        assertSound(reference, referenceDatabase);
        Map<String, String> expected = rows(reference, referenceDatabase);
        assertThat(expected).hasSize(sources.size());
        started = System.nanoTime();
        ok(crashed, crashed.run(pipeline(database)));
        took("the pipeline's rerun to the end", started);
        assertSound(crashed, database);
        assertThat(rows(crashed, database)).as("the rows of an uninterrupted run").isEqualTo(expected);
        assertThat(ArchiveInvariants.onServer(server, database, null, null).query("SELECT runs FROM imports ORDER BY"
                + " started LIMIT 1")).as("the import killed in its staging, continued by this home's next run")
                .containsExactly("2");
    }

    private String[] pipeline(String database) {
        return on(database, null, "--script=pipeline", "--source=" + card, "--name=Crash Mill", "--state=ny",
                "--type=industrial", "--skip-backup", "--no-catalogue");
    }

    /** Starts the pipeline and kills it with SIGKILL once it has written what the kill waits for. */
    private void killAt(JarRunner aupat, String database, Kill kill) throws Exception {
        Path transactions = aupat.home().resolve("logs/transaction.log");
        int start = Files.exists(transactions) ? Files.readString(transactions).length() : 0;
        long started = System.nanoTime();
        Process run = aupat.start(pipeline(database));
        while (run.isAlive()) {
            boolean now = kill.transactionLog() != null
                    ? Files.exists(transactions) && Files.readString(transactions, StandardCharsets.UTF_8).substring(start)
                            .contains(kill.transactionLog())
                    : files(aupat.home().resolve("data/archive")).size() >= kill.archiveFiles();
            if (now) {
                run.destroyForcibly();
                assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
                took("pipeline killed at " + kill.name(), started);
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(kill.name() + ": not hit, the run finished first (exit " + run.exitValue() + ")");
    }

    /** What CrashIT checks after a completed pipeline, with the rows on the server. */
    private void assertSound(JarRunner home, String database) throws Exception {
        Path data = home.home().resolve("data");
        ArchiveInvariants archive = ArchiveInvariants.onServer(server, database, data.resolve("staging"),
                data.resolve("archive"));
        archive.assertArchivedExactlyOnce(sources);
        assertThat(archive.query("SELECT count(*) FROM locations")).containsExactly("1");
        assertThat(archive.query("SELECT count(*) FROM imports WHERE finished IS NULL")).containsExactly("0");
        assertThat(files(data.resolve("staging"))).as("files left in staging").isEmpty();
        assertNothingUnfinished(home.home());
    }

    /** No temporary file or backup of a removed one, no file journal, no checkpoint left in progress or failed. */
    private static void assertNothingUnfinished(Path home) throws SQLException {
        assertThat(files(home).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted"))).as("temporary files").isEmpty();
        assertThat(files(home.resolve("data/journal"))).as("unfinished file journals").isEmpty();
        Path file = home.resolve("data/checkpoint_state.db");
        if (!Files.exists(file)) {
            return; // a home that only read
        }
        ArchiveInvariants checkpoints = new ArchiveInvariants(file, null, null);
        assertThat(checkpoints.query("SELECT script_name || ' ' || operation_name FROM checkpoints"
                + " WHERE status IN ('in_progress', 'failed')")).as("checkpoints left unfinished").isEmpty();
    }

    /**
     * Waits until {@code count} sessions wait for a lock that {@code condition} (on pg_locks) describes, failing
     * when a process ends first or after 60 s.
     */
    private void awaitWaiting(int count, String what, String condition, Process... processes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = server.connect(shared); Statement s = c.createStatement()) {
            while (true) {
                try (var r = s.executeQuery("SELECT count(DISTINCT pid) FROM pg_locks WHERE NOT granted AND (" + condition
                        + ")")) {
                    r.next();
                    if (r.getInt(1) >= count) {
                        return;
                    }
                }
                for (Process p : processes) {
                    assertThat(p.isAlive()).as("importer pid " + p.pid() + " still running").isTrue();
                }
                assertThat(System.nanoTime()).as("both importers at " + what + " within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    /** The application names of the sessions holding an advisory lock on the shared database. */
    private String lockHolders() throws SQLException {
        try (Connection c = server.connect(shared); Statement s = c.createStatement();
             var r = s.executeQuery("SELECT string_agg(a.application_name, '; ') FROM pg_locks l JOIN pg_stat_activity a"
                     + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted")) {
            r.next();
            return String.valueOf(r.getString(1));
        }
    }

    /** found, imported and duplicates of an import's summary line. */
    private static long[] counts(JarRunner.Result r) {
        Matcher m = SUMMARY.matcher(r.out());
        assertThat(m.find()).as("the summary line in:\n" + r.out()).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static void ok(JarRunner home, JarRunner.Result r) {
        assertThat(r.exit()).as(() -> home.home() + ": " + r.out() + r.err()).isZero();
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            // A file vanished while the running jar was being watched: count again on the next poll.
            return List.of();
        }
    }

    /** What the run decided about each file, as CrashIT compares a crashed home with its reference. */
    private Map<String, String> rows(JarRunner home, String database) throws SQLException {
        return ArchiveInvariants.onServer(server, database, null, home.home().resolve("data/archive")).decisions();
    }
}
