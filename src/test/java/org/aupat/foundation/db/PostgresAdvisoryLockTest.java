package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.LockHeldError;
import org.aupat.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL run lock on a real server: between connections, between processes, and per archive. */
class PostgresAdvisoryLockTest {
    @TempDir
    Path dir;

    private final LocalPostgres pg = LocalPostgres.server();

    private PostgresEndpoint endpoint(String database) {
        return new PostgresEndpoint(pg.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    @Test
    void aSecondRunIsRefusedWithExit75NamingTheHolderAndGetsTheLockOnceReleased() throws Exception {
        PostgresEndpoint db = endpoint(pg.newDatabase());
        PostgresAdvisoryLock lock = new PostgresAdvisoryLock(db, "archive-1");
        String me = "db_import pid " + ProcessHandle.current().pid() + " on " + InetAddress.getLocalHost().getHostName();
        try (PostgresAdvisoryLock.Held held = lock.acquire("db_import")) {
            assertThat(held.holder()).isEqualTo(me);
            assertThat(held.stillHeld()).isTrue();
            assertThatThrownBy(() -> new PostgresAdvisoryLock(db, "archive-1").acquire("db_ingest"))
                    .isInstanceOf(LockHeldError.class)
                    .satisfies(e -> assertThat(((LockHeldError) e).exitCode()).isEqualTo(ExitCode.LOCKED))
                    .hasMessageStartingWith("another AUPAT run holds the lock on the archive " + db.describe() + " ("
                            + me + ", since ")
                    .hasMessageEndingWith("). Wait for it to finish, then run again.")
                    .hasMessageNotContaining(LocalPostgres.PASSWORD);
        }
        try (PostgresAdvisoryLock.Held again = lock.acquire("db_ingest")) {
            assertThat(again.stillHeld()).isTrue();
        }
    }

    @Test
    void anotherProcessIsRefusedAndKillingTheHolderWithSigkillFreesTheLock() throws Exception {
        String database = pg.newDatabase();
        PostgresEndpoint db = endpoint(database);
        Path out = dir.resolve("holder.out");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), pg.url(database), "archive-2")
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        holder.getOutputStream().write((LocalPostgres.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        holder.getOutputStream().flush();
        try {
            waitForLine(holder, out, "HELD");
            assertThatThrownBy(() -> new PostgresAdvisoryLock(db, "archive-2").acquire("db_import"))
                    .isInstanceOf(LockHeldError.class)
                    .hasMessageContaining("(lock-holder pid " + holder.pid() + " on "
                            + InetAddress.getLocalHost().getHostName() + ", since ");

            holder.destroyForcibly(); // SIGKILL: no shutdown hook, no unlock; only the dropped connection
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
            try (PostgresAdvisoryLock.Held held = acquireWithin(new PostgresAdvisoryLock(db, "archive-2"), 30)) {
                assertThat(held.stillHeld()).isTrue();
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void differentArchivesDoNotBlockEachOtherInOneDatabaseOrInTwo() {
        String database = pg.newDatabase();
        try (PostgresAdvisoryLock.Held a = new PostgresAdvisoryLock(endpoint(database), "archive-a").acquire("db_import");
                PostgresAdvisoryLock.Held b = new PostgresAdvisoryLock(endpoint(database), "archive-b").acquire("db_import");
                PostgresAdvisoryLock.Held c = new PostgresAdvisoryLock(endpoint(pg.newDatabase()), "archive-a")
                        .acquire("db_import")) {
            assertThat(List.of(a.stillHeld(), b.stillHeld(), c.stillHeld())).containsOnly(true);
        }
    }

    @Test
    void sharedHoldersRunTogetherButNeverBesideAnExclusiveOne() {
        PostgresEndpoint db = endpoint(pg.newDatabase());
        PostgresAdvisoryLock lock = new PostgresAdvisoryLock(db, "archive-4");
        try (PostgresAdvisoryLock.Held first = lock.acquire("db_import", PostgresAdvisoryLock.Mode.SHARED);
                PostgresAdvisoryLock.Held second = lock.acquire("pipeline", PostgresAdvisoryLock.Mode.SHARED)) {
            assertThat(first.stillHeld()).isTrue();
            assertThat(second.stillHeld()).isTrue();
            assertThatThrownBy(() -> lock.acquire("db_cleanup")).isInstanceOf(LockHeldError.class)
                    .hasMessageContaining("(db_import pid ").hasMessageContaining("; pipeline pid ");
        }
        try (PostgresAdvisoryLock.Held alone = lock.acquire("db_cleanup")) {
            assertThatThrownBy(() -> lock.acquire("db_import", PostgresAdvisoryLock.Mode.SHARED))
                    .isInstanceOf(LockHeldError.class).hasMessageContaining("(db_cleanup pid ");
            assertThat(alone.stillHeld()).isTrue();
        }
    }

    @Test
    void aSessionTheServerEndedNoLongerHoldsTheLockAndSaysSo() {
        String database = pg.newDatabase();
        PostgresAdvisoryLock lock = new PostgresAdvisoryLock(endpoint(database), "archive-3");
        try (PostgresAdvisoryLock.Held held = lock.acquire("db_import")) {
            pg.execute(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE"
                    + " 'aupat db_import pid " + ProcessHandle.current().pid() + " %'");
            assertThat(held.stillHeld()).isFalse();
            try (PostgresAdvisoryLock.Held other = lock.acquire("db_ingest")) {
                assertThat(other.stillHeld()).isTrue();
            }
        }
    }

    @Test
    void aLockTakenByHandInAnotherProgramIsNamedByItsUserAddressAndApplication() throws Exception {
        String database = pg.newDatabase();
        java.util.Properties psql = new java.util.Properties();
        psql.setProperty("user", LocalPostgres.USER);
        psql.setProperty("password", LocalPostgres.PASSWORD);
        psql.setProperty("ApplicationName", "psql");
        // an administrator holding the archive's key by hand, say to keep every run out during maintenance
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(pg.url(database), psql);
                java.sql.Statement s = admin.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + PostgresAdvisoryLock.key("archive-5") + ")");
            assertThatThrownBy(() -> new PostgresAdvisoryLock(endpoint(database), "archive-5").acquire("db_import"))
                    .isInstanceOf(LockHeldError.class)
                    .hasMessageContaining("(a session of PostgreSQL user " + LocalPostgres.USER + " from 127.0.0.1,"
                            + " application 'psql', since ");
        }
    }

    @Test
    void aServerThatCannotBeReachedIsADatabaseErrorWithoutThePassword() {
        PostgresEndpoint nowhere = new PostgresEndpoint("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "someone", "secret-pw-123");
        assertThatThrownBy(() -> new PostgresAdvisoryLock(nowhere, "x").acquire("db_import"))
                .isInstanceOf(DatabaseError.class)
                .hasMessageStartingWith("cannot connect to the PostgreSQL database 127.0.0.1:1/none to take the run lock")
                .hasMessageNotContaining("secret-pw-123");
        assertThat(nowhere.toString()).doesNotContain("secret-pw-123");
    }

    @Test
    void theKeyIsFixedForAnIdentitySoEveryVersionOfAupatTakesTheSameLock() {
        // SHA-256("aupat-run-lock\0archive-1"), first 8 bytes big-endian: changing this lets two versions run together
        assertThat(PostgresAdvisoryLock.key("archive-1")).isEqualTo(PostgresAdvisoryLock.key("archive-1"))
                .isNotEqualTo(PostgresAdvisoryLock.key("archive-2"));
        assertThat(Long.toHexString(PostgresAdvisoryLock.key("archive-1"))).isEqualTo(KEY_OF_ARCHIVE_1);
    }

    private static final String KEY_OF_ARCHIVE_1 = "6fde4919d04d9a9e";

    @Test
    void theHolderNameIsCutToWhatPostgresqlKeepsOnACharacterBoundary() {
        String name = PostgresAdvisoryLock.applicationName("db_import pid 1 on " + "ü".repeat(40));
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(name).startsWith("aupat db_import pid 1 on ü").doesNotContain("\uFFFD");
    }

    private static PostgresAdvisoryLock.Held acquireWithin(PostgresAdvisoryLock lock, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try {
                return lock.acquire("db_import");
            } catch (LockHeldError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void waitForLine(Process process, Path output, String line) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readString(output).lines().anyMatch(line::equals)) {
                return;
            }
            assertThat(process.isAlive()).as("holder ended early: " + Files.readString(output)).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("holder never printed " + line + ": " + Files.readString(output));
    }

    /** A second process that takes the lock, says so and waits to be killed. The password comes on stdin. */
    public static final class LockHolder {
        public static void main(String[] args) throws Exception {
            String password = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                    StandardCharsets.UTF_8)).readLine();
            PostgresAdvisoryLock.Held held = new PostgresAdvisoryLock(
                    new PostgresEndpoint(args[0], LocalPostgres.USER, password), args[1]).acquire("lock-holder");
            System.out.println("HELD");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            held.close();
        }
    }
}
