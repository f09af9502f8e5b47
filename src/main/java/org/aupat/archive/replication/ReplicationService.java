package org.aupat.archive.replication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.maintenance.VerifiedBackups;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.replication.ReplicaRepository.Copy;
import org.aupat.archive.replication.ReplicaRepository.LocationFolder;
import org.aupat.archive.replication.ReplicationSummary.Totals;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.DatabaseBackup;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.interruption.Interruption;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.aupat.foundation.rollback.CopyResult;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * replicate: sends each replica what it is not recorded to hold, in chunks: every archived and verified
 * file, every master JSON, the newest verified database backup (with a {@code .sha256} file beside it).
 * What to send is decided by one query per chunk over the database (never by listing the replica), so a
 * run with nothing new reads no file; a chunk's copies are committed, then recorded, so a killed run
 * resends at most one chunk. A dry run takes the same decisions and lists them instead.
 */
@Service
public class ReplicationService {
    private static final Logger log = LoggerFactory.getLogger(ReplicationService.class);
    static final int CHUNK = 200;

    /** One file to send: what it is, where it is here, its path on the replica, its SHA-256. */
    private record Item(String kind, Path local, String path, String sha256) {
    }

    private final Replicas replicas;
    private final MediaRepository media;
    private final ReplicaRepository repository;
    private final ReplicaLedger ledger;
    private final VerifiedBackups backups;
    private final DatabaseBackup databaseBackup;
    private final ArchiveLayout layout;
    private final FileTransactions transactions;
    private final FileHasher hasher;
    private final FailureLog failureLog;
    private final ProgressReporter progress;
    private final ArchiveClock clock;
    private final Path archive;

    public ReplicationService(Replicas replicas, MediaRepository media, ReplicaRepository repository,
            ReplicaLedger ledger, VerifiedBackups backups, DatabaseBackup databaseBackup, ArchiveLayout layout, FileTransactions transactions,
            FileHasher hasher, FailureLog failureLog, ProgressReporter progress, ArchiveClock clock,
            AupatProperties properties) {
        this.replicas = replicas;
        this.media = media;
        this.repository = repository;
        this.ledger = ledger;
        this.backups = backups;
        this.databaseBackup = databaseBackup;
        this.layout = layout;
        this.transactions = transactions;
        this.hasher = hasher;
        this.failureLog = failureLog;
        this.progress = progress;
        this.clock = clock;
        this.archive = properties.archive();
    }

    /** Pre-flight: the replicas asked for (null: all) exist and can be reached; throws otherwise (exit 2 or 3). */
    public List<Replica> check(String replica, boolean dryRun) {
        List<Replica> selected = replicas.selected(replica);
        if (selected.isEmpty()) {
            replicas.byName("?"); // names the settings to add
        }
        selected.forEach(r -> r.requireReachable(!dryRun));
        return selected;
    }

    /** Sends (or, for a dry run, lists through {@code wouldSend}) what each replica lacks. */
    public ReplicationSummary replicate(String replica, boolean dryRun, Consumer<String> wouldSend) {
        long started = System.nanoTime();
        ReplicationSummary summary = new ReplicationSummary(dryRun);
        List<Run> runs = new ArrayList<>();
        for (Replica r : check(replica, dryRun)) {
            Run run = new Run(r, dryRun, wouldSend);
            run.files();
            runs.add(run);
        }
        // The backup goes last, made after the copies are recorded: a replica's newest backup knows its files.
        boolean changed = runs.stream().anyMatch(Run::recordedAny);
        if (!dryRun && (changed || runs.stream().anyMatch(Run::lacksNewestBackup))) {
            databaseBackup.backup();
        }
        for (Run run : runs) {
            run.backup(changed);
            summary.add(run.totals);
        }
        summary.elapsed(System.nanoTime() - started);
        return summary;
    }

    /** The path a file of the archive has on a replica. */
    private String replicaPath(Path file) {
        return ArchivePaths.onReplica(archive, file);
    }

    /** One replica's run. */
    private final class Run {
        private final Replica replica;
        private final boolean dryRun;
        private final Consumer<String> wouldSend;
        private final Totals totals;

        Run(Replica replica, boolean dryRun, Consumer<String> wouldSend) {
            this.replica = replica;
            this.dryRun = dryRun;
            this.wouldSend = wouldSend;
            this.totals = new Totals(replica.name(), replica.where());
        }

