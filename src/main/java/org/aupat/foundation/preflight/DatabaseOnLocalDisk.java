package org.aupat.foundation.preflight;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses (exit 3) a database on a network or FUSE file system before it is opened or locked: SQLite's file
 * locks and WAL's shared memory are not safe there, and two machines can corrupt it, even by reading. Checks
 * the database, the checkpoint database, the journal folder and the run lock, from the system's mount table.
 * The archive, staging and backups are not checked: files on a share are copied, never linked, and kept
 * whole by a rename.
 */
@Component
public class DatabaseOnLocalDisk {
    static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");
    static final Path MOUNTS = Path.of("/proc/mounts");
    private static final Logger log = LoggerFactory.getLogger(DatabaseOnLocalDisk.class);
    private final Map<String, Path> places = new LinkedHashMap<>();
    private final List<Path> mountTables;
    private volatile boolean proved;

    /**
     * @param mountTable the mount table to read ({@code aupat.mount-table}, for a test); by default
     *                   /proc/self/mountinfo, else /proc/mounts
     */
    @Autowired
    public DatabaseOnLocalDisk(AupatProperties properties, @Value("${aupat.mount-table:}") String mountTable) {
        if (properties.databaseInFile()) {
            places.put("the database", properties.databaseFile());
        }
        places.put("the checkpoint database", properties.checkpointDatabase());
        places.put("the journal folder", properties.journals());
        if (properties.databaseInFile()) {
            places.put("the run lock", properties.runLock()); // on PostgreSQL the lock is the server's
        }
        this.mountTables = mountTable == null || mountTable.isBlank() ? List.of(MOUNT_INFO, MOUNTS)
                : List.of(Path.of(mountTable.trim()));
    }

    /** Returns quietly when each of them lies on a local file system (or no mount table can be read). */
    public void require() {
        if (proved) {
            return;
        }
        Optional<MountTable> table = mountTables.stream().map(MountTable::read).flatMap(Optional::stream).findFirst();
        if (table.isEmpty()) {
            log.info(LogMarkers.FILE_ONLY, "pre-flight file systems: no mount table in {}; not checked", mountTables);
            proved = true;
            return;
        }
        // Grouped by mount, so that four places on one share make one sentence.
        Map<MountTable.Mount, List<String>> remote = new LinkedHashMap<>();
        places.forEach((what, path) -> table.get().holding(resolved(path))
                .filter(m -> MountTable.isNetworkOrFuse(m.type()))
                .ifPresent(m -> remote.computeIfAbsent(m, k -> new ArrayList<>()).add(what + " " + path)));
        if (!remote.isEmpty()) {
            List<String> where = new ArrayList<>();
            remote.forEach((mount, what) -> where.add(String.join(", ", what) + " on " + mount.type() + " ("
                    + mount.point() + ")"));
            if (!places.containsKey("the database")) {
                // The database is on a server; what is refused is this computer's own run state.
                throw new PreflightError(String.join("; ", where) + ": this computer's run state (an SQLite"
                        + " checkpoint database and the file journal) must be on a local disk, nothing was opened. Point"
                        + " --aupat.home (or AUPAT_HOME) at a local folder; the archive, staging and replicas may stay on"
                        + " the share.");
            }
            throw new PreflightError(String.join("; ", where) + ": SQLite is not safe on a network or FUSE file"
                    + " system, nothing was opened. Keep the database on a local disk (--aupat.home or --aupat.database;"
                    + " the archive, staging and replicas may stay on the share), or use PostgreSQL (README \"Shared"
                    + " archives on PostgreSQL\").");
        }
        log.info(LogMarkers.FILE_ONLY, "pre-flight file systems: the database and its run state are on local disks");
        proved = true;
    }

    /** The path as the mount table names it: its nearest existing folder, symbolic links followed. */
    static Path resolved(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path.toAbsolutePath().normalize()));
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
