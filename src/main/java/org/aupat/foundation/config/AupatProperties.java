package org.aupat.foundation.config;

import java.nio.file.Path;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AUPAT's settings ({@code aupat.*}), bound once at start-up and checked: every path is made
 * absolute, and staging, archive and backups must be three separate folders, none inside another.
 *
 * @param database            the SQLite database file
 * @param checkpointDatabase  the SQLite file that holds resume checkpoints; when not set, it lies beside the
 *                            database (see {@link #checkpointBeside})
 * @param staging             where imported files wait until verified in the archive
 * @param archive             the root of the organised archive
 * @param backups             where database backups are kept
 * @param logs                the log folder
 * @param rules               folder whose JSON rule files override the ones inside the jar
 * @param exiftool            the exiftool command
 * @param ffprobe             the ffprobe command
 */
@ConfigurationProperties("aupat")
public record AupatProperties(
        @DefaultValue("data/aupat.db") Path database,
        Path checkpointDatabase,
        @DefaultValue("data/staging") Path staging,
        @DefaultValue("data/archive") Path archive,
        @DefaultValue("data/backups") Path backups,
        @DefaultValue("logs") Path logs,
        @DefaultValue("config/rules") Path rules,
        @DefaultValue("exiftool") String exiftool,
        @DefaultValue("ffprobe") String ffprobe) {

    public AupatProperties {
        database = absolute("aupat.database", database);
        checkpointDatabase = checkpointDatabase == null ? checkpointBeside(database)
                : absolute("aupat.checkpoint-database", checkpointDatabase);
        staging = absolute("aupat.staging", staging);
        archive = absolute("aupat.archive", archive);
        backups = absolute("aupat.backups", backups);
        logs = absolute("aupat.logs", logs);
        rules = absolute("aupat.rules", rules);
        exiftool = required("aupat.exiftool", exiftool);
        ffprobe = required("aupat.ffprobe", ffprobe);
        separate("aupat.staging", staging, "aupat.archive", archive);
        separate("aupat.staging", staging, "aupat.backups", backups);
        separate("aupat.archive", archive, "aupat.backups", backups);
        if (database.startsWith(archive) || database.startsWith(staging)) {
            throw new ConfigurationError("aupat.database (" + database + ") must not lie inside the archive or staging"
                    + " folder: keep the database beside them, for example in data/.");
        }
    }

    /*
     * Where one archive's run state lives. The lock, the file journals and (unless set) the checkpoints all
     * belong to the archive, so they are found from its database, never from the working folder: two
     * archives used from one folder never see, undo or block each other's runs.
     */

    /** The default checkpoint database: {@code checkpoint_state.db} in the database's folder. */
    static Path checkpointBeside(Path database) {
        return database.resolveSibling("checkpoint_state.db");
    }

    /**
     * The folder of the file journals: {@code journal/} in the database's folder, one subfolder per
     * archive identity, so that two databases kept in one folder have journals of their own.
     */
    public Path journals() {
        return database.resolveSibling("journal");
    }

    /*
     * Derived data lives beside the archive, never inside it: it can be rebuilt from the archive and the
     * database at any time, so it is neither verified nor backed up, and deleting it loses nothing.
     */

    /** The offline HTML catalogue: {@code catalogue/} beside the archive. */
    public Path catalogue() {
        return archive.resolveSibling("catalogue");
    }

    /** The catalogue written with --redact-gps (no coordinates anywhere): {@code catalogue-no-gps/} beside the archive. */
    public Path catalogueWithoutGps() {
        return archive.resolveSibling("catalogue-no-gps");
    }

    /** The catalogue's thumbnails, one JPEG per photo or video: {@code thumbnails/} beside the archive. */
    public Path thumbnails() {
        return archive.resolveSibling("thumbnails");
    }

    /**
     * The ffmpeg command, taken from the same installation as ffprobe: {@code ffprobe} gives {@code ffmpeg},
     * {@code /opt/ff/bin/ffprobe} gives {@code /opt/ff/bin/ffmpeg}.
     */
    public String ffmpeg() {
        int slash = ffprobe.lastIndexOf('/');
        String name = ffprobe.substring(slash + 1);
        return ffprobe.substring(0, slash + 1) + (name.contains("ffprobe") ? name.replace("ffprobe", "ffmpeg") : "ffmpeg");
    }

    /** The run lock: {@code <database>.lock}, one per database. */
    public Path runLock() {
        return database.resolveSibling(database.getFileName() + ".lock");
    }

    private static Path absolute(String key, Path value) {
        if (value == null || value.toString().isBlank()) {
            throw new ConfigurationError(key + " is empty: give a path, for example --" + key + "=/srv/aupat/...");
        }
        return value.toAbsolutePath().normalize();
    }

    private static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigurationError(key + " is empty: give the command name or its full path.");
        }
        return value.trim();
    }

    private static void separate(String keyA, Path a, String keyB, Path b) {
        if (a.startsWith(b) || b.startsWith(a)) {
            throw new ConfigurationError(keyA + " (" + a + ") and " + keyB + " (" + b + ") must be separate folders,"
                    + " neither inside the other. Change one of them.");
        }
    }
}