        /** Whether this run recorded any copy (so the database changed since its newest backup). */
        boolean recordedAny() {
            return totals.sent + totals.foundThere + totals.masterJsonSent > 0;
        }

        /** Whether the replica lacks the newest backup the manifest lists (read from the records, no byte read). */
        boolean lacksNewestBackup() {
            return backups.newestListed().map(b -> !repository.holds(replica.name(), Replica.BACKUPS + "/" + b.name(),
                    b.sha256())).orElse(true);
        }

        void files() {
            String root = archive.toString();
            long missing = 0;
            Map<MediaType, Long> missingByType = new EnumMap<>(MediaType.class);
            for (MediaType type : MediaType.values()) {
                ReplicaRepository.Pending pending = repository.pending(type, replica.name(), root);
                missingByType.put(type, pending.missing());
                missing += pending.missing();
                totals.alreadyThere += pending.in(MediaState.VERIFIED) - pending.missing();
                totals.waitingForVerify += pending.in(MediaState.ARCHIVED);
                totals.inStaging += pending.in(MediaState.STAGED) + pending.in(MediaState.ORGANIZED);
            }
            try (Progress bar = progress.start("replicating to " + replica.name(), missing, 0, "files")) {
                for (MediaType type : MediaType.values()) {
                    long after = 0;
                    while (missingByType.get(type) > 0) {
                        Interruption.atSafePoint();
                        List<MediaFile> rows = media.verifiedMissingFrom(type, replica.name(), root, after, CHUNK);
                        if (rows.isEmpty()) {
                            break;
                        }
                        after = rows.get(rows.size() - 1).rowid();
                        List<Item> items = new ArrayList<>();
                        for (MediaFile row : rows) {
                            Path file = Path.of(row.loc());
                            try {
                                items.add(new Item("media", file, replicaPath(file), row.sha()));
                            } catch (AupatError e) {
                                failed(file.toString(), e);
                            }
                        }
                        send(items, bar);
                    }
                }
            }
            masterJsons();
        }

        /**
         * Each location's master JSON the replica lacks. One query per chunk says what the replica holds; a
         * file whose size is the recorded one and that was last written before its copy was recorded is not
         * read again (AUPAT rewrites a master JSON whole, under the run lock, so a newer one has a newer time);
         * any other is hashed and sent when its bytes differ.
         */
        private void masterJsons() {
            String after = "";
            while (true) {
                Interruption.atSafePoint();
                List<LocationFolder> folders = repository.locationFolders(after, CHUNK);
                if (folders.isEmpty()) {
                    return;
                }
                after = folders.get(folders.size() - 1).uuid();
                Map<String, Path> jsons = new LinkedHashMap<>();
                for (LocationFolder f : folders) {
                    Path json = layout.masterJson(Path.of(f.folder()), f.uuid());
                    if (!Files.isRegularFile(json)) {
                        totals.masterJsonMissing++;
                        continue;
                    }
                    try {
                        jsons.put(replicaPath(json), json);
                    } catch (AupatError e) {
                        failed(json.toString(), e);
                    }
                }
                Map<String, ReplicaRepository.Held> held = repository.heldAt(replica.name(), List.copyOf(jsons.keySet()));
                List<Item> items = new ArrayList<>();
                jsons.forEach((path, json) -> {
                    try {
                        ReplicaRepository.Held copy = held.get(path);
                        if (copy != null && unchangedSince(json, copy)) {
                            totals.masterJsonThere++;
                            return;
                        }
                        String sha = hasher.sha256(json);
                        if (copy != null && copy.sha256().equals(sha)) {
                            totals.masterJsonThere++;
                        } else {
                            items.add(new Item("master_json", json, path, sha));
                        }
                    } catch (AupatError e) {
                        failed(json.toString(), e);
                    }
                });
                send(items, null);
            }
        }

