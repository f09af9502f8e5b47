package org.aupat.archive.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.maintenance.VerifiedBackups;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.replication.ReplicaRepository.LocationFolder;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.interruption.Interruption;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.aupat.foundation.rollback.FileSystemCalls;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * recover: rebuilds an empty home from one replica. The newest backup on the replica whose bytes match
 * its {@code .sha256} file is copied into the backups folder (checked as it is written) and becomes the
 * database; then every archived file the database names is copied from the replica to its recorded place,
 * each checked against its recorded SHA-256 as it is written, and every master JSON the replica is recorded
 * to hold. Whatever could not be restored is named, in the summary and the failure log.
 */
@Service
public class RecoveryService {
    private static final Logger log = LoggerFactory.getLogger(RecoveryService.class);
    static final int CHUNK = 100;
    /** How many unrestored files the summary names; the failure log names them all. */
    static final int NAMED = 50;

    /** What a recovery restored and what it could not. */
    public static final class Summary {
        private final String replica;
        String backup;
        long files;
        long bytes;
        long masterJsons;
        long notRestored;
        long inStaging;
        final List<String> problems = new ArrayList<>();

        Summary(String replica) {
            this.replica = replica;
        }

        public long files() {
            return files;
        }

        public long notRestored() {
            return notRestored;
        }

        public String backup() {
            return backup;
        }

        /** The first {@link #NAMED} things that could not be restored, each with why. */
        public List<String> problems() {
            return List.copyOf(problems);
        }

        public void printTo(org.aupat.foundation.console.Console console) {
            problems.forEach(p -> console.error("  NOT RESTORED " + p));
            if (notRestored > problems.size()) {
                console.error("  ... and " + (notRestored - problems.size()) + " more: see --script=failures --for=recover");
            }
            console.out(String.format("Recovered from replica %s: database from %s; %d file(s), %s, and %d master"
                            + " JSON(s), each checked against its SHA-256; not restored %d; %d file(s) were still in"
                            + " staging when the backup was made (import them again from their source).",
                    replica, backup, files, org.aupat.foundation.console.Console.size(bytes), masterJsons, notRestored,
                    inStaging));
        }
    }

    private final Replicas replicas;
    private final AupatProperties properties;
    private final FileSystemCalls fs;
    private final RecoveryRepository database;
    private final VerifiedBackups backups;
    private final MediaRepository media;
    private final ReplicaRepository copies;
    private final ArchiveLayout layout;
    private final FileTransactions transactions;
    private final FailureLog failureLog;
    private final ProgressReporter progress;

    public RecoveryService(Replicas replicas, AupatProperties properties, FileSystemCalls fs,
            RecoveryRepository database, VerifiedBackups backups, MediaRepository media, ReplicaRepository copies,
            ArchiveLayout layout, FileTransactions transactions, FailureLog failureLog, ProgressReporter progress) {
        this.replicas = replicas;
        this.properties = properties;
        this.fs = fs;
        this.database = database;
        this.backups = backups;
        this.media = media;
        this.copies = copies;
        this.layout = layout;
        this.transactions = transactions;
        this.failureLog = failureLog;
        this.progress = progress;
    }

    /** Pre-flight: the replica is reachable, the home has no database and an empty (or no) archive folder. */
    public void check(String name) {
        Replica replica = replicas.byName(name);
        Path db = properties.database();
        try {
            if (Files.exists(db, LinkOption.NOFOLLOW_LINKS) && Files.size(db) > 0) {
                throw new PreflightError("recover fills an empty home, and the database " + db + " exists: move it"
                        + " aside (or point --aupat.database at a new place) first; nothing was changed.");
            }
            Path archive = properties.archive();
            if (Files.isDirectory(archive)) {
                try (Stream<Path> entries = Files.list(archive)) {
                    if (entries.findAny().isPresent()) {
                        throw new PreflightError("recover fills an empty home, and the archive folder " + archive
                                + " is not empty: move it aside first; nothing was changed.");
                    }
                }
            }
        } catch (IOException e) {
            throw new PreflightError("cannot look at " + db + " or the archive folder: " + e.getMessage(), e);
        }
        replica.requireReachable(false);
    }

    public Summary recover(String name) {
        check(name);
        Replica replica = replicas.byName(name);
        Summary summary = new Summary(name);
        restoreDatabase(replica, summary);
        restoreFiles(replica, summary);
        restoreMasterJsons(replica, summary);
        return summary;
    }

