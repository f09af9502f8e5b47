package org.aupat.foundation.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import org.aupat.foundation.error.BackupError;
import org.aupat.foundation.error.PreflightError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verified backups of an archive database on PostgreSQL, and their restore. A backup is {@code pg_dump -Fc}
 * (custom format: compressed, checksummed by zlib, restorable table by table) written to
 * {@code <target>.aupat-tmp}, flushed to disk, proven by restoring it into a scratch database and comparing the
 * row count of every table with the source, and only then renamed to {@code target}; on any failure no file is
 * left. The source's counts and the dump see the same snapshot (a REPEATABLE READ transaction exports it and
 * pg_dump runs with {@code --snapshot}), so other machines writing meanwhile never cause a false mismatch.
 *
 * <p>The scratch database ({@code aupat_verify_<8 hex of the database name>_<random>}) is created from
 * {@code template0} and always dropped, also when the verification fails; the role needs {@code CREATEDB}.
 * One a killed run left is dropped by the next backup, which runs under the archive's run lock.
 *
 * <p>pg_dump and pg_restore come from beside the server's version (see {@code PostgresClientPrograms}); missing
 * or older than the server is one line, exit 3. They get the password in their environment ({@code PGPASSWORD})
 * only, never on their command line, and nothing here logs it.
 *
 * <p>Naming and retention of the files stay with the caller (the backups folder of the archive); this class
 * writes exactly the {@code target} it is given.
 */
