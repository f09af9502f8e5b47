package org.aupat.foundation.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where AUPAT keeps a user's archive and reads a user's settings when nothing says otherwise, never the
 * working folder: a user gets one archive whatever folder they stand in.
 *
 * <p>The home (database, staging, archive, backups, logs, journal, and the folders other features keep
 * there) is {@code AUPAT_HOME} if set, else {@code $XDG_DATA_HOME/aupat}, else
 * {@code ~/.local/share/aupat}. The settings folder is {@code $XDG_CONFIG_HOME/aupat}, else
 * {@code ~/.config/aupat}: an optional {@code application.yml} and an optional {@code rules/} folder whose
 * rule files override the ones inside the jar. As the XDG base directory rules say, an empty or relative
 * XDG variable is ignored; {@code ~} is {@code $HOME}, else the account's home directory.
 */
public final class AupatHome {
    /** The per-user settings file in the settings folder. */
    public static final String CONFIG_FILE = "application.yml";

    private AupatHome() {
    }

    /** The default home for this environment (variables as {@link System#getenv()} gives them). */
    public static Path dataHome(Map<String, String> environment, String accountHome) {
        String aupatHome = environment.get("AUPAT_HOME");
        if (aupatHome != null && !aupatHome.isBlank()) {
            return Path.of(aupatHome.trim()).toAbsolutePath().normalize();
        }
        return xdg(environment, "XDG_DATA_HOME", accountHome, ".local/share").resolve("aupat");
    }

    /** The per-user settings folder for this environment. */
    public static Path configHome(Map<String, String> environment, String accountHome) {
        return xdg(environment, "XDG_CONFIG_HOME", accountHome, ".config").resolve("aupat");
    }

    /**
     * The path settings a home implies, as {@code aupat.*} keys: {@code aupat.db}, {@code staging/},
     * {@code archive/}, {@code backups/} and {@code logs/} in the home (the journal and checkpoints lie
     * beside the database), and the rules folder in the settings folder.
     */
    public static Map<String, Object> pathSettings(Path home, Path configHome) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("aupat.database", home.resolve("aupat.db").toString());
        settings.put("aupat.staging", home.resolve("staging").toString());
        settings.put("aupat.archive", home.resolve("archive").toString());
        settings.put("aupat.backups", home.resolve("backups").toString());
        settings.put("aupat.logs", home.resolve("logs").toString());
        settings.put("aupat.rules", configHome.resolve("rules").toString());
        return settings;
    }

    private static Path xdg(Map<String, String> environment, String variable, String accountHome, String fallback) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank() && Path.of(value.trim()).isAbsolute()) {
            return Path.of(value.trim()).normalize();
        }
        return userHome(environment, accountHome).resolve(fallback);
    }

    /** {@code $HOME} as a shell sees it (Java's user.home ignores it), else the account's home directory. */
    private static Path userHome(Map<String, String> environment, String accountHome) {
        String home = environment.get("HOME");
        if (home != null && !home.isBlank() && Path.of(home.trim()).isAbsolute()) {
            return Path.of(home.trim()).normalize();
        }
        return Path.of(accountHome).toAbsolutePath().normalize();
    }
}
