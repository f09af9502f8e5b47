package org.aupat.archive.verify;

import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.foundation.error.ValidationError;

/**
 * What db_verify is asked to do: which rows to re-hash (unverified by default, every one with {@code all},
 * a rotating slice with {@code samplePercent}), for one location or all, and whether to clean staging.
 *
 * @param location      one location's UUID, or null for all
 * @param all           re-hash every archived file (an audit)
 * @param samplePercent re-hash this percentage (1-100) of the archive, oldest-verified first; null for none
 * @param cleanup       remove verified staging copies afterwards
 * @param dryRun        re-hash and list, but change nothing (no timestamps, no deletes)
 */
public record VerifyRequest(String location, boolean all, Integer samplePercent, boolean cleanup, boolean dryRun) {
    public VerifyRequest {
        if (location != null) {
            ArchiveLayout.checkUuid("location", location);
        }
        if (samplePercent != null && (samplePercent < 1 || samplePercent > 100)) {
            throw new ValidationError("sample", samplePercent, "must be a whole percentage from 1 to 100,"
                    + " for example --sample=5 to re-read the whole archive every 20 runs");
        }
        if (all && samplePercent != null) {
            throw new ValidationError("sample", samplePercent, "cannot be combined with --all (which re-reads everything);"
                    + " give one of them");
        }
    }
}
