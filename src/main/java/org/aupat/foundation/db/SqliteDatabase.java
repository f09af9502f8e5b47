package org.aupat.foundation.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ValidationError;

/**
 * One SQLite file as a DataSource with a single connection (SQLite has one writer). Nothing touches
 * the disk until the first connection: then a file that is not SQLite is refused untouched, the
 * folder is created, a file whose schema is not what its migration history says is refused
 * ({@link MigratedSchema}), and every connection gets WAL, foreign keys, synchronous NORMAL, a busy
 * timeout and IMMEDIATE transactions, set as driver properties (an init SQL with several statements
 * would run only the first).
 */
public class SqliteDatabase extends PooledArchiveDatabase {
    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    static final int BUSY_TIMEOUT_MS = 10_000;

    private final Path file;
    private final String name;
    private final int busyTimeoutMs;

    public SqliteDatabase(Path file, String name) {
        this(file, name, BUSY_TIMEOUT_MS, () -> { });
    }

    /** With a check that runs before the file is first opened or created (and may refuse by throwing). */
    public SqliteDatabase(Path file, String name, Runnable beforeFirstOpen) {
        this(file, name, BUSY_TIMEOUT_MS, beforeFirstOpen);
    }

    /** With a shorter busy timeout, so that a test of a locked database need not wait ten seconds. */
    SqliteDatabase(Path file, String name, int busyTimeoutMs) {
        this(file, name, busyTimeoutMs, () -> { });
    }

    private SqliteDatabase(Path file, String name, int busyTimeoutMs, Runnable beforeFirstOpen) {
        super(beforeFirstOpen);
        this.file = file.toAbsolutePath().normalize();
        this.name = name;
        this.busyTimeoutMs = busyTimeoutMs;
    }

    public Path file() {
        return file;
    }

    /** Whether the database file exists yet (read-only scripts skip work when it does not). */
    @Override
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    @Override
    public String shown() {
        return file.toString();
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.SQLITE;
    }

    /** A file that is not SQLite, or whose schema is not what its history says, is refused before it is opened. */
    @Override
    HikariDataSource open() {
        requireSqliteOrAbsent(file, name);
        SqliteNativeLibrary.load();
        if (exists()) {
            MigratedSchema.requireIntact(file, name);
        }
        createParent();
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl("jdbc:sqlite:" + file);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(BUSY_TIMEOUT_MS * 3L);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("busy_timeout", String.valueOf(busyTimeoutMs));
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseError("cannot open the " + name + " at " + file + ": " + rootMessage(e)
                    + ". Check that the file is an AUPAT database and its folder is writable.", e);
        }
    }

    private void createParent() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new DatabaseError("cannot create the folder " + file.getParent() + " for the " + name + ": " + e, e);
        }
    }

    /** Refuses, without writing a byte, an existing non-empty file that does not start with SQLite's header. */
    public static void requireSqliteOrAbsent(Path file, String what) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new ValidationError(what, file, "is not a regular file. Point the setting at a database file.");
        }
        byte[] head = new byte[HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ValidationError(what, file, "cannot be read: " + e.getMessage());
        }
        if (read == 0) {
            return;
        }
        if (read < HEADER.length || !Arrays.equals(head, HEADER)) {
            throw new ValidationError(what, file, "is not an SQLite database; it was left untouched."
                    + " Point the setting at an AUPAT database or at a path where a new one may be created.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
