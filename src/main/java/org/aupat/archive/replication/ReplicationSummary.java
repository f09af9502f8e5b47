package org.aupat.archive.replication;

import java.util.ArrayList;
import java.util.List;
import org.aupat.foundation.console.Console;

/** The accounting of one replicate run, per replica: every archived file is in exactly one of its counts. */
public final class ReplicationSummary {
    /** One replica's counts (a dry run counts what would be sent as sent). */
    public static final class Totals {
        private final String replica;
        private final String where;
        long sent;
        long bytesSent;
        long alreadyThere;
        long foundThere;
        long failed;
        long waitingForVerify;
        long inStaging;
        long masterJsonSent;
        long masterJsonThere;
        long masterJsonMissing;
        String backup = "none";

        Totals(String replica, String where) {
            this.replica = replica;
            this.where = where;
        }

        public String replica() {
            return replica;
        }

        /** Files (media, master JSON, backup) sent in this run, or that a dry run would send. */
        public long sent() {
            return sent;
        }

        public long bytesSent() {
            return bytesSent;
        }

        /** Verified files the replica was recorded to hold already. */
        public long alreadyThere() {
            return alreadyThere;
        }

        /** Files found on the replica with the right bytes, not recorded before (recorded now, not sent). */
        public long foundThere() {
            return foundThere;
        }

        public long failed() {
            return failed;
        }

        /** Archived files not verified yet: sent once db_verify has proven them. */
        public long waitingForVerify() {
            return waitingForVerify;
        }

        /** Files still in staging: not archived, so not replicated. */
        public long inStaging() {
            return inStaging;
        }

        public long masterJsonSent() {
            return masterJsonSent;
        }

        public long masterJsonThere() {
            return masterJsonThere;
        }

        /** Locations with an archive folder but no master JSON yet (db_identify writes it). */
        public long masterJsonMissing() {
            return masterJsonMissing;
        }

        /** The newest verified backup: its name and "sent", "already there", or "none". */
        public String backup() {
            return backup;
        }
    }

    private final boolean dryRun;
    private final List<Totals> replicas = new ArrayList<>();
    private long elapsedNanos;

    ReplicationSummary(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void add(Totals totals) {
        replicas.add(totals);
    }

    void elapsed(long nanos) {
        elapsedNanos = nanos;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public List<Totals> replicas() {
        return List.copyOf(replicas);
    }

    public long failed() {
        return replicas.stream().mapToLong(Totals::failed).sum();
    }

    public long elapsedMillis() {
        return elapsedNanos / 1_000_000;
    }

    /** A totals line per replica (a result, kept by --quiet); the script gives the --json document. */
    public void printTo(Console console) {
        for (Totals t : replicas) {
            console.out(String.format("%sReplica %s (%s): %s %d file(s), %s; already there %d, found there %d,"
                            + " failed %d; not verified yet %d (run db_verify), still in staging %d; master JSON %s %d,"
                            + " already there %d, not written yet %d; newest verified backup: %s.",
                    dryRun ? "Dry run, nothing sent. " : "", t.replica, t.where, dryRun ? "would send" : "sent", t.sent,
                    Console.size(t.bytesSent), t.alreadyThere, t.foundThere, t.failed, t.waitingForVerify, t.inStaging,
                    dryRun ? "would send" : "sent", t.masterJsonSent, t.masterJsonThere, t.masterJsonMissing, t.backup));
        }
        console.info(String.format("replicate took %.1f s.", elapsedNanos / 1e9));
    }
}