public final class PostgresBackup {
    /** The temporary name of a backup being written: the backups folder's own suffix, so leftovers are found. */
    public static final String TEMP_SUFFIX = ".aupat-tmp";
    /** The file name extension for these backups: a pg_dump custom-format archive, not an SQLite file. */
    public static final String EXTENSION = ".dump";
    static final String SCRATCH_PREFIX = "aupat_verify_";
    /** The application name pg_restore's sessions carry, so a restore a killed run left is found. */
    static final String RESTORE_APPLICATION = "aupat pg_restore";
    private static final Logger log = LoggerFactory.getLogger(PostgresBackup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresEndpoint database;
    private final Path configuredPgDump;

    /**
     * @param database         the archive's database
     * @param configuredPgDump the {@code aupat.pg-dump} setting (pg_dump or its folder), or null to look for it
     */
    public PostgresBackup(PostgresEndpoint database, Path configuredPgDump) {
        this.database = database;
        this.configuredPgDump = configuredPgDump;
    }

    /** A backup that restored to the same rows as its source: the file and the row count of every table. */
    public record Verified(Path file, Map<String, Long> rowCounts) {
    }

    /**
     * Writes and verifies a backup to {@code target} (which must not exist; its folder must). Throws
     * {@link PreflightError} (exit 3) for a missing or too old pg_dump and {@link BackupError} for a backup
     * that could not be made or did not verify; then neither {@code target} nor its temporary file exists.
     * Call it under the archive's run lock.
     */
    public Verified backup(Path target) {
        if (Files.exists(target)) {
            throw new BackupError("the backup " + target + " exists already; a backup is never overwritten.");
        }
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (Connection snapshot = connect(database)) {
            PostgresClientPrograms programs = programs(snapshot);
            removeLeftScratchDatabases(snapshot);
            snapshot.setAutoCommit(false);
            snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            snapshot.setReadOnly(true);
            String id = single(snapshot, "SELECT pg_export_snapshot()");
            Map<String, Long> counts = rowCounts(snapshot);
            try {
                run(programs.pgDump(), database, "pg_dump", List.of("--format=custom", "--snapshot=" + id,
                        "--no-password", "--file=" + temp));
            } catch (BackupError e) {
                throw new BackupError("the backup of " + database.describe() + " failed: " + e.getMessage() + ".", e);
            }
            snapshot.commit();
            flush(temp);
            verify(temp, target, counts, programs);
            move(temp, target);
            log.info("PostgreSQL backup {} of {} written and verified ({} tables)", target, database.describe(),
                    counts.size());
            return new Verified(target, counts);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw new BackupError("the backup of " + database.describe() + " failed: " + e.getMessage()
                    + ". Nothing was kept; the database is unchanged.", e);
        } catch (BackupError e) {
            deleteQuietly(temp);
            throw new BackupError(e.getMessage() + " Nothing was kept; the database is unchanged.", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Proves {@code dump} restorable to {@code expected} (table -> rows, as {@link Verified#rowCounts()}): restores
     * it into a scratch database, compares, and drops the scratch database whatever happened. A dump that does not
     * restore (a damaged file) or restores to other counts is a {@link BackupError}.
     */
    public void verify(Path dump, Map<String, Long> expected) {
        try (Connection c = connect(database)) {
            verify(dump, dump, expected, programs(c));
        } catch (SQLException e) {
            throw new BackupError("cannot verify the backup " + dump + " on " + database.describe() + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /** {@code shownAs}: the name messages give the dump (its final name while it is still temporary). */
    private void verify(Path dump, Path shownAs, Map<String, Long> expected, PostgresClientPrograms programs) {
        String scratch = SCRATCH_PREFIX + databaseTag() + "_" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        try (Connection admin = connect(database)) {
            String encoding = single(admin, "SELECT pg_encoding_to_char(encoding) FROM pg_database"
                    + " WHERE datname = current_database()");
            try (Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + scratch + " TEMPLATE template0 ENCODING '" + encoding.replace("'", "")
                        + "'");
            } catch (SQLException e) {
                throw new BackupError("cannot create the scratch database the backup is verified in: " + e.getMessage()
                        + ". Let the PostgreSQL role create databases: ALTER ROLE " + roleName(admin) + " CREATEDB;", e);
            }
            try {
                PostgresEndpoint target = database.withDatabase(scratch);
                restoreInto(programs, dump, shownAs, target, false);
                Map<String, Long> actual;
                try (Connection restored = connect(target)) {
                    actual = rowCounts(restored);
                }
                if (!expected.equals(actual)) {
                    throw new BackupError("the backup " + shownAs + " does not restore to the rows of " + database.describe()
                            + ": " + differences(expected, actual) + ".");
                }
            } finally {
                drop(admin, scratch);
            }
        } catch (SQLException e) {
            throw new BackupError("cannot verify the backup " + shownAs + " on " + database.describe() + ": "
                    + e.getMessage() + ".", e);
        }
    }

    /**
     * Restores {@code dump} into {@code emptyDatabase} (on this server or another; create it first with
     * {@code CREATE DATABASE name}) in one transaction: all of it or nothing. A database that holds any table is
     * refused (exit 3), so that a restore never mixes with or overwrites an archive. Returns the row count of
     * every table restored; objects are owned by the restoring role ({@code --no-owner --no-acl}).
     */
    public Map<String, Long> restore(Path dump, PostgresEndpoint emptyDatabase) {
        if (!Files.isRegularFile(dump)) {
            throw new PreflightError("the backup " + dump + " does not exist. Name a .dump file of the backups folder.");
        }
        try (Connection target = connect(emptyDatabase)) {
            endLeftRestores(target);
            List<String> before = tables(target);
            if (!before.isEmpty()) {
                throw new PreflightError("the database " + emptyDatabase.describe() + " is not empty (it holds "
                        + before.size() + " tables); a backup is restored only into an empty database. Create one:"
                        + " CREATE DATABASE name; and name it instead.");
            }
            restoreInto(programs(target), dump, dump, emptyDatabase, true);
            Map<String, Long> counts = rowCounts(target);
            log.info("backup {} restored into {} ({} tables)", dump, emptyDatabase.describe(), counts.size());
            return counts;
        } catch (SQLException e) {
            throw new BackupError("cannot restore " + dump + " into " + emptyDatabase.describe() + ": " + e.getMessage()
                    + ".", e);
        }
    }

    /** Whether the connection's database holds no table (system schemas aside): what a restore may fill. */
    public static boolean holdsNoTable(Connection c) throws SQLException {
        return tables(c).isEmpty();
    }

    /**
     * Ends the restores into the connection's database that a killed run left running: pg_restore outlives a
     * process killed with kill -9, and its one transaction, rolled back here, leaves the database as empty as it
     * was. If it committed first, the database is whole. Either way the caller then sees the database as it
     * stays. Restores run under the run lock, so none of them belongs to a live run; a restore by hand
     * (application name pg_restore) is not AUPAT's and is left alone.
     */
    public static void endLeftRestores(Connection c) throws SQLException {
        String left = " FROM pg_stat_activity WHERE datname = current_database() AND application_name = ?"
                + " AND pid <> pg_backend_pid()";
        int ended = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(pid)" + left)) {
            s.setString(1, RESTORE_APPLICATION);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ended++;
                }
            }
        }
        if (ended == 0) {
            return;
        }
        log.warn("ended {} restore(s) into {} that an interrupted run left running", ended, c.getCatalog());
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        try (PreparedStatement s = c.prepareStatement("SELECT count(*)" + left)) {
            s.setString(1, RESTORE_APPLICATION);
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new BackupError("a restore into " + c.getCatalog() + " that an interrupted run left is still"
                            + " running a minute after it was ended; wait for it, then run again.");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupError("interrupted while waiting for a restore an interrupted run left to end", e);
        }
    }

    private void restoreInto(PostgresClientPrograms programs, Path dump, Path shownAs, PostgresEndpoint target,
            boolean atomic) {
        List<String> options = new ArrayList<>(List.of("--exit-on-error", "--no-owner", "--no-acl", "--no-password",
                "--dbname=" + conninfoDatabase(target.database())));
        if (atomic) {
            options.add("--single-transaction");
        }
        options.add(dump.toString());
        try {
            run(programs.pgRestore(), target, "pg_restore", options);
        } catch (BackupError e) {
            throw new BackupError("the backup " + shownAs + " does not restore: " + e.getMessage(), e);
        }
    }

    /** {@code dbname='...'}: a conninfo with only the database, so a name is never read as options. */
    private static String conninfoDatabase(String name) {
        return "dbname='" + name.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Runs a client program with the connection in its environment. Its standard output is not used (both write
     * to files or the database); its standard error is kept for the message.
     */
    private static void run(Path program, PostgresEndpoint target, String name, List<String> options) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.putAll(target.libpqEnvironment());
        env.put("PGAPPNAME", "aupat " + name);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new BackupError(name + " exited " + exit + ": " + firstError(errors));
            }
        } catch (IOException e) {
            throw new BackupError("cannot run " + program + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupError(name + " was interrupted", e);
        }
    }

    /** The first "error:" line of pg_dump's or pg_restore's complaints (the rest repeats it), else the first line. */
    static String firstError(String errors) {
        List<String> lines = errors.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String chosen = lines.stream().filter(l -> l.contains("error:")).findFirst()
                .orElse(lines.isEmpty() ? "no message" : lines.get(0));
        return chosen.length() > 300 ? chosen.substring(0, 300) + "..." : chosen;
    }

    private PostgresClientPrograms programs(Connection c) throws SQLException {
        int version = Integer.parseInt(single(c, "SHOW server_version_num"));
        return PostgresClientPrograms.locate(configuredPgDump, version, database.describe());
    }

    /** Every table's row count, {@code schema.table} -> rows, system schemas left out. */
    static Map<String, Long> rowCounts(Connection c) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : tables(c)) {
            counts.put(table, Long.parseLong(single(c, "SELECT count(*) FROM ONLY " + table)));
        }
        return counts;
    }

    /** Every table, {@code schema.table} quoted, system schemas left out. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT n.nspname, c.relname FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
                + " AND n.nspname NOT LIKE 'pg\\_temp%'")) {
            while (r.next()) {
                tables.add(quote(r.getString(1)) + "." + quote(r.getString(2)));
            }
        }
        return tables;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String differences(Map<String, Long> expected, Map<String, Long> actual) {
        List<String> found = new ArrayList<>();
        for (String table : new TreeSet<>(union(expected, actual))) {
            Long e = expected.get(table);
            Long a = actual.get(table);
            if (e == null || !e.equals(a)) {
                found.add("table " + table + ": " + (e == null ? "absent" : e + " rows") + " in the database, "
                        + (a == null ? "absent" : a + " rows") + " in the backup");
            }
            if (found.size() == 5) {
                found.add("...");
                break;
            }
        }
        return String.join("; ", found);
    }

    private static TreeSet<String> union(Map<String, Long> a, Map<String, Long> b) {
        TreeSet<String> all = new TreeSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    /**
     * Scratch databases of this archive's database that a killed backup left: backups run under the run lock,
     * so none belongs to a live run.
     */
    private void removeLeftScratchDatabases(Connection admin) throws SQLException {
        List<String> left = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            s.setString(1, SCRATCH_PREFIX.replace("_", "\\_") + databaseTag() + "\\_%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getString(1).matches(SCRATCH_PREFIX + databaseTag() + "_[0-9a-f]{8}")) {
                        left.add(r.getString(1));
                    }
                }
            }
        }
        for (String name : left) {
            log.warn("dropping the scratch database {}, left by an interrupted backup", name);
            drop(admin, name);
        }
    }

    /** Drops a scratch database, disconnecting anyone left in it; a failure is a warning, the next backup retries. */
    private static void drop(Connection admin, String scratch) {
        try (Statement s = admin.createStatement()) {
            boolean force = admin.getMetaData().getDatabaseMajorVersion() >= 13;
            s.execute("DROP DATABASE IF EXISTS " + scratch + (force ? " WITH (FORCE)" : ""));
        } catch (SQLException e) {
            log.warn("could not drop the scratch database {} on the server of the archive: {}; the next backup"
                    + " drops it", scratch, e.getMessage());
        }
    }

    /** 8 hex digits of SHA-256 of the database name: scratch names fit PostgreSQL's 63 bytes whatever the name. */
    private String databaseTag() {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(database.database().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String roleName(Connection c) {
        try {
            return single(c, "SELECT current_user");
        } catch (SQLException e) {
            return "<role>";
        }
    }

    private static Connection connect(PostgresEndpoint endpoint) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "aupat backup");
        return endpoint.connect(properties);
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static void flush(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            throw new BackupError("cannot flush the backup " + file + " to disk: " + e + ".", e);
        }
    }

    /** Renames the verified file to its name and flushes the folder, so the name survives a power cut. */
    private static void move(Path temp, Path target) {
        try {
            // temp is target's sibling, so one file system: the atomic rename is always possible.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            } catch (IOException e) {
                // some file systems (network shares) cannot flush a folder; the file itself is on disk
            }
        } catch (IOException e) {
            throw new BackupError("cannot rename " + temp + " to " + target + ": " + e + ".", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}, left by a failed backup: {}; delete it by hand", file, e.getMessage());
        }
    }
}
