package org.aupat.foundation.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.foundation.error.ConfigurationError;

/**
 * One PostgreSQL database as the operations classes need it ({@link PostgresAdvisoryLock}, {@link PostgresBackup}):
 * a JDBC URL without credentials ({@code jdbc:postgresql://host:port/database}) plus user and password, however the
 * application's DataSource is built. The password is never part of {@link #toString()}, {@link #describe()}, a
 * message or a child process's command line; a child gets it in its environment only ({@link #libpqEnvironment()}).
 *
 * @param url      JDBC URL of the database, {@code jdbc:postgresql://host[:port][,host2[:port2]]/database[?params]}
 * @param user     the login role; null to let the driver decide (URL parameter, {@code PGUSER})
 * @param password its password; null for none (a {@code .pgpass} file, trust or certificate authentication)
 */
public record PostgresEndpoint(String url, String user, String password) {
    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?#]*/)([^?#]*)(\\?.*)?");

    public PostgresEndpoint {
        if (url == null || !URL.matcher(url).matches()) {
            throw new ConfigurationError("'" + redact(url) + "' is not a PostgreSQL JDBC URL. Write it as"
                    + " jdbc:postgresql://host:port/database.");
        }
    }

    /** A new connection, with {@code extra} driver properties (ApplicationName, tcpKeepAlive...). */
    public Connection connect(Properties extra) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(extra);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The database's name as PostgreSQL knows it (URL-decoded). */
    public String database() {
        return parsed().getProperty("PGDBNAME", "");
    }

    /** {@code host:port/database} for messages and logs: never a credential or a URL parameter. */
    public String describe() {
        Properties p = parsed();
        return p.getProperty("PGHOST", "localhost") + ":" + p.getProperty("PGPORT", "5432") + "/" + database();
    }

    /** The same server and credentials, another database on it (a scratch database, a restore target). */
    public PostgresEndpoint withDatabase(String name) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("checked in the constructor");
        }
        String query = m.group(3) == null ? "" : m.group(3);
        return new PostgresEndpoint(m.group(1) + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + query, user, password);
    }

    /**
     * The connection as libpq's environment variables, for pg_dump, pg_restore and psql: host(s), port(s),
     * database, user, the password ({@code PGPASSWORD}: in the child's environment only, which other users of
     * the machine cannot read, never on its command line, which they can) and the TLS settings the URL names.
     */
    public Map<String, String> libpqEnvironment() {
        Properties p = parsed();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PGHOST", p.getProperty("PGHOST", "localhost"));
        env.put("PGPORT", p.getProperty("PGPORT", "5432"));
        env.put("PGDATABASE", database());
        String login = user != null ? user : p.getProperty("user");
        if (login != null) {
            env.put("PGUSER", login);
        }
        String secret = password != null ? password : p.getProperty("password");
        if (secret != null) {
            env.put("PGPASSWORD", secret);
        }
        for (String[] pair : new String[][] {{"sslmode", "PGSSLMODE"}, {"sslrootcert", "PGSSLROOTCERT"},
                {"sslcert", "PGSSLCERT"}, {"sslkey", "PGSSLKEY"}, {"connectTimeout", "PGCONNECT_TIMEOUT"}}) {
            if (p.getProperty(pair[0]) != null) {
                env.put(pair[1], p.getProperty(pair[0]));
            }
        }
        return env;
    }

    private Properties parsed() {
        Properties p = org.postgresql.Driver.parseURL(url, null);
        if (p == null) {
            throw new ConfigurationError("'" + redact(url) + "' is not a PostgreSQL JDBC URL the driver accepts. Write"
                    + " it as jdbc:postgresql://host:port/database.");
        }
        return p;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PostgresEndpoint[" + describe() + ", user=" + user + "]";
    }

    /** A URL for a message: without its parameters, which may hold a password. */
    static String redact(String url) {
        if (url == null) {
            return "";
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
