package org.aupat.foundation.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.LockHeldError;

/**
 * The run lock of an archive whose database is on PostgreSQL: one writing run at a time across every machine
 * that shares the archive, as {@code RunLock}'s file lock does on one machine. It is a session-level advisory
 * lock ({@code pg_try_advisory_lock}) taken on a connection of its own that stays open for the whole run, so:
 * <ul>
 * <li>closing {@link Held} releases it; a process that dies (kill -9, a crash) drops its connection, and the
 * server releases the lock with the session. For a machine that vanishes (power, network), the lock's session
 * asks the server for TCP keepalives ({@value #KEEPALIVE_IDLE_SECONDS} s idle, then {@value #KEEPALIVE_PROBES}
 * probes {@value #KEEPALIVE_INTERVAL_SECONDS} s apart), so the server frees it about two minutes later rather
 * than after the system's default two hours;</li>
 * <li>the holder is named without any table: the lock's connection sets its {@code application_name} to
 * {@code aupat <script> pid <pid> on <host>}, and a refused run reads it from {@code pg_stat_activity} through
 * {@code pg_locks}, so its error names the script, process and machine that hold the lock.</li>
 * </ul>
 * A refused run gets {@link LockHeldError} (exit 75), worded as the file lock's. Runs that may overlap each other
 * can hold it {@link Mode#SHARED shared}; an exclusive holder excludes them and they exclude it.
 *
 * <p>The key (see {@link #key(String)}): the first 8 bytes, big-endian, of SHA-256 over
 * {@code "aupat-run-lock\0" + archive identity}. Advisory locks are per database already; the identity makes the
 * key the archive's, and the prefix keeps it clear of other applications' advisory locks in the same database.
 * The identity must be the same for every run of the archive, from its first db_migrate on.
 *
 * <p>A connection pooler in transaction mode (pgbouncer {@code pool_mode=transaction}) cannot carry session
 * locks: connect AUPAT to the server itself or to a session-mode pool.
 */
public final class PostgresAdvisoryLock {
    static final String NAMESPACE = "aupat-run-lock\0";
    static final String APPLICATION_PREFIX = "aupat ";
    static final int KEEPALIVE_IDLE_SECONDS = 60;
    static final int KEEPALIVE_INTERVAL_SECONDS = 15;
    static final int KEEPALIVE_PROBES = 4;
    /** PostgreSQL keeps the first 63 bytes of an application_name (NAMEDATALEN - 1). */
    private static final int APPLICATION_NAME_BYTES = 63;
    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final PostgresEndpoint database;
    private final long key;

    /**
     * @param database        the archive's database
     * @param archiveIdentity the archive's identity string (stable for the archive's life; see the class)
     */
    public PostgresAdvisoryLock(PostgresEndpoint database, String archiveIdentity) {
        this.database = database;
        this.key = key(archiveIdentity);
    }

