package org.aupat.archive.verify;

import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.foundation.error.ValidationError;

/**
 * What db_verify is asked to do, built by name: {@link #unverified}, {@link #all} or {@link #sample}, for
 * one location or all (null), then {@link #keepingStaging()} or {@link #changingNothing()}
 * where wanted. By default staging copies of verified files are removed afterwards. Whether the database is
 * backed up first is the runner's business, not the request's.
 */
public final class VerifyRequest {
    private final String location;
    private final boolean all;
    private final Integer samplePercent;
    private final boolean cleanup;
    private final boolean dryRun;

    private VerifyRequest(String location, boolean all, Integer samplePercent, boolean cleanup, boolean dryRun) {
        if (location != null) {
            ArchiveLayout.checkUuid("location", location);
        }
        this.location = location;
        this.all = all;
        this.samplePercent = samplePercent;
        this.cleanup = cleanup;
        this.dryRun = dryRun;
    }

    /** db_verify's default: re-hash the archive copies not verified yet. */
    public static VerifyRequest unverified(String location) {
        return new VerifyRequest(location, false, null, true, false);
    }

    /** --all: re-hash every archived file (an audit). */
    public static VerifyRequest all(String location) {
        return new VerifyRequest(location, true, null, true, false);
    }

    /** --sample: the unverified ones, then this percentage (1-100) of the archive, oldest-verified first. */
    public static VerifyRequest sample(String location, int percent) {
        return unverified(location).sampling(percent);
    }

    /** This request with a sample of the archive added; refused on an {@link #all} request, which reads everything. */
    public VerifyRequest sampling(int percent) {
        if (percent < 1 || percent > 100) {
            throw new ValidationError("sample", percent, "must be a whole percentage from 1 to 100,"
                    + " for example --sample=5 to re-read the whole archive every 20 runs");
        }
        if (all) {
            throw new ValidationError("sample", percent, "cannot be combined with --all (which re-reads everything);"
                    + " give one of them");
        }
        return new VerifyRequest(location, false, percent, cleanup, dryRun);
    }

    /** --no-cleanup: verify only, leave staging as it is. */
    public VerifyRequest keepingStaging() {
        return new VerifyRequest(location, all, samplePercent, false, dryRun);
    }

    /** --dry-run: re-hash and list, but change nothing (no timestamps, no deletes). */
    public VerifyRequest changingNothing() {
        return new VerifyRequest(location, all, samplePercent, cleanup, true);
    }

    /** One location's UUID, or null for all. */
    public String location() {
        return location;
    }

    /** Re-hash every archived file. */
    public boolean all() {
        return all;
    }

    /** The percentage of the archive to re-hash besides the unverified files; null for none. */
    public Integer samplePercent() {
        return samplePercent;
    }

    /** Remove verified staging copies afterwards. */
    public boolean cleanup() {
        return cleanup;
    }

    public boolean dryRun() {
        return dryRun;
    }
}
