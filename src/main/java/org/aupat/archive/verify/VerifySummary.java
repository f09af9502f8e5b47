package org.aupat.archive.verify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.console.Console;

/** The accounting of one db_verify run: what was re-hashed, what failed, what staging files went or stayed. */
public final class VerifySummary {
    /**
     * A check that failed: the archive file, the SHA-256 recorded and the one found (null when the file
     * could not be read), why, the other copies that can replace it (separate files, re-hashed just now and
     * holding the recorded bytes), and the copies found that cannot, each with the reason.
     */
    public record Failure(MediaType type, String locationUuid, Path file, String expected, String actual, String reason,
                          List<Path> otherCopies, Map<Path, String> unusableCopies) {
        /** The row whose check failed. */
        public MediaKey key() {
            return new MediaKey(type, expected);
        }
    }

    private final boolean dryRun;
    private long verified;
    private long stillInStaging;
    private long bytesReRead;
    private long elapsedNanos;
    private final List<Failure> failures = new ArrayList<>();
    private final List<Path> stagingRemoved = new ArrayList<>();
    private final Map<Path, String> stagingKept = new LinkedHashMap<>();
    private final Map<Path, String> repaired = new LinkedHashMap<>();

    VerifySummary(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void passed(long bytes) {
        verified++;
        bytesReRead += bytes;
    }

    void failed(Failure failure) {
        failures.add(failure);
    }

    void repaired(Path file, String replica) {
        repaired.put(file, replica);
    }

    /** Archive files found bad and put back from a replica: file -> the replica's name. */
    public Map<Path, String> repaired() {
        return Map.copyOf(repaired);
    }

    void inStaging(long rows) {
        stillInStaging += rows;
    }

    void reRead(long bytes) {
        bytesReRead += bytes;
    }

    void removed(Path stagingFile) {
        stagingRemoved.add(stagingFile);
    }

    void kept(Path stagingFile, String why) {
        stagingKept.put(stagingFile, why);
    }

    void elapsed(long nanos) {
        elapsedNanos = nanos;
    }

    /** Whether nothing was changed on purpose (--dry-run): {@link #stagingRemoved()} lists what would go. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Archive files whose fresh SHA-256 equals the recorded one. */
    public long verified() {
        return verified;
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /** Rows not archived yet (their file is still in staging): not checked, counted. */
    public long stillInStaging() {
        return stillInStaging;
    }

    /** Staging copies removed (or, in a dry run, that would be removed). */
    public List<Path> stagingRemoved() {
        return List.copyOf(stagingRemoved);
    }

    /** Staging files left in place that are not simply waiting for their row, each with the reason. */
    public Map<Path, String> stagingKept() {
        return Map.copyOf(stagingKept);
    }

    public long bytesReRead() {
        return bytesReRead;
    }

    /** Files re-hashed per second of the whole run. */
    public double filesPerSecond() {
        double seconds = elapsedNanos / 1e9;
        return seconds <= 0 ? 0 : (verified + failures.size()) / seconds;
    }

    /** Prints what the verification did for a person; any failure in it means exit code 1. */
    public void printTo(Console console) {
        // A dry run's list is its result, so it goes to standard output; a real run's is detail.
        stagingRemoved.forEach(p -> {
            if (dryRun) {
                console.out("would remove " + p);
            } else {
                console.detail("  removed " + p);
            }
        });
        stagingKept.forEach((p, why) -> console.warn("  kept " + p + ": " + why));
        repaired.forEach((p, replica) -> console.warn("  " + p + ": repaired from " + replica));
        failures.forEach(f -> console.error("  FAILED " + VerifyService.describe(f)));
        console.out(String.format("%sVerified %d, failed %d, still in staging %d, staging files %s %d; re-read %s"
                        + " (%.1f files/s).", dryRun ? "Dry run, nothing changed. " : "", verified, failures.size(),
                stillInStaging(), dryRun ? "would remove" : "removed", stagingRemoved.size(), Console.size(bytesReRead),
                filesPerSecond()));
    }
}