    /** The advisory lock key of an archive: SHA-256 of the namespace and the identity, first 8 bytes. */
    public static long key(String archiveIdentity) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256")
                    .digest((NAMESPACE + archiveIdentity).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(sha, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** How a run holds the lock. */
    public enum Mode {
        /** Alone: no other run of the archive, shared or exclusive, on any machine. The run lock of every writer. */
        EXCLUSIVE,
        /**
         * Beside other shared holders, never beside an exclusive one: for runs that may safely overlap each other
         * (for instance importers whose dedupe check and insert are one transaction behind a unique constraint).
         */
        SHARED
    }

    /**
     * Takes the lock alone for {@code script} or throws {@link LockHeldError} (exit 75) naming who holds it; never
     * waits. A database that cannot be reached is a {@link DatabaseError}.
     */
    public Held acquire(String script) {
        return acquire(script, Mode.EXCLUSIVE);
    }

    /** As {@link #acquire(String)}, in the given mode. */
    public Held acquire(String script, Mode mode) {
        String holder = script + " pid " + ProcessHandle.current().pid() + " on " + hostName();
        Connection connection = open(holder);
        try {
            if (tryLock(connection, mode)) {
                return new Held(connection, key, mode, holder);
            }
            String other = holders(connection);
            connection.close();
            throw new LockHeldError("another AUPAT run holds the lock on the archive " + database.describe() + " ("
                    + other + "). Wait for it to finish, then run again.");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseError("cannot take the run lock on " + database.describe() + ": " + e.getMessage()
                    + ". Check that the PostgreSQL server is reachable.", e);
        }
    }

    private Connection open(String holder) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", applicationName(holder));
        properties.setProperty("tcpKeepAlive", "true");
        try {
            Connection connection = database.connect(properties);
            try (Statement s = connection.createStatement()) {
                connection.setAutoCommit(true);
                // Server side of this session only: a vanished client frees the lock in about two minutes, and no
                // server-wide idle limit ends the quiet lock session mid-run (idle_session_timeout exists from 14 on).
                s.execute("SET tcp_keepalives_idle = " + KEEPALIVE_IDLE_SECONDS);
                s.execute("SET tcp_keepalives_interval = " + KEEPALIVE_INTERVAL_SECONDS);
                s.execute("SET tcp_keepalives_count = " + KEEPALIVE_PROBES);
                if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
                    s.execute("SET idle_session_timeout = 0");
                }
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
            return connection;
        } catch (SQLException e) {
            throw new DatabaseError("cannot connect to the PostgreSQL database " + database.describe()
                    + " to take the run lock: " + e.getMessage() + ". Check the server, aupat.database and the"
                    + " credentials.", e);
        }
    }

    private boolean tryLock(Connection connection, Mode mode) throws SQLException {
        String function = mode == Mode.SHARED ? "pg_try_advisory_lock_shared" : "pg_try_advisory_lock";
        try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(?)")) {
            s.setLong(1, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /**
     * Who holds the key (the first three, oldest first): a bigint advisory lock shows in pg_locks as classid = high
     * 32 bits, objid = low 32 bits, objsubid = 1. application_name is visible to every role in pg_stat_activity,
     * unlike the query.
     */
    private String holders(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT a.application_name, a.usename,"
                + " host(a.client_addr), a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ? ORDER BY a.backend_start LIMIT 3")) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xFFFF_FFFFL);
            List<String> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(holder(r.getString(1), r.getString(2), r.getString(3), r.getObject(4, OffsetDateTime.class)));
                }
            }
            return found.isEmpty() ? "it has just finished or is finishing: run again" : String.join("; ", found);
        }
    }

    private static String holder(String application, String user, String address, OffsetDateTime started) {
        String since = started == null ? "" : ", since " + SINCE.format(started.withOffsetSameInstant(ZoneOffset.UTC));
        if (application != null && application.startsWith(APPLICATION_PREFIX)) {
            return application.substring(APPLICATION_PREFIX.length()) + since;
        }
        return "a session of PostgreSQL user " + user + " from " + (address == null ? "the server's own machine" : address)
                + ", application '" + application + "'" + since;
    }

    /** {@code aupat <holder>}, cut to what PostgreSQL keeps, on a character boundary. */
    static String applicationName(String holder) {
        String name = APPLICATION_PREFIX + holder;
        while (name.getBytes(StandardCharsets.UTF_8).length > APPLICATION_NAME_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env == null || env.isBlank() ? "unknown host" : env;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the server drops the session, and with it the lock, anyway
        }
    }

    /** A held lock: its connection stays open until {@link #close()}. */
    public static final class Held implements AutoCloseable {
        private final Connection connection;
        private final long key;
        private final Mode mode;
        private final String holder;

        Held(Connection connection, long key, Mode mode, String holder) {
            this.connection = connection;
            this.key = key;
            this.mode = mode;
            this.holder = holder;
        }

        /** How other runs see this one: {@code <script> pid <pid> on <host>}. */
        public String holder() {
            return holder;
        }

        /**
         * Whether the lock's session still holds the lock. A session the server or the network ended lost it
         * (another machine may hold it now): a long run can ask at its safe points and stop.
         */
        public boolean stillHeld() {
            try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_locks WHERE"
                    + " locktype = 'advisory' AND granted AND pid = pg_backend_pid() AND objsubid = 1"
                    + " AND classid::bigint = ? AND objid::bigint = ? AND mode = ?")) {
                s.setLong(1, key >>> 32);
                s.setLong(2, key & 0xFFFF_FFFFL);
                s.setString(3, mode == Mode.SHARED ? "ShareLock" : "ExclusiveLock");
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getLong(1) == 1;
                }
            } catch (SQLException e) {
                return false;
            }
        }

        /** Releases the lock and closes its connection; the server releases it anyway when the session ends. */
        @Override
        public void close() {
            String function = mode == Mode.SHARED ? "pg_advisory_unlock_shared" : "pg_advisory_unlock";
            try (PreparedStatement s = connection.prepareStatement("SELECT " + function + "(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException ignored) {
                // closing the connection below ends the session, which releases the lock
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
