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
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.maintenance.VerifiedBackups;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.replication.ReplicaRepository.LocationFolder;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.PostgresAdvisoryLock;
import org.aupat.foundation.db.PostgresBackup;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.hashing.FileHasher;
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
 *
 * <p>On PostgreSQL ({@link PostgresRecovery}) the backup is the newest verified pg_dump ({@code .dump}) on the
 * replica, and the configured database is the target: it must hold no table, and the dump is restored into it
 * in one transaction. Everything after the database (files, master JSONs, moved paths) is the same code for both.
 *
 * <p>A kill at any instant converges when the same command runs again: the database appears whole or not
 * at all ({@link RecoveryRepository}, or the restore's one transaction); a marker beside it
 * ({@code <database>.recovering}, or {@code postgres.recovering} in the home, naming the replica and the
 * backup) is written before it and removed only at the end, so a home holding it is an unfinished recover,
 * which the next run resumes (a file already there is kept only if it hashes to its recorded SHA-256, and the
 * file journal undoes a chunk that was not committed). On PostgreSQL the marker gets a second form once the
 * restore committed: the archive's identity and the paths to move, written before they are moved, so a resumed
 * run moves what is left and rewrites the master JSONs, and never resumes into another archive's database.
 */
@Service
public class RecoveryService {
    private static final Logger log = LoggerFactory.getLogger(RecoveryService.class);
    static final int CHUNK = 100;
    /** How many unrestored files the summary names; the failure log names them all. */
    static final int NAMED = 50;
    /** A marker line naming a folder whose recorded paths were moved (the master JSONs are written again). */
    private static final String MOVED = "moved ";
    /** A marker line (PostgreSQL): the restore committed, into the archive with this identity; its moves follow. */
    private static final String RESTORED = "restored ";

    /** What a recovery restored and what it could not. */
    public static final class Summary {
        private final String replica;
        String backup;
        long files;
        long bytes;
        long masterJsons;
        long notRestored;
        long inStaging;
        long rewritten;
        final List<String> problems = new ArrayList<>();
        /** The home's folders that lay elsewhere when the backup was made, as "folder old -> new". */
        final List<String> moved = new ArrayList<>();

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

        /** The folders whose recorded paths were moved onto this home ("archive /old -> /new"); empty when none. */
        public List<String> moved() {
            return List.copyOf(moved);
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
            if (!moved.isEmpty()) {
                console.out("The backup was made in a home at another place: the paths it records were moved onto"
                        + " this one (" + String.join("; ", moved) + "), and " + rewritten + " master JSON(s) were"
                        + " written again from the database; run --script=replicate to send them.");
            }
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
    private final FileHasher hasher;
    private final IdentifyService identify;
    private final PostgresRecovery server;

    public RecoveryService(Replicas replicas, AupatProperties properties, FileSystemCalls fs,
            RecoveryRepository database, VerifiedBackups backups, MediaRepository media, ReplicaRepository copies,
            ArchiveLayout layout, FileTransactions transactions, FailureLog failureLog, ProgressReporter progress,
            FileHasher hasher, IdentifyService identify, PostgresRecovery server) {
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
        this.hasher = hasher;
        this.identify = identify;
        this.server = server;
    }

    /** The marker of an unfinished recover: it lies beside the database while one runs. */
    Path marker() {
        Path db = properties.databaseInFile() ? properties.databaseFile() : properties.home().resolve("postgres");
        return db.resolveSibling(db.getFileName() + ".recovering");
    }

    /** The unfinished recover's lines (replica, backup), or empty when none was interrupted. */
    private Optional<List<String>> unfinished() {
        Path marker = marker();
        try {
            return Files.isRegularFile(marker) ? Optional.of(Files.readAllLines(marker)) : Optional.empty();
        } catch (IOException e) {
            throw new PreflightError("cannot read " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pre-flight: the replica is reachable, the home has no database (on PostgreSQL: the database holds no
     * table) and an empty (or no) archive folder, or an interrupted recover from this replica is to be resumed.
     */
    public void check(String name) {
        Replica replica = replicas.byName(name);
        Optional<List<String>> unfinished = unfinished();
        if (unfinished.isPresent()) {
            String from = unfinished.get().isEmpty() ? "" : unfinished.get().get(0);
            if (!from.equals(name)) {
                throw new PreflightError("an interrupted recover from replica " + from + " left this home half"
                        + " restored (" + marker() + "): run --script=recover --replica=" + from + " again to finish it;"
                        + " nothing was changed.");
            }
            replica.requireReachable(false);
            return;
        }
        if (server.active()) {
            if (server.holdsTables()) {
                throw new ConfigurationError("recover fills an empty database, and " + server.shown() + " (aupat.database)"
                        + " holds tables, maybe an archive other computers use: create a new empty database (CREATE"
                        + " DATABASE name;) and point aupat.database at it; nothing was changed.");
            }
        } else {
            Path db = properties.databaseFile();
            try {
                if (Files.exists(db, LinkOption.NOFOLLOW_LINKS) && Files.size(db) > 0) {
                    throw new PreflightError("recover fills an empty home, and the database " + db + " exists: move it"
                            + " aside (or point --aupat.database at a new place) first; nothing was changed.");
                }
            } catch (IOException e) {
                throw new PreflightError("cannot look at " + db + ": " + e.getMessage(), e);
            }
        }
        Path archive = properties.archive();
        if (Files.isDirectory(archive)) {
            try (Stream<Path> entries = Files.list(archive)) {
                if (entries.findAny().isPresent()) {
                    throw new PreflightError("recover fills an empty home, and the archive folder " + archive
                            + " is not empty: move it aside first; nothing was changed.");
                }
            } catch (IOException e) {
                throw new PreflightError("cannot look at the archive folder " + archive + ": " + e.getMessage(), e);
            }
        }
        replica.requireReachable(false);
    }

    public Summary recover(String name) {
        check(name);
        Replica replica = replicas.byName(name);
        Summary summary = new Summary(name);
        Optional<List<String>> unfinished = unfinished();
        PostgresAdvisoryLock.Held archiveLock = null;
        try {
            if (unfinished.isPresent() && databaseMade()) {
                List<String> lines = unfinished.get();
                summary.backup = lines.size() > 1 ? lines.get(1) : "the backup of the interrupted run";
                lines.stream().skip(2).filter(l -> l.startsWith(MOVED)).map(l -> l.substring(MOVED.length()))
                        .forEach(summary.moved::add);
                log.warn("resuming the recover from replica {} that an interrupted run left unfinished", name);
            } else {
                restoreDatabase(replica, summary);
                if (server.active()) {
                    archiveLock = server.archiveIdentity().map(server::lockArchive).orElse(null);
                }
            }
            if (server.active()) {
                movePathsOnServer(name, summary);
            }
            restoreFiles(replica, summary);
            restoreMasterJsons(replica, summary);
            if (!summary.moved.isEmpty()) {
                rewriteMasterJsons(summary);
            }
            finished();
            return summary;
        } finally {
            if (archiveLock != null) {
                archiveLock.close();
            }
        }
    }

    /** Whether the database is there whole: the SQLite file got its name, or the server's restore committed. */
    private boolean databaseMade() {
        return server.active() ? server.holdsTables() : Files.exists(properties.databaseFile(), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The newest backup on the replica that matches its SHA-256 file (and restores) becomes the database: an
     * SQLite file ({@code .db}) or, on PostgreSQL, a pg_dump ({@code .dump}) restored into the empty database.
     */
    private void restoreDatabase(Replica replica, Summary summary) {
        String extension = server.active() ? PostgresBackup.EXTENSION : ".db";
        List<String> names = replica.list(Replica.BACKUPS).stream().filter(n -> n.endsWith(extension))
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
                if (!alreadyRestored(target, listed.get(), transaction)) {
                    replica.fetch(path, target, listed.get(), transaction);
                }
                transaction.commit();
                if (server.active()) {
                    restoreOnServer(replica, backup, target, listed.get());
                } else {
                    restoreFile(replica, backup, target, listed.get(), summary);
                }
                summary.backup = backup;
                return;
            } catch (PreflightError | ConfigurationError e) {
                throw e; // the home or the database refuses, not this backup: an older one would fare no better
            } catch (AupatError e) {
                log.warn("replica {}: backup {} cannot be used: {}; an older one is tried", replica.name(), backup,
                        e.getMessage());
            }
        }
        throw new FileSystemError("replica " + replica.name() + " (" + replica.where() + ") holds no database backup"
                + " that matches its .sha256 file and restores (the log says why each was refused), so nothing can be"
                + " recovered from it; nothing was changed.", null);
    }

    /** SQLite: the backup is copied, checked and moved onto this home under a temporary name, then named. */
    private void restoreFile(Replica replica, String backup, Path copy, String sha256, Summary summary) {
        database.prepare(copy, sha256, properties.databaseFile());
        List<RecordedPaths.Move> moves = database.rebase(properties.databaseFile(), home());
        moves.forEach(m -> summary.moved.add(m.toString()));
        backups.adopt(copy, sha256);
        StringBuilder marker = new StringBuilder(replica.name() + "\n" + backup + "\n");
        summary.moved.forEach(m -> marker.append(MOVED).append(m).append('\n'));
        mark(marker.toString());
        database.place(properties.databaseFile());
    }

    /**
     * PostgreSQL: the marker first, then the dump into the empty database in one transaction. A dump that does
     * not restore leaves the database empty and no marker; the next older backup is tried.
     */
    private void restoreOnServer(Replica replica, String backup, Path dump, String sha256) {
        backups.adopt(dump, sha256);
        mark(replica.name() + "\n" + backup + "\n");
        try {
            server.restore(dump);
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
    }

    /**
     * PostgreSQL: the restored rows' paths are moved onto this home. The moves are found once, right after the
     * restore, and written into the marker with the archive's identity before they are made; a resumed run takes
     * them from there (the rows may be moved already) and refuses a database that holds another archive.
     */
    private void movePathsOnServer(String replica, Summary summary) {
        List<String> lines = unfinished().orElseThrow(() -> new IllegalStateException("written before the restore"));
        String id = server.archiveIdentity().orElse("none");
        Optional<String> restored = lines.stream().filter(l -> l.startsWith(RESTORED))
                .map(l -> l.substring(RESTORED.length())).findFirst();
        if (restored.isPresent() && !restored.get().equals(id)) {
            throw new PreflightError("an interrupted recover restored archive " + restored.get() + " into "
                    + server.shown() + ", which now holds archive " + id + ": something else wrote it since. Create a"
                    + " new empty database, point aupat.database at it, remove " + marker() + " and run the recover"
                    + " again; nothing was changed.");
        }
        if (restored.isEmpty()) {
            server.moves(home()).forEach(m -> summary.moved.add(m.toString()));
            StringBuilder marker = new StringBuilder(replica + "\n" + summary.backup + "\n" + RESTORED + id + "\n");
            summary.moved.forEach(m -> marker.append(MOVED).append(m).append('\n'));
            mark(marker.toString());
        }
        server.rebase(home());
    }

    /** This home's folders, where the restored rows must say their files lie. */
    private RecordedPaths.Home home() {
        return new RecordedPaths.Home(properties.archive(), properties.staging(), properties.trash());
    }

    /** Writes the marker of a recover under way, flushed, before the database gets its name. */
    private void mark(String lines) {
        Path marker = marker();
        try {
            if (Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
                fs.delete(marker);
            }
            try (var out = fs.createNew(marker)) {
                fs.write(out, java.nio.ByteBuffer.wrap(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                fs.force(out);
            }
            fs.forceDirectory(marker.getParent());
        } catch (IOException e) {
            throw new FileSystemError("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /** The recover ran to its end: the home is a home again, and a further recover refuses it. */
    private void finished() {
        Path marker = marker();
        try {
            fs.delete(marker);
            fs.forceDirectory(marker.getParent());
        } catch (IOException e) {
            throw new FileSystemError("cannot remove " + marker + " at the end of the recover: " + e.getMessage()
                    + "; remove it by hand.", e);
        }
    }

    /**
     * Whether a file an interrupted run already restored holds its recorded bytes (then it is kept); one
     * that does not is set aside in the transaction, to be fetched again.
     */
    private boolean alreadyRestored(Path file, String sha256, FileTransaction transaction) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && hasher.sha256(file).equalsIgnoreCase(sha256)) {
            return true;
        }
        log.warn("{} does not hold its recorded bytes: it is fetched again", file);
        transaction.deleteWithBackup(file);
        return false;
    }

    /** Sorts backup names by their time, a -2, -3... suffix after the plain name of the same second. */
    static String backupOrder(String name) {
        String stem = name.replaceFirst("\\.(db|dump)$", "");
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
                                if (!alreadyRestored(file, row.sha(), transaction)) {
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
                        if (!alreadyRestored(json, copy.get().sha256(), transaction)) {
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

    /**
     * The master JSONs restored from the replica name the old home's paths: each is written again from the
     * moved database (db_identify's own writer), so that the archive describes itself where it now lies.
     */
    private void rewriteMasterJsons(Summary summary) {
        IdentifyService.Result result = identify.identify(null, true);
        summary.rewritten = result.written().size();
        result.failed().forEach((location, why) -> log.warn("master JSON of location {} was not written again: {};"
                + " run --script=db_identify --all", location, why));
    }

    private void notRestored(Summary summary, String what, AupatError e) {
        summary.notRestored++;
        if (summary.problems.size() < NAMED) {
            summary.problems.add(what + ": " + e.getMessage());
        }
        failureLog.record(e, "RecoveryService.recover", "recover " + what, true);
    }
}
