package org.aupat.foundation.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.aupat.foundation.config.DatabaseAddress.PostgresServer;
import org.aupat.foundation.config.DatabaseCredentials;
import org.aupat.foundation.error.PreflightError;

/**
 * A database on a PostgreSQL server as the archive database: a small Hikari pool (a few connections: one
 * run writes through one, a read-only script may read beside it). Nothing is sent to the server until the
 * first connection; that one is tried alone first, so that an unreachable server, a wrong password or a
 * missing database stops the run with one line (exit 3) before anything else. The password is read from
 * {@link DatabaseCredentials} then and given only to the driver. See docs/postgresql.md.
 */
public final class PostgresDatabase extends PooledArchiveDatabase {
    static final int POOL_SIZE = 4;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    /** Rows the driver holds of a result at a time, within a transaction (see driverProperties). */
    static final int ROWS_PER_FETCH = 1000;

    private final PostgresServer server;
    private final DatabaseCredentials credentials;

    public PostgresDatabase(PostgresServer server, DatabaseCredentials credentials) {
        this(server, credentials, () -> { });
    }

    /** With a check that runs before the first connection (and may refuse by throwing). */
    public PostgresDatabase(PostgresServer server, DatabaseCredentials credentials, Runnable beforeFirstOpen) {
        super(beforeFirstOpen);
        this.server = server;
        this.credentials = credentials;
    }

    public PostgresServer server() {
        return server;
    }

    /**
     * The server's database with this run's credentials, for what needs connections of its own: the run's
     * advisory lock and pg_dump backups. Reads the credentials (refusing as {@link DatabaseCredentials} does).
     */
    public PostgresEndpoint endpoint() {
        return new PostgresEndpoint(server.url(), credentials.user(), credentials.password());
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String shown() {
        return server.url();
    }

    @Override
    public SqlDialect dialect() {
        return SqlDialect.POSTGRESQL;
    }

    /** Driver settings every connection gets (besides the credentials). */
    private static Properties driverProperties() {
        Properties p = new Properties();
        p.setProperty("ApplicationName", "aupat");
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        // Text parameters are typed by the server from their use, as SQLite does (a number kept in a text column).
        p.setProperty("stringtype", "unspecified");
        // Without a fetch size the driver reads a query's whole result into memory before the first row (a
        // master JSON of 100,000 images: about 1 GB); with it a query inside a transaction goes through a
        // cursor ROWS_PER_FETCH rows at a time, as SQLite steps row by row. In autocommit it still reads all.
        p.setProperty("defaultRowFetchSize", String.valueOf(ROWS_PER_FETCH));
        return p;
    }

    /** One connection, made and closed, turning every way it can fail into a one-line PreflightError. */
    private void probe(String user, String password) {
        Properties p = driverProperties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        try (Connection c = DriverManager.getConnection(server.url(), p)) {
            c.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            throw refusal(e, user);
        }
    }

    private PreflightError refusal(SQLException e, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String where = "the PostgreSQL database " + server.database() + " on " + server.host() + ":" + server.port()
                + " (aupat.database)";
        String message;
        if (state.equals("28P01") || state.equals("28000")) {
            message = where + " refused user " + user + ": the password or user name is wrong. Check"
                    + " aupat.database-user and the password file (or AUPAT_DATABASE_PASSWORD). Nothing was changed.";
        } else if (state.equals("3D000")) {
            message = where + " does not exist: create it on the server (README \"Shared archives on PostgreSQL\"),"
                    + " then run --script=db_migrate.";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "cannot reach " + where + ": " + firstLine(e) + ". Check that the server is running and"
                    + " accepts connections from this machine (listen_addresses, pg_hba.conf, firewall).";
        } else {
            message = where + " cannot be used: " + firstLine(e) + " (SQLSTATE " + state + ").";
        }
        return new PreflightError(message, e);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int newline = m.indexOf('\n');
        return (newline < 0 ? m : m.substring(0, newline)).trim();
    }

    /** Reads the credentials and tries one connection alone (see the class), then opens the pool with them. */
    @Override
    HikariDataSource open() {
        String user = credentials.user();
        String password = credentials.password();
        probe(user, password);
        HikariConfig config = new HikariConfig();
        config.setPoolName("aupat.database");
        config.setJdbcUrl(server.url());
        config.setUsername(user);
        config.setPassword(password);
        config.setDataSourceProperties(driverProperties());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            throw cause instanceof SQLException s ? refusal(s, user) : new PreflightError("cannot open "
                    + server.url() + ": " + firstLine(e), e);
        }
    }
}
