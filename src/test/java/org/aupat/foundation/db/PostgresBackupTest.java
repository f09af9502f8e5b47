package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.BackupError;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.PreflightError;
import org.aupat.testing.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a PostgreSQL archive with the real pg_dump and pg_restore, verified in a scratch database. */
class PostgresBackupTest {
    @TempDir
    Path dir;

    private final LocalPostgres pg = LocalPostgres.server();

    private PostgresEndpoint endpoint(String database) {
        return new PostgresEndpoint(pg.url(database), LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    /** An archive-like database: two schemas, a quoted name, binary data, and enough rows to span blocks. */
    private String archive() {
        String db = pg.newDatabase();
        pg.execute(db, "CREATE TABLE media_file (id BIGINT PRIMARY KEY, sha TEXT NOT NULL UNIQUE, content BYTEA)",
                "INSERT INTO media_file SELECT i, md5(i::text), decode(repeat(md5(i::text), 8), 'hex')"
                        + " FROM generate_series(1, 5000) i",
                "CREATE TABLE location (id BIGINT PRIMARY KEY, name TEXT)",
                "INSERT INTO location VALUES (1, 'Bethlehem Steel'), (2, 'Grain elevator ''B''')",
                "CREATE SCHEMA other", "CREATE TABLE other.\"Odd Name\" (x INTEGER)",
                "CREATE TABLE empty_one (x INTEGER)");
        return db;
    }

    @Test
    void aBackupRestoresToTheSameRowsAndLeavesNoTemporaryFileOrScratchDatabase() throws Exception {
        String db = archive();
        PostgresBackup backup = new PostgresBackup(endpoint(db), null);
        Path target = dir.resolve("aupat-2026-12-02_07-00-00" + PostgresBackup.EXTENSION);

        PostgresBackup.Verified verified = backup.backup(target);

        assertThat(verified.file()).isEqualTo(target).isRegularFile();
        assertThat(Files.readAllBytes(target)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
        assertThat(verified.rowCounts()).containsEntry("\"public\".\"media_file\"", 5000L)
                .containsEntry("\"public\".\"location\"", 2L).containsEntry("\"other\".\"Odd Name\"", 0L)
                .containsEntry("\"public\".\"empty_one\"", 0L).hasSize(4);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(scratchDatabases(db)).isZero();

        String copy = pg.newDatabase();
        Map<String, Long> restored = backup.restore(target, endpoint(copy));
        assertThat(restored).isEqualTo(verified.rowCounts());
        assertThat(fingerprint(copy)).isEqualTo(fingerprint(db));
    }

    @Test
    void aRowWrittenWhileTheDumpRunsIsNotAFalseMismatchTheBackupHoldsTheSnapshotOfItsCounts() throws Exception {
        String db = archive();
        // pg_dump that lets another "machine" insert a row after the counts were taken, then dumps
        Path tools = fakeTools("\"" + pg.bin().resolve("psql") + "\" -q -c \"INSERT INTO location VALUES (3, 'late')\""
                + " >/dev/null && exec \"" + pg.bin().resolve("pg_dump") + "\" \"$@\"");

        PostgresBackup.Verified verified = new PostgresBackup(endpoint(db), tools).backup(dir.resolve("a.dump"));

        assertThat(verified.rowCounts()).containsEntry("\"public\".\"location\"", 2L);
        assertThat(single(db, "SELECT count(*) FROM location")).isEqualTo("3");
    }

    @Test
    void thePasswordReachesPgDumpInItsEnvironmentOnlyNeverOnItsCommandLine() throws Exception {
        String db = archive();
        Path seen = dir.resolve("seen.txt");
        Path tools = fakeTools("echo \"args: $*\" >> \"" + seen + "\"; echo \"password set: ${PGPASSWORD:+yes}\" >> \""
                + seen + "\"; exec \"" + pg.bin().resolve("pg_dump") + "\" \"$@\"");

        new PostgresBackup(endpoint(db), tools).backup(dir.resolve("b.dump"));

        assertThat(Files.readString(seen)).contains("args: --format=custom --snapshot=").contains("password set: yes")
                .doesNotContain(LocalPostgres.PASSWORD);
    }

    @Test
    void aDamagedDumpIsFoundByTheVerificationAndItsScratchDatabaseIsDropped() throws Exception {
        String db = archive();
        PostgresBackup backup = new PostgresBackup(endpoint(db), null);
        PostgresBackup.Verified good = backup.backup(dir.resolve("good.dump"));
        long size = Files.size(good.file());

        Path zeroed = Files.copy(good.file(), dir.resolve("zeroed.dump"));
        try (RandomAccessFile file = new RandomAccessFile(zeroed.toFile(), "rw")) {
            file.seek(size * 2 / 3); // inside the compressed table data, which is most of this dump
            file.write(new byte[512]);
        }
        assertThatThrownBy(() -> backup.verify(zeroed, good.rowCounts())).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("the backup " + zeroed + " does not restore: pg_restore exited 1: pg_restore:")
                .satisfies(e -> assertThat(((AupatError) e).exitCode()).isEqualTo(ExitCode.FAILED));

        Path truncated = Files.copy(good.file(), dir.resolve("truncated.dump"));
        try (RandomAccessFile file = new RandomAccessFile(truncated.toFile(), "rw")) {
            file.setLength(size / 2);
        }
        assertThatThrownBy(() -> backup.verify(truncated, good.rowCounts())).isInstanceOf(BackupError.class)
                .hasMessageContaining("does not restore");

        Map<String, Long> moreRows = new HashMap<>(good.rowCounts());
        moreRows.put("\"public\".\"location\"", 3L);
        assertThatThrownBy(() -> backup.verify(good.file(), moreRows)).isInstanceOf(BackupError.class)
                .hasMessageContaining("does not restore to the rows of " + endpoint(db).describe()
                        + ": table \"public\".\"location\": 3 rows in the database, 2 rows in the backup");
        assertThat(scratchDatabases(db)).isZero();
    }

    @Test
    void aFailedDumpLeavesNoFileAndSaysWhatPgDumpSaid() throws Exception {
        String db = archive();
        // It writes part of a dump where it was told to (its --file= argument, wherever that stands) and fails.
        Path tools = fakeTools("for a; do case $a in --file=*) out=${a#--file=};; esac; done;"
                + " echo 'pg_dump: error: query failed: out of cheese' >&2; echo partial > \"$out\"; exit 1");
        Path target = dir.resolve("c.dump");

        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), tools).backup(target)).isInstanceOf(BackupError.class)
                .hasMessage("the backup of " + endpoint(db).describe() + " failed: pg_dump exited 1: pg_dump: error:"
                        + " query failed: out of cheese. Nothing was kept; the database is unchanged.");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> !f.equals(tools))).isEmpty();
        }
    }

    @Test
    void aDumpDamagedOnItsWayToDiskFailsTheBackupAndNothingIsKept() throws Exception {
        String db = archive();
        Path tools = fakeTools("for a; do case $a in --file=*) out=${a#--file=};; esac; done; \"" + pg.bin().resolve("pg_dump")
                + "\" \"$@\" && truncate -s 2000 \"$out\"");
        Path target = dir.resolve("j.dump");

        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), tools).backup(target)).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("the backup " + target + " does not restore: pg_restore exited 1: pg_restore:")
                .hasMessageEndingWith(" Nothing was kept; the database is unchanged.");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(f -> !f.equals(tools))).isEmpty();
        }
        assertThat(scratchDatabases(db)).isZero();
    }

    @Test
    void aMissingOrOlderPgDumpIsOneLineWithExit3() throws Exception {
        String db = archive();
        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), dir.resolve("nowhere")).backup(dir.resolve("d.dump")))
                .isInstanceOf(PreflightError.class)
                .satisfies(e -> assertThat(((AupatError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT))
                .hasMessageStartingWith("aupat.pg-dump is " + dir.resolve("nowhere") + ", but there is no executable"
                        + " pg_dump there")
                .hasMessageContaining("Install the package postgresql-client-").hasMessageNotContaining("\n");

        Path old = fakeTools("echo 'pg_dump (PostgreSQL) 9.6.24'");
        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), old).backup(dir.resolve("e.dump")))
                .isInstanceOf(PreflightError.class)
                .hasMessageContaining("but " + old.resolve("pg_dump") + " is version 9.")
                .hasMessageNotContaining("\n");

        assertThatThrownBy(() -> PostgresClientPrograms.locate(null, 150004, "h:5432/db", dir.resolve("no-debian"), ""))
                .isInstanceOf(PreflightError.class).hasMessage("pg_dump is not installed; the backup needs pg_dump 15"
                        + " or newer (the server h:5432/db is PostgreSQL 15). Install the package postgresql-client-15"
                        + " or set aupat.pg-dump to the path of a pg_dump of version 15 or newer.");
    }

    @Test
    void pgDumpIsFoundBesideTheServersVersion() {
        PostgresClientPrograms found = PostgresClientPrograms.locate(null, 10000 * majorOf(pg.bin()), "x",
                pg.bin().getParent().getParent(), "");
        assertThat(found.pgDump()).isEqualTo(pg.bin().resolve("pg_dump"));
        assertThat(found.pgRestore()).isEqualTo(pg.bin().resolve("pg_restore"));
        assertThat(found.major()).isEqualTo(majorOf(pg.bin()));
    }

    @Test
    void aScratchDatabaseAKilledBackupLeftIsDroppedByTheNext() throws Exception {
        String db = archive();
        String left = PostgresBackup.SCRATCH_PREFIX + tag(db) + "_deadbeef";
        pg.execute("postgres", "CREATE DATABASE " + left);
        assertThat(scratchDatabases(db)).isOne();

        new PostgresBackup(endpoint(db), null).backup(dir.resolve("f.dump"));

        assertThat(scratchDatabases(db)).isZero();
    }

    @Test
    void aRoleThatMayNotCreateDatabasesIsToldHowToLetIt() throws Exception {
        String db = archive();
        String role = "reader_" + ProcessHandle.current().pid();
        readingRole(db, role, "LOGIN PASSWORD 'reader-pw'");
        Path target = dir.resolve("g.dump");

        assertThatThrownBy(() -> new PostgresBackup(new PostgresEndpoint(pg.url(db), role, "reader-pw"), null)
                .backup(target)).isInstanceOf(BackupError.class)
                .hasMessageContaining("cannot create the scratch database the backup is verified in")
                .hasMessageContaining("ALTER ROLE " + role + " CREATEDB;").hasMessageNotContaining("reader-pw");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("g.dump" + PostgresBackup.TEMP_SUFFIX)).doesNotExist();
    }

    @Test
    void aRestoreIsRefusedIntoADatabaseThatHoldsTablesWithExit3() throws Exception {
        String db = archive();
        PostgresBackup backup = new PostgresBackup(endpoint(db), null);
        Path dump = backup.backup(dir.resolve("h.dump")).file();
        String busy = pg.newDatabase();
        pg.execute(busy, "CREATE TABLE precious (x INTEGER)", "INSERT INTO precious VALUES (1)");

        assertThatThrownBy(() -> backup.restore(dump, endpoint(busy))).isInstanceOf(PreflightError.class)
                .hasMessageContaining("is not empty (it holds 1 tables); a backup is restored only into an empty"
                        + " database");
        assertThat(single(busy, "SELECT count(*) FROM precious")).isEqualTo("1");
        assertThatThrownBy(() -> backup.restore(dir.resolve("none.dump"), endpoint(pg.newDatabase())))
                .isInstanceOf(PreflightError.class).hasMessageContaining("does not exist");
    }

    @Test
    void aRestoreOfADamagedDumpLeavesTheTargetEmpty() throws Exception {
        String db = archive();
        PostgresBackup backup = new PostgresBackup(endpoint(db), null);
        Path dump = backup.backup(dir.resolve("i.dump")).file();
        try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "rw")) {
            file.seek(Files.size(dump) * 2 / 3);
            file.write(new byte[512]);
        }
        String target = pg.newDatabase();
        assertThatThrownBy(() -> backup.restore(dump, endpoint(target))).isInstanceOf(BackupError.class)
                .hasMessageContaining("does not restore");
        assertThat(single(target, "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog',"
                + " 'information_schema')")).as("one transaction: all or nothing").isEqualTo("0");
    }

    @Test
    void anExistingBackupIsNeverWrittenOver() throws Exception {
        Path target = Files.writeString(dir.resolve("k.dump"), "yesterday's backup");

        assertThatThrownBy(() -> new PostgresBackup(endpoint(pg.newDatabase()), null).backup(target))
                .isInstanceOf(BackupError.class)
                .hasMessage("the backup " + target + " exists already; a backup is never overwritten.");
        assertThat(target).hasContent("yesterday's backup");
    }

    @Test
    void aWrongPasswordOrAMissingDatabaseFailsBackupVerifyAndRestoreWithoutShowingThePassword() throws Exception {
        String db = archive();
        PostgresBackup.Verified good = new PostgresBackup(endpoint(db), null).backup(dir.resolve("good.dump"));
        PostgresBackup wrong = new PostgresBackup(new PostgresEndpoint(pg.url(db), LocalPostgres.USER, "wrong-pw-42"),
                null);
        Path target = dir.resolve("l.dump");

        assertThatThrownBy(() -> wrong.backup(target)).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("the backup of " + endpoint(db).describe() + " failed: FATAL: password"
                        + " authentication failed for user \"" + LocalPostgres.USER + "\"")
                .hasMessageEndingWith(". Nothing was kept; the database is unchanged.")
                .hasMessageNotContaining("wrong-pw-42");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("l.dump" + PostgresBackup.TEMP_SUFFIX)).doesNotExist();

        assertThatThrownBy(() -> wrong.verify(good.file(), good.rowCounts())).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("cannot verify the backup " + good.file() + " on " + endpoint(db).describe()
                        + ": FATAL: password authentication failed").hasMessageNotContaining("wrong-pw-42");

        String notCreated = "never_created_" + ProcessHandle.current().pid();
        assertThatThrownBy(() -> wrong.restore(good.file(), endpoint(notCreated))).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("cannot restore " + good.file() + " into " + endpoint(notCreated).describe()
                        + ": FATAL: database \"" + notCreated + "\" does not exist");
        assertThat(good.file()).as("the backup itself is untouched").isRegularFile();
    }

    @Test
    void aLeftScratchDatabaseTheRoleMayNotDropDoesNotStopTheBackup() throws Exception {
        String db = archive();
        String role = "keeper_" + ProcessHandle.current().pid();
        readingRole(db, role, "LOGIN CREATEDB PASSWORD 'keeper-pw'");
        // left by a backup an administrator ran as another role: this one may not drop it
        String left = PostgresBackup.SCRATCH_PREFIX + tag(db) + "_0badf00d";
        pg.execute("postgres", "CREATE DATABASE " + left);
        try {
            PostgresBackup.Verified verified = new PostgresBackup(new PostgresEndpoint(pg.url(db), role, "keeper-pw"),
                    null).backup(dir.resolve("m.dump"));

            assertThat(verified.file()).isRegularFile();
            assertThat(verified.rowCounts()).containsEntry("\"public\".\"media_file\"", 5000L);
            assertThat(scratchDatabases(db)).as("only the one it could not drop; its own is gone").isOne();
        } finally {
            pg.execute("postgres", "DROP DATABASE " + left);
        }
    }

    @Test
    void aPgRestoreThatCannotBeStartedFailsTheBackupNamingItAndNothingIsKept() throws Exception {
        String db = archive();
        Path tools = Files.createDirectories(dir.resolve("broken-tools"));
        Files.createSymbolicLink(tools.resolve("pg_dump"), pg.bin().resolve("pg_dump"));
        // a half-removed installation: the script is there, its interpreter is not
        Path pgRestore = Files.writeString(tools.resolve("pg_restore"), "#!/nonexistent/bin/sh\n");
        Files.setPosixFilePermissions(pgRestore, PosixFilePermissions.fromString("rwx------"));
        Path target = dir.resolve("n.dump");

        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), tools).backup(target)).isInstanceOf(BackupError.class)
                .hasMessageStartingWith("the backup " + target + " does not restore: cannot run " + pgRestore + ": ")
                .hasMessageEndingWith(" Nothing was kept; the database is unchanged.");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("n.dump" + PostgresBackup.TEMP_SUFFIX)).doesNotExist();
        assertThat(scratchDatabases(db)).isZero();
    }

    @Test
    void aPgDumpThatReportsSuccessButWritesNoFileFailsTheBackup() throws Exception {
        String db = archive();
        Path tools = fakeTools("exit 0");
        Path target = dir.resolve("o.dump");
        Path temp = dir.resolve("o.dump" + PostgresBackup.TEMP_SUFFIX);

        assertThatThrownBy(() -> new PostgresBackup(endpoint(db), tools).backup(target)).isInstanceOf(BackupError.class)
                .hasMessage("cannot flush the backup " + temp + " to disk: java.nio.file.NoSuchFileException: " + temp
                        + ". Nothing was kept; the database is unchanged.");
        assertThat(target).doesNotExist();
    }

    @Test
    void aGoodBackupVerifiesAgainLaterAndOneAgainstOtherCountsNamesAtMostFiveOfTheTablesThatDiffer() throws Exception {
        String db = archive();
        PostgresBackup backup = new PostgresBackup(endpoint(db), null);
        PostgresBackup.Verified good = backup.backup(dir.resolve("p.dump"));
        pg.execute(db, "INSERT INTO location VALUES (3, 'written after the backup')");

        backup.verify(good.file(), good.rowCounts()); // the backup's own counts, not today's database
        assertThat(scratchDatabases(db)).isZero();
        Map<String, Long> another = new HashMap<>(good.rowCounts());
        for (int i = 1; i <= 7; i++) {
            another.put("\"public\".\"a_" + i + "\"", (long) i);
        }

        assertThatThrownBy(() -> backup.verify(good.file(), another)).isInstanceOf(BackupError.class)
                .hasMessage("the backup " + good.file() + " does not restore to the rows of " + endpoint(db).describe()
                        + ": table \"public\".\"a_1\": 1 rows in the database, absent in the backup; table"
                        + " \"public\".\"a_2\": 2 rows in the database, absent in the backup; table \"public\".\"a_3\": 3"
                        + " rows in the database, absent in the backup; table \"public\".\"a_4\": 4 rows in the database,"
                        + " absent in the backup; table \"public\".\"a_5\": 5 rows in the database, absent in the backup;"
                        + " ....");
        assertThat(scratchDatabases(db)).isZero();
    }

    @Test
    void aPgDumpWithoutPgRestoreBesideItOrOneThatCannotBeStartedIsRefusedWithExit3() throws Exception {
        Path alone = Files.createDirectories(dir.resolve("alone"));
        Files.createSymbolicLink(alone.resolve("pg_dump"), pg.bin().resolve("pg_dump"));
        int server = 10000 * majorOf(pg.bin());
        assertThatThrownBy(() -> PostgresClientPrograms.locate(alone, server, "h:5432/db"))
                .isInstanceOf(PreflightError.class)
                .satisfies(e -> assertThat(((AupatError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT))
                .hasMessageStartingWith("there is no pg_restore beside " + alone.resolve("pg_dump") + ", and the backup"
                        + " is verified by restoring it. Install the package postgresql-client-");

        Path broken = Files.writeString(dir.resolve("pg_dump"), "#!/nonexistent/bin/sh\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        assertThatThrownBy(() -> PostgresClientPrograms.locate(broken, 150004, "h:5432/db"))
                .isInstanceOf(PreflightError.class)
                .hasMessage("the backup needs pg_dump 15 or newer (the server h:5432/db is PostgreSQL 15), but " + broken
                        + " is version unknown. Install the package postgresql-client-15 or set aupat.pg-dump to the"
                        + " path of a pg_dump of version 15 or newer.");
    }

    /** A folder with a pg_dump running {@code body} (the real one for --version) and the real pg_restore. */
    private Path fakeTools(String body) throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools-" + System.nanoTime()));
        Path pgDump = tools.resolve("pg_dump");
        String real = pg.bin().resolve("pg_dump").toString();
        boolean versionIsFake = body.startsWith("echo 'pg_dump (PostgreSQL)");
        Files.writeString(pgDump, "#!/bin/sh\n" + (versionIsFake ? ""
                : "if [ \"$1\" = --version ]; then exec \"" + real + "\" --version; fi\n") + body + "\n");
        Files.setPosixFilePermissions(pgDump, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(tools.resolve("pg_restore"), pg.bin().resolve("pg_restore"));
        return tools;
    }

    private long scratchDatabases(String db) throws Exception {
        return Long.parseLong(single("postgres", "SELECT count(*) FROM pg_database WHERE datname LIKE '"
                + PostgresBackup.SCRATCH_PREFIX + tag(db) + "%'"));
    }

    private static String tag(String db) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(db.getBytes(StandardCharsets.UTF_8)), 0, 4);
    }

    /** Every table's rows as text, hashed: equal only when the contents are. */
    private String fingerprint(String db) throws Exception {
        return single(db, "SELECT md5(string_agg(t, '|' ORDER BY t)) FROM (SELECT 'm' || id || sha"
                + " || encode(content, 'hex') AS t FROM media_file UNION ALL SELECT 'l' || id || name FROM location) x");
    }

    private String single(String db, String sql) throws Exception {
        try (Connection c = pg.connect(db); ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static int majorOf(Path bin) {
        return Integer.parseInt(bin.getParent().getFileName().toString());
    }

    /** A role with these attributes that may read every table of the archive {@code db} (enough for pg_dump). */
    private void readingRole(String db, String role, String attributes) {
        pg.execute(db, "CREATE ROLE " + role + " " + attributes, "GRANT USAGE ON SCHEMA other TO " + role,
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role, "GRANT SELECT ON ALL TABLES IN SCHEMA other TO " + role);
    }
}
