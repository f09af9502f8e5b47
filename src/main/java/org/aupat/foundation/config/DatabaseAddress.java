package org.aupat.foundation.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import org.aupat.foundation.error.ConfigurationError;

/**
 * Where the archive database is ({@code aupat.database}): an SQLite file on this machine (the default), or
 * a database on a PostgreSQL server shared by several machines ({@code jdbc:postgresql://host:port/name}).
 * The URL never carries credentials: a password in it would end up in shell history and process lists, so
 * one is refused (see {@link DatabaseCredentials}). See docs/postgresql.md.
 */
public sealed interface DatabaseAddress {
    String POSTGRES_PREFIX = "jdbc:postgresql:";

    /** What a message shows: the file's path, or the URL (never a password: it cannot be in the URL). */
    String shown();

    /** An SQLite database file, absolute and normalised. */
    record SqliteFile(Path file) implements DatabaseAddress {
        public SqliteFile {
            file = file.toAbsolutePath().normalize();
        }

        @Override
        public String shown() {
            return file.toString();
        }
    }

    /**
     * A database on a PostgreSQL server.
     *
     * @param url      the JDBC URL as given, without credentials
     * @param host     the server's host name or address
     * @param port     its port (5432 unless given)
     * @param database the database's name on the server
     */
    record PostgresServer(String url, String host, int port, String database) implements DatabaseAddress {
        @Override
        public String shown() {
            return url;
        }
    }

    static DatabaseAddress sqlite(Path file) {
        return new SqliteFile(file);
    }

    /** The setting's value: a JDBC URL to PostgreSQL, or else a path. Throws ConfigurationError (exit 2). */
    static DatabaseAddress parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new ConfigurationError("aupat.database is empty: give a path, for example"
                    + " --aupat.database=/srv/aupat/aupat.db, or a PostgreSQL URL jdbc:postgresql://host:5432/aupat.");
        }
        String value = setting.trim();
        if (value.regionMatches(true, 0, POSTGRES_PREFIX, 0, POSTGRES_PREFIX.length())) {
            return postgres(value);
        }
        if (value.regionMatches(true, 0, "jdbc:", 0, 5)) {
            throw new ConfigurationError("aupat.database (" + firstPart(value) + ") is a JDBC URL AUPAT cannot use:"
                    + " give an SQLite file path or jdbc:postgresql://host:5432/database.");
        }
        return new SqliteFile(Path.of(value));
    }

    private static PostgresServer postgres(String url) {
        URI uri;
        try {
            uri = new URI(url.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            // Not repeated: a mistyped URL may still hold a password.
            throw new ConfigurationError("aupat.database is not a valid PostgreSQL URL: write it as"
                    + " jdbc:postgresql://host:5432/database (" + e.getReason() + ").");
        }
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null || ("&" + query).contains("&password=")) {
            // The URL is not repeated: it holds the password.
            throw new ConfigurationError("aupat.database carries a password: remove it from the URL and put it in the"
                    + " file named by aupat.database-password-file (chmod 600) or in AUPAT_DATABASE_PASSWORD.");
        }
        if (("&" + query).contains("&user=")) {
            throw new ConfigurationError("aupat.database carries the user name: remove user= from the URL and set"
                    + " aupat.database-user (or AUPAT_DATABASE_USER) instead.");
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (host == null || host.isBlank() || name.isBlank() || name.contains("/")) {
            throw new ConfigurationError("aupat.database (" + url + ") must name a server and a database:"
                    + " jdbc:postgresql://host:5432/database.");
        }
        return new PostgresServer(url, host, uri.getPort() < 0 ? 5432 : uri.getPort(), name);
    }

    /** The part of a value before any query (where a password could be), for a message. */
    private static String firstPart(String value) {
        int q = value.indexOf('?');
        return q < 0 ? value : value.substring(0, q) + "?...";
    }
}
