package org.aupat.archive.replication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.replication.ReplicaRepository.Copy;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.error.VerificationError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.interruption.Interruption;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.springframework.stereotype.Service;

/**
 * db_verify --replica: reads back the copies a replica is recorded to hold and hashes them. A copy that
 * holds its bytes gets a fresh time; one missing or changed is logged as a failure and forgotten, so that
 * the next replicate sends it again. {@code --sample=P} re-reads the P % proven longest ago.
 */
@Service
public class ReplicaVerifier {
    static final int CHUNK = 100;

    /** What one check of a replica found. */
    public static final class Summary {
        private final String replica;
        private final boolean dryRun;
        private long good;
        private final Map<String, String> bad = new LinkedHashMap<>();

        Summary(String replica, boolean dryRun) {
            this.replica = replica;
            this.dryRun = dryRun;
        }

        public long good() {
            return good;
        }

        /** Replica paths whose copy is missing or changed, each with what was found. */
        public Map<String, String> bad() {
            return Map.copyOf(bad);
        }

        public void printTo(Console console) {
            bad.forEach((path, why) -> console.error("  FAILED replica " + replica + ": " + path + " " + why));
            console.info(String.format("%sReplica %s: %d copies hold their recorded bytes, %d missing or changed%s.",
                    dryRun ? "Dry run, nothing recorded. " : "", replica, good, bad.size(),
                    bad.isEmpty() || dryRun ? "" : " (forgotten: the next replicate sends them again)"));
        }
    }

    private final Replicas replicas;
    private final ReplicaRepository repository;
    private final ReplicaLedger ledger;
    private final FailureLog failureLog;
    private final ProgressReporter progress;
    private final ArchiveClock clock;

    public ReplicaVerifier(Replicas replicas, ReplicaRepository repository, ReplicaLedger ledger, FailureLog failureLog,
            ProgressReporter progress, ArchiveClock clock) {
        this.replicas = replicas;
        this.repository = repository;
        this.ledger = ledger;
        this.failureLog = failureLog;
        this.progress = progress;
        this.clock = clock;
    }

    /** Pre-flight: the replica is configured (exit 2) and can be read (exit 3); the sample is a percentage. */
    public void check(String replica, Integer samplePercent) {
        if (samplePercent != null && (samplePercent < 1 || samplePercent > 100)) {
            throw new ValidationError("sample", samplePercent, "must be a whole percentage from 1 to 100");
        }
        replicas.byName(replica).requireReachable(false);
    }

    /** Re-reads every copy (samplePercent null) or the given share, oldest-proven first. */
    public Summary verify(String name, Integer samplePercent, boolean dryRun) {
        check(name, samplePercent);
        Replica replica = replicas.byName(name);
        Summary summary = new Summary(name, dryRun);
        String startedAt = clock.timestamp();
        long total = repository.count(name);
        long budget = samplePercent == null ? total : (long) Math.ceil(total * samplePercent / 100.0);
        try (Progress bar = progress.start("verifying replica " + name, budget, 0, "files")) {
            String afterVerified = "";
            String afterPath = "";
            while (budget > 0) {
                Interruption.atSafePoint();
                int limit = (int) Math.min(CHUNK, budget);
                List<Copy> copies = samplePercent == null ? repository.copies(name, afterPath, limit)
                        : repository.oldestVerified(name, startedAt, afterVerified, afterPath, limit);
                if (copies.isEmpty()) {
                    break;
                }
                Copy last = copies.get(copies.size() - 1);
                afterVerified = last.verified();
                afterPath = last.path();
                budget -= copies.size();
                checkChunk(replica, copies, summary, dryRun, bar);
            }
        }
        return summary;
    }

    private void checkChunk(Replica replica, List<Copy> copies, Summary summary, boolean dryRun, Progress bar) {
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Copy copy : copies) {
            String why;
            try {
                java.util.Optional<String> sha = replica.hash(copy.path());
                why = sha.isEmpty() ? "is missing" : sha.get().equals(copy.sha256()) ? null
                        : "has changed: SHA-256 " + sha.get() + " instead of " + copy.sha256();
            } catch (AupatError e) {
                why = "cannot be read: " + e.getMessage();
            }
            if (why == null) {
                good.add(copy.path());
                summary.good++;
            } else {
                bad.add(copy.path());
                summary.bad.put(copy.path(), why);
                failureLog.record(new VerificationError("replica " + replica.name() + ": " + copy.path() + " " + why,
                        Map.of("replica", replica.name(), "path", copy.path(), "expected", copy.sha256())),
                        "ReplicaVerifier.verify", "verify replica copy", false);
            }
            bar.advance(1);
        }
        if (!dryRun) {
            ledger.checked(replica.name(), good, bad, clock.timestamp());
        }
    }
}
