package org.aupat.foundation.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AUPAT's settings ({@code aupat.*}), bound once at start-up and checked: every path is made
 * absolute, and staging, archive and backups must be three separate folders, none inside another.
 * Unless set, every path lies in the user's home ({@link AupatHome}, filled in by {@link HomeEnvironment}).
 *
 * @param home                AUPAT's home: where the paths below lie unless set, and where other
 *                            features keep their folders ({@link #home()})
 * @param database            the archive database: an SQLite file (the default) or a PostgreSQL server's
 *                            database ({@link DatabaseAddress}); given as a path or a JDBC URL
 * @param checkpointDatabase  the SQLite file that holds resume checkpoints; when not set, it lies beside the
 *                            database (see {@link #checkpointBeside})
 * @param staging             where imported files wait until verified in the archive
 * @param archive             the root of the organised archive
 * @param backups             where database backups are kept
 * @param logs                the log folder
 * @param rules               folder whose JSON rule files override the ones inside the jar
 * @param exiftool            the exiftool command
 * @param ffprobe             the ffprobe command
 * @param replicas            named second copies of the archive ({@code aupat.replicas.<name>.path} or
 *                            {@code .s3.*}), checked by {@link ReplicaSettings}; empty when none is set
 */
@ConfigurationProperties("aupat")
public record AupatProperties(
        Path home,
        DatabaseAddress database,
        Path checkpointDatabase,
        Path staging,
        Path archive,
        Path backups,
        Path logs,
        Path rules,
        @DefaultValue("exiftool") String exiftool,
        @DefaultValue("ffprobe") String ffprobe,
        Map<String, ReplicaTarget> replicas) {

    public AupatProperties {
        if (database == null) {
            throw new ConfigurationError("aupat.database is empty: give a path, for example --aupat.database=/srv/aupat/...");
        }
        if (home == null && database instanceof DatabaseAddress.PostgresServer) {
            throw new ConfigurationError("aupat.home is not set: with a database on PostgreSQL, AUPAT keeps this machine's"
                    + " run state (journal, checkpoints) in its home; set AUPAT_HOME or --aupat.home.");
        }
        home = home == null ? databaseFolder(database) : absolute("aupat.home", home);
        checkpointDatabase = checkpointDatabase == null ? checkpointBeside(database, home)
                : absolute("aupat.checkpoint-database", checkpointDatabase);
        staging = absolute("aupat.staging", staging);
        archive = absolute("aupat.archive", archive);
        backups = absolute("aupat.backups", backups);
        logs = absolute("aupat.logs", logs);
        rules = absolute("aupat.rules", rules);
        exiftool = required("aupat.exiftool", exiftool);
        ffprobe = required("aupat.ffprobe", ffprobe);
        // A server's database lies nowhere on this machine: what the replica check guards is this machine's run state.
        Path local = database instanceof DatabaseAddress.SqliteFile f ? f.file() : checkpointDatabase;
        replicas = ReplicaSettings.checked(replicas, local, staging, archive, backups);
        separate("aupat.staging", staging, "aupat.archive", archive);
        separate("aupat.staging", staging, "aupat.backups", backups);
        separate("aupat.archive", archive, "aupat.backups", backups);
        if (local.startsWith(archive) || local.startsWith(staging)) {
            throw new ConfigurationError("aupat.database (" + local + ") must not lie inside the archive or staging"
                    + " folder: keep the database beside them, for example in " + home + ".");
        }
        Path trash = trashIn(home);
        separate("the trash folder", trash, "aupat.archive", archive);
        separate("the trash folder", trash, "aupat.staging", staging);
        separate("the trash folder", trash, "aupat.backups", backups);
    }

    /**
     * The settings as bound from {@code aupat.*}: {@code aupat.database} is read as a path or a PostgreSQL
     * JDBC URL ({@link DatabaseAddress#parse}).
     */
    @ConstructorBinding
    public AupatProperties(Path home, String database, Path checkpointDatabase, Path staging, Path archive,
            Path backups, Path logs, Path rules, @DefaultValue("exiftool") String exiftool,
            @DefaultValue("ffprobe") String ffprobe, Map<String, ReplicaTarget> replicas) {
        this(home, DatabaseAddress.parse(database), checkpointDatabase, staging, archive, backups, logs, rules, exiftool,
                ffprobe, replicas);
    }

    /** Settings without a home of their own and without replicas (tests): the home is the database's folder. */
    public AupatProperties(Path database, Path checkpointDatabase, Path staging, Path archive, Path backups, Path logs,
            Path rules, String exiftool, String ffprobe) {
        this(null, DatabaseAddress.sqlite(absolute("aupat.database", database)), checkpointDatabase, staging, archive,
                backups, logs, rules, exiftool, ffprobe, new TreeMap<>());
    }

    /**
     * The SQLite database file. Only code that works on the file itself (SQLite backups, restore, pre-flight)
     * asks for it; with a database on PostgreSQL there is none and this throws.
     */
    public Path databaseFile() {
        if (database instanceof DatabaseAddress.SqliteFile f) {
            return f.file();
        }
        throw new IllegalStateException("the database is on PostgreSQL (" + database.shown() + "), not in a file");
    }

    /** Whether the database is an SQLite file on this machine (else a PostgreSQL server's). */
    public boolean databaseInFile() {
        return database instanceof DatabaseAddress.SqliteFile;
    }

    /*
     * Where one archive's run state lives. The lock, the file journals and (unless set) the checkpoints all
     * belong to the archive, so they are found from its database, never from the working folder: two
     * archives used from one folder never see, undo or block each other's runs.
     */

    /**
     * The folder this machine's run state lies in: the SQLite file's folder, or for a database on PostgreSQL
     * the home (each machine has its own: a crash is recovered on the machine where it happened).
     */
    private static Path databaseFolder(DatabaseAddress database) {
        return ((DatabaseAddress.SqliteFile) database).file().getParent();
    }

    private Path runStateFolder() {
        return database instanceof DatabaseAddress.SqliteFile f ? f.file().getParent() : home;
    }

    /** The default checkpoint database: {@code checkpoint_state.db} in the database's folder (the home for PostgreSQL). */
    static Path checkpointBeside(DatabaseAddress database, Path home) {
        return database instanceof DatabaseAddress.SqliteFile f ? f.file().resolveSibling("checkpoint_state.db")
                : home.resolve("checkpoint_state.db");
    }

    /**
     * The folder of the file journals: {@code journal/} in the database's folder (the home for PostgreSQL),
     * one subfolder per archive identity, so that two databases kept in one folder have journals of their own.
     */
    public Path journals() {
        return runStateFolder().resolve("journal");
    }

    /**
     * The trash folder: {@code trash/} in the home (beside the archive by default, so that trashing a file
     * is a rename). Files taken out of the archive keep their bytes here until the trash is
     * emptied; their archive paths are mirrored below it.
     */
    public Path trash() {
        return trashIn(home);
    }

    private static Path trashIn(Path home) {
        return home.resolve("trash");
    }

    /*
     * Derived data lives in the home, beside the archive, never inside it: it can be rebuilt from the archive and the
     * database at any time, so it is neither verified nor backed up, and deleting it loses nothing.
     */

    /** The offline HTML catalogue: {@code catalogue/} in the home. */
    public Path catalogue() {
        return home.resolve("catalogue");
    }

    /** The catalogue written with --redact-gps (no coordinates anywhere): {@code catalogue-no-gps/} in the home. */
    public Path catalogueWithoutGps() {
        return home.resolve("catalogue-no-gps");
    }

    /** The catalogue's thumbnails, one JPEG per photo or video: {@code thumbnails/} in the home. */
    public Path thumbnails() {
        return home.resolve("thumbnails");
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

    /**
     * The run lock: {@code <database>.lock}, one per database. For a database on PostgreSQL the lock is held on
     * the server instead (an advisory lock, see cli/RunLock) and this path in the home is not used.
     */
    public Path runLock() {
        return database instanceof DatabaseAddress.SqliteFile f ? f.file().resolveSibling(f.file().getFileName() + ".lock")
                : home.resolve("postgres.lock");
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
