package org.aupat.foundation.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.aupat.foundation.error.ConfigurationError;

/**
 * The user name and password for a database on PostgreSQL. The user comes from {@code aupat.database-user}
 * or {@code AUPAT_DATABASE_USER}; the password only from {@code AUPAT_DATABASE_PASSWORD} or from the file
 * {@code aupat.database-password-file} names, which must be readable by its owner alone (a password on the
 * command line or in a settings file would be seen by others). The password is read when the first
 * connection is made, handed to the driver and never put in a message or a log. See docs/postgresql.md.
 */
public class DatabaseCredentials {
    static final String USER_VARIABLE = "AUPAT_DATABASE_USER";
    static final String PASSWORD_VARIABLE = "AUPAT_DATABASE_PASSWORD";
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final String user;
    private final String passwordFile;
    private final Map<String, String> environment;

    /** From the settings {@code aupat.database-user} and {@code aupat.database-password-file} and the process's environment. */
    public DatabaseCredentials(String user, String passwordFile) {
        this(user, passwordFile, System.getenv());
    }

    /** With the given environment variables instead of the process's (tests). */
    public DatabaseCredentials(String user, String passwordFile, Map<String, String> environment) {
        this.user = user == null ? "" : user.trim();
        this.passwordFile = passwordFile == null ? "" : passwordFile.trim();
        this.environment = environment;
    }

    /** The user name: the setting, else the environment variable; refused (exit 2) when neither is set. */
    public String user() {
        String name = user.isEmpty() ? environment.getOrDefault(USER_VARIABLE, "").trim() : user;
        if (name.isEmpty()) {
            throw new ConfigurationError("no user name for the PostgreSQL database: set aupat.database-user (or "
                    + USER_VARIABLE + ").");
        }
        return name;
    }

    /**
     * The password: the environment variable when set, else the first line of the password file. Refuses
     * (exit 2) a file others may read, a missing or empty file, and neither being given.
     */
    public String password() {
        String fromEnvironment = environment.get(PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        if (passwordFile.isEmpty()) {
            throw new ConfigurationError("no password for the PostgreSQL database: put it in a file readable only by"
                    + " you (chmod 600) and set aupat.database-password-file to it, or set " + PASSWORD_VARIABLE + ".");
        }
        Path file = Path.of(passwordFile).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError("the password file " + file + " (aupat.database-password-file) does not exist"
                    + " or is not a file: create it holding the password on one line, then chmod 600 " + file + ".");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new ConfigurationError("the password file " + file + " may be read by others: run chmod 600 "
                        + file + " and try again.");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check; the file's place is the user's choice.
        } catch (IOException e) {
            throw new ConfigurationError("the password file " + file + " cannot be read (" + e.getMessage() + ").");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationError("the password file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "): check that it belongs to you and chmod 600 " + file + ".");
        }
        String password = text.lines().findFirst().orElse("");
        if (password.isEmpty()) {
            throw new ConfigurationError("the password file " + file + " is empty: put the password on its first line.");
        }
        return password;
    }
}
