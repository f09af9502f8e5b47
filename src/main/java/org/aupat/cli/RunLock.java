package org.aupat.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.db.ArchiveIdentity;
import org.aupat.foundation.db.PostgresAdvisoryLock;
import org.aupat.foundation.db.PostgresDatabase;
import org.aupat.foundation.preflight.DatabaseOnLocalDisk;
import org.springframework.beans.factory.annotation.Autowired;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.LockHeldError;
import org.springframework.stereotype.Component;

/**
 * One writing run at a time. For an SQLite database: an OS file lock on {@code <database>.lock}. The OS
 * releases it when the process dies, so a stale lock file from a killed run never blocks; the file only names
 * the holder. For a database on PostgreSQL, shared by several machines: the archive's advisory lock on the
 * server ({@link PostgresAdvisoryLock}, keyed by the archive's identity), so a second writer on any machine
 * gets exit 75 as on one machine; importers hold it shared (see {@link #mode}).
 */
@Component
public class RunLock {
    private final Path lockFile;
    private final DatabaseOnLocalDisk localDisk;
    private final ArchiveDatabase database;
    private final ArchiveIdentity identity;

    @Autowired
    public RunLock(AupatProperties properties, DatabaseOnLocalDisk localDisk, ArchiveDatabase database,
            ArchiveIdentity identity) {
        this.lockFile = properties.runLock();
        this.localDisk = localDisk;
        this.database = database;
        this.identity = identity;
    }

    /** An SQLite archive's lock, with the system's mount table. */
    public RunLock(AupatProperties properties) {
        this(properties, new DatabaseOnLocalDisk(properties, null), null, null);
    }

    /**
     * How a script holds the server's lock. db_import may run on several machines at once: its dedupe check
     * and insert are one transaction behind the unique SHA-256, so two importers never record one file twice
     * (docs/postgresql.md). Every other writer holds it alone.
     */
    static PostgresAdvisoryLock.Mode mode(String script) {
        return "db_import".equals(script) ? PostgresAdvisoryLock.Mode.SHARED : PostgresAdvisoryLock.Mode.EXCLUSIVE;
    }

    /**
     * Takes the lock or throws LockHeldError naming the script and pid that hold it. A lock (or database) on a
     * network or FUSE file system is refused first (exit 3), before the lock file is made.
     */
    public Held acquire(String script) {
        localDisk.require();
        if (database instanceof PostgresDatabase server) {
            // Before the first db_migrate there is no identity yet: the database's name stands in for it.
            String archive = identity.find().orElse("unmigrated " + server.server().database());
            PostgresAdvisoryLock.Held held = new PostgresAdvisoryLock(server.endpoint(), archive).acquire(script,
                    mode(script));
            return new Held(held::close);
        }
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                throw new LockHeldError("another AUPAT run holds the lock on " + lockFile + " (" + holder
                        + "). Wait for it to finish, then run again.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((script + " pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return new Held(() -> {
                try {
                    lock.release();
                    channel.close();
                } catch (IOException ignored) {
                    // The OS drops the lock with the process anyway.
                }
            });
        } catch (IOException e) {
            throw new FileSystemError("cannot open the lock file " + lockFile + ": " + e.getMessage()
                    + ". Check that its folder is writable.", e);
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(200);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? "unknown script" : text;
    }

    /** A held lock; closing releases it. */
    public static final class Held implements AutoCloseable {
        private final Runnable release;

        Held(Runnable release) {
            this.release = release;
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