    /** The newest backup on the replica that matches its SHA-256 file becomes the database. */
    private void restoreDatabase(Replica replica, Summary summary) {
        List<String> names = replica.list(Replica.BACKUPS).stream().filter(n -> n.endsWith(".db"))
                .sorted(Comparator.comparing(RecoveryService::backupOrder).reversed()).toList();
        try {
            // Before the journal, which lies inside it: a transaction creates only folders that are missing.
            Files.createDirectories(properties.backups());
        } catch (IOException e) {
            throw new FileSystemError("cannot create the backups folder " + properties.backups() + ": " + e, e);
        }
        FileTransactions local = new FileTransactions(properties.backups().resolve(".recover-journal"), fs);
        for (String backup : names) {
            String path = Replica.BACKUPS + "/" + backup;
            Optional<String> listed = replica.readText(path + ".sha256").map(t -> t.strip().split("\\s+")[0]);
            if (listed.isEmpty() || !listed.get().matches("[0-9a-f]{64}")) {
                log.warn("replica {}: {} has no readable .sha256 file; an older backup is tried", replica.name(), path);
                continue;
            }
            Path target = properties.backups().resolve(backup);
            try (FileTransaction transaction = local.begin()) {
                if (!Files.exists(target)) {
                    replica.fetch(path, target, listed.get(), transaction);
                }
                transaction.commit();
                database.restore(target, properties.database());
                backups.adopt(target, listed.get());
                summary.backup = backup;
                return;
            } catch (AupatError e) {
                log.warn("replica {}: backup {} cannot be used: {}; an older one is tried", replica.name(), backup,
                        e.getMessage());
            }
        }
        throw new FileSystemError("replica " + replica.name() + " (" + replica.where() + ") holds no database backup"
                + " that matches its .sha256 file, so nothing can be recovered from it; nothing was changed.", null);
    }

    /** Sorts backup names by their time, a -2, -3... suffix after the plain name of the same second. */
    static String backupOrder(String name) {
        String stem = name.substring(0, name.length() - 3);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.*_\\d{2}-\\d{2}-\\d{2})(?:-(\\d+))?").matcher(stem);
        return m.matches() ? m.group(1) + String.format("-%06d", m.group(2) == null ? 1 : Integer.parseInt(m.group(2)))
                : stem;
    }

    private void restoreFiles(Replica replica, Summary summary) {
        Path archive = properties.archive();
        long total = 0;
        for (MediaType type : MediaType.values()) {
            total += media.count(type, null, MediaState.ARCHIVED) + media.count(type, null, MediaState.VERIFIED);
            summary.inStaging += media.count(type, null, MediaState.STAGED) + media.count(type, null, MediaState.ORGANIZED);
        }
        try (Progress bar = progress.start("recovering from " + replica.name(), total, 0, "files")) {
            for (MediaType type : MediaType.values()) {
                long after = 0;
                while (true) {
                    Interruption.atSafePoint();
                    List<MediaFile> rows = media.archived(type, after, CHUNK);
                    if (rows.isEmpty()) {
                        break;
                    }
                    after = rows.get(rows.size() - 1).rowid();
                    try (FileTransaction transaction = transactions.begin()) {
                        for (MediaFile row : rows) {
                            Path file = Path.of(row.loc()).toAbsolutePath().normalize();
                            try {
                                String path = ArchivePaths.onReplica(archive, file);
                                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                                    summary.bytes += replica.fetch(path, file, row.sha(), transaction).size();
                                }
                                summary.files++;
                            } catch (AupatError e) {
                                notRestored(summary, file.toString(), e);
                            }
                            bar.advance(1);
                        }
                        transaction.commit();
                    }
                }
            }
        }
    }

    private void restoreMasterJsons(Replica replica, Summary summary) {
        String after = "";
        while (true) {
            List<LocationFolder> folders = copies.locationFolders(after, CHUNK);
            if (folders.isEmpty()) {
                return;
            }
            after = folders.get(folders.size() - 1).uuid();
            try (FileTransaction transaction = transactions.begin()) {
                for (LocationFolder f : folders) {
                    Path json = layout.masterJson(Path.of(f.folder()), f.uuid());
                    try {
                        String path = ArchivePaths.onReplica(properties.archive(), json);
                        Optional<ReplicaRepository.Copy> copy = copies.find(replica.name(), path);
                        if (copy.isEmpty()) {
                            throw new FileSystemError("the backup does not record it on replica " + replica.name()
                                    + "; run --script=db_identify --all to write it again", true,
                                    java.util.Map.of("path", path), null);
                        }
                        if (!Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
                            replica.fetch(path, json, copy.get().sha256(), transaction);
                        }
                        summary.masterJsons++;
                    } catch (AupatError e) {
                        notRestored(summary, json.toString(), e);
                    }
                }
                transaction.commit();
            }
        }
    }

    private void notRestored(Summary summary, String what, AupatError e) {
        summary.notRestored++;
        if (summary.problems.size() < NAMED) {
            summary.problems.add(what + ": " + e.getMessage());
        }
        failureLog.record(e, "RecoveryService.recover", "recover " + what, true);
    }
}
