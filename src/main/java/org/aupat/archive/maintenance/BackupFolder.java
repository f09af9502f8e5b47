package org.aupat.archive.maintenance;

import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.config.DatabaseAddress;
import org.aupat.foundation.db.PostgresBackup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.aupat.foundation.error.BackupError;

/**
 * The backups folder of one database: its backups ({@code <stem>-*.db}, or {@code .dump} for PostgreSQL's), free names for new ones,
 * and {@code manifest-sha256.txt}, which lists the SHA-256 of each backup so that rot is detected.
 */
final class BackupFolder {
    static final String MANIFEST = "manifest-sha256.txt";
    static final String TEMP_SUFFIX = ".aupat-tmp";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    /** One backup file and when it was written. */
    record Backup(Path path, FileTime modified) {
        String name() {
            return path.getFileName().toString();
        }
    }

    private final Path dir;
    private final String stem;
    private final String extension;

    /** The backups of an SQLite database file. */
    BackupFolder(Path dir, Path database) {
        this(dir, database, ".db");
    }

    private BackupFolder(Path dir, Path database, String extension) {
        this.dir = dir;
        String name = database.getFileName().toString();
        this.stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        this.extension = extension;
    }

    /** The backups folder of this archive's database, whichever it is. */
    static BackupFolder of(AupatProperties properties) {
        return properties.database() instanceof DatabaseAddress.PostgresServer
                ? new BackupFolder(properties.backups(), named(properties), PostgresBackup.EXTENSION)
                : new BackupFolder(properties.backups(), properties.databaseFile());
    }

    /**
     * What names this archive's backups: the SQLite file, or for a database on PostgreSQL its name on the
     * server (backups of two archives in one folder never mix).
     */
    static Path named(AupatProperties properties) {
        return properties.database() instanceof DatabaseAddress.PostgresServer server ? Path.of(server.database())
                : properties.databaseFile();
    }

    Path dir() {
        return dir;
    }

    /** The backups of this database, oldest first; other files in the folder are not ours to judge. */
    List<Backup> backups() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith(stem + "-") && n.endsWith(extension) && Files.isRegularFile(p)) {
                    found.add(new Backup(p, Files.getLastModifiedTime(p)));
                }
            }
        } catch (IOException e) {
            throw new BackupError("cannot list the backups folder " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Backup::modified).thenComparing(Backup::name));
        return found;
    }

    Optional<Backup> newest() {
        List<Backup> all = backups();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** {@code <stem>-yyyy-MM-dd_HH-mm-ss.db} (or .dump), or with -2, -3... when taken: never an existing name. */
    Path freeName(ZonedDateTime localTime) {
        String base = stem + "-" + NAME_TIME.format(localTime);
        Path candidate = dir.resolve(base + extension);
        for (int n = 2; Files.exists(candidate) || Files.exists(temporary(candidate)); n++) {
            candidate = dir.resolve(base + "-" + n + extension);
        }
        return candidate;
    }

    /**
     * Whether a file name is one of AUPAT's temporary names ({@code *.aupat-tmp}) or one SQLite made beside
     * such a file while writing or reading it ({@code -journal}, {@code -wal}, {@code -shm}).
     */
    static boolean isTemporary(String name) {
        for (String sqliteSide : List.of("", "-journal", "-wal", "-shm")) {
            if (name.endsWith(TEMP_SUFFIX + sqliteSide)) {
                return true;
            }
        }
        return false;
    }

    static Path temporary(Path file) {
        return file.resolveSibling(file.getFileName() + TEMP_SUFFIX);
    }

    /** The manifest as file name -> sha256, in file order; empty when there is none yet. */
    Map<String, String> manifest() {
        Path file = dir.resolve(MANIFEST);
        Map<String, String> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            int lineNumber = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                if (!line.matches("[0-9a-f]{64}  \\S.*")) {
                    throw new BackupError(file + " line " + lineNumber + " is not '<sha256>  <file>': '" + line
                            + "'. Correct or remove that line.");
                }
                entries.put(line.substring(66), line.substring(0, 64));
            }
        } catch (IOException e) {
            throw new BackupError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return entries;
    }

    /** Replaces the manifest atomically (a temporary file renamed over it), so it is never half-written. */
    void writeManifest(Map<String, String> entries) {
        Path file = dir.resolve(MANIFEST);
        Path temp = temporary(file);
        StringBuilder text = new StringBuilder();
        entries.forEach((name, sha) -> text.append(sha).append("  ").append(name).append('\n'));
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteIfExists(temp);
            throw new BackupError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the backups the retention rule ({@link BackupRetention}) finds surplus and drops them from the
     * manifest; returns them. The one place backups are pruned: after every backup and by db_cleanup.
     */
    List<Path> prune(java.time.Instant now, int keepDays, java.time.ZoneId zone) {
        List<Backup> surplus = BackupRetention.surplus(backups(), now, keepDays, zone);
        if (surplus.isEmpty()) {
            return List.of();
        }
        Map<String, String> entries = manifest();
        List<Path> removed = new ArrayList<>();
        for (Backup b : surplus) {
            try {
                Files.deleteIfExists(b.path());
            } catch (IOException e) {
                writeManifest(entries); // the backups deleted so far never stay listed
                throw new BackupError("cannot delete the surplus backup " + b.path() + ": " + e.getMessage(), e);
            }
            entries.remove(b.name());
            removed.add(b.path());
        }
        writeManifest(entries);
        return removed;
    }

    /**
     * Removes the temporary files a killed backup left here. Backups are written only under the run lock, so
     * every {@code *.aupat-tmp} in this folder belongs to a dead run, and a temporary file is never the only copy.
     */
    List<Path> removeLeftTemporaries() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.filter(p -> isTemporary(p.getFileName().toString()) && Files.isRegularFile(p))
                    .toList();
            left.forEach(BackupFolder::deleteIfExists);
            return left;
        } catch (IOException e) {
            throw new BackupError("cannot list the backups folder " + dir + ": " + e.getMessage(), e);
        }
    }

    static void deleteIfExists(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BackupError("cannot delete " + file + ": " + e.getMessage() + ". It is a leftover of a failed backup:"
                    + " delete it by hand.", e);
        }
    }
}