        private void backup(boolean newOneMade) {
            if (dryRun && newOneMade) {
                totals.backup = "a new one, made at the end of the run, would be sent";
                return;
            }
            var listed = backups.newestListed();
            if (!newOneMade && listed.isPresent() && repository.holds(replica.name(), Replica.BACKUPS + "/"
                    + listed.get().name(), listed.get().sha256())) {
                totals.backup = listed.get().name() + ", already there";
                return;
            }
            var newest = backups.newest();
            if (newest.isEmpty()) {
                totals.backup = "none (no backup that still matches its manifest; run --script=backup)";
                return;
            }
            var b = newest.get();
            String path = Replica.BACKUPS + "/" + b.name();
            if (repository.holds(replica.name(), path, b.sha256())) {
                totals.backup = b.name() + ", already there";
                return;
            }
            if (send(List.of(new Item("backup", b.file(), path, b.sha256())), null) == 1) {
                totals.backup = b.name() + (dryRun ? ", would be sent" : ", sent");
            } else {
                totals.backup = b.name() + ", FAILED (see the failure log)";
            }
        }

        /** Sends one chunk in one file transaction, then records what it proved; returns how many went. */
        private int send(List<Item> items, Progress bar) {
            if (items.isEmpty()) {
                return 0;
            }
            if (dryRun) {
                for (Item item : items) {
                    wouldSend.accept("would send " + item.path() + " to " + replica.name());
                    counted(item, size(item.local()), false);
                    advance(bar);
                }
                return items.size();
            }
            List<Copy> proven = new ArrayList<>();
            try (FileTransaction transaction = transactions.begin()) {
                List<Object> outcomes = outcomes(items, transaction);
                for (int i = 0; i < items.size(); i++) {
                    Item item = items.get(i);
                    if (outcomes.get(i) instanceof CopyResult copy) {
                        proven.add(new Copy(replica.name(), item.path(), item.kind(), copy.sha256(), copy.size(), null));
                        counted(item, copy.size(), copy.alreadyPresent());
                    } else {
                        failed(item.local().toString(), (AupatError) outcomes.get(i));
                    }
                    advance(bar);
                }
                transaction.commit();
            }
            ledger.record(proven, clock.timestamp());
            return proven.size();
        }

        /**
         * Sends each item; per item its CopyResult or the AupatError that stopped it, in the items' order. A
         * replica that takes several sends at once ({@link Replica#concurrentSends()}) gets them side by side.
         */
        private List<Object> outcomes(List<Item> items, FileTransaction transaction) {
            int threads = Math.min(replica.concurrentSends(), items.size());
            if (threads <= 1) {
                return items.stream().map(item -> outcome(item, transaction)).toList();
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "replicate-" + replica.name());
                t.setDaemon(true);
                return t;
            });
            try {
                List<java.util.concurrent.Future<Object>> futures = new ArrayList<>();
                for (Item item : items) {
                    futures.add(pool.submit(() -> outcome(item, transaction)));
                }
                List<Object> outcomes = new ArrayList<>();
                for (java.util.concurrent.Future<Object> f : futures) {
                    outcomes.add(f.get());
                }
                return outcomes;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending to replica " + replica.name(), e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }

        private Object outcome(Item item, FileTransaction transaction) {
            try {
                CopyResult copy = replica.send(item.local(), item.path(), item.sha256(), transaction);
                if (item.kind().equals("backup")) {
                    replica.sendText(item.sha256() + "  " + item.local().getFileName() + "\n",
                            item.path() + ".sha256", transaction);
                }
                return copy;
            } catch (AupatError e) {
                return e;
            }
        }

        private void counted(Item item, long size, boolean alreadyPresent) {
            if (alreadyPresent) {
                totals.foundThere++;
            } else if (item.kind().equals("master_json")) {
                totals.masterJsonSent++;
                totals.bytesSent += size;
            } else if (item.kind().equals("backup")) {
                totals.bytesSent += size;
            } else {
                totals.sent++;
                totals.bytesSent += size;
            }
        }

        private void failed(String what, AupatError e) {
            totals.failed++;
            failureLog.record(e, "ReplicationService.send", "replicate " + what + " to " + replica.name(), true);
            log.error("replica {}: {} was not sent: {}", replica.name(), what, e.getMessage());
        }
    }

    private static void advance(Progress bar) {
        if (bar != null) {
            bar.advance(1);
        }
    }

    /** Whether a file is the size recorded for its copy and was last written before the copy was recorded. */
    private static boolean unchangedSince(Path file, ReplicaRepository.Held copy) {
        try {
            return Files.size(file) == copy.size()
                    && ArchiveClock.format(Files.getLastModifiedTime(file).toInstant()).compareTo(copy.copied()) < 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
