package org.aupat.archive.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Checked;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.replication.ReplicaRepair;
import org.aupat.archive.verify.VerifySummary.Failure;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.VerificationError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.hashing.FileHasher.Hashed;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * db_verify: re-hashes archive copies chunk by chunk, records each chunk's passes in one
 * transaction, logs every failure, then hands the locations without failures to the staging cleanup.
 * Rows not archived yet ({@link MediaState}) are counted, never checked.
 */
@Service
public class VerifyService {
    private static final Logger log = LoggerFactory.getLogger(VerifyService.class);
    static final int CHUNK = 100;

    private final MediaRepository media;
    private final LocationRepository locations;
    private final VerifyLedger ledger;
    private final StagingCleaner cleaner;
    private final FileHasher hasher;
    private final FailureLog failureLog;
    private final ProgressReporter progress;
    private final ArchiveClock clock;
    private final ReplicaRepair repair;
    private final Path archive;

    public VerifyService(MediaRepository media, LocationRepository locations, VerifyLedger ledger, StagingCleaner cleaner,
                         FileHasher hasher, FailureLog failureLog, ProgressReporter progress,
                         ArchiveClock clock, ReplicaRepair repair, AupatProperties properties) {
        this.media = media;
        this.locations = locations;
        this.ledger = ledger;
        this.cleaner = cleaner;
        this.hasher = hasher;
        this.failureLog = failureLog;
        this.progress = progress;
        this.clock = clock;
        this.repair = repair;
        this.archive = properties.archive();
    }

    /** Refuses a request for a location this archive does not have; reads only. */
    public void check(VerifyRequest request) {
        if (request.location() != null) {
            locations.require(request.location());
        }
    }

    /**
     * Whether a run as asked would re-hash no file at all: it then changes nothing (the runner makes no backup
     * for it). Staging copies are removed only for files a run verifies, so there are none either.
     */
    public boolean nothingToDo(VerifyRequest request) {
        Run run = new Run(request, null, null);
        for (MediaType type : MediaType.values()) {
            if (run.planned(type) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Runs one verification as asked and returns its accounting; any failure in it means exit code 1. */
    public VerifySummary verify(VerifyRequest request) {
        check(request);
        long started = System.nanoTime();
        Run run = new Run(request, new VerifySummary(request.dryRun()), clock.timestamp());
        long total = 0;
        for (MediaType type : MediaType.values()) {
            total += run.planned(type);
            run.summary.inStaging(count(type, request.location(), MediaState.STAGED, MediaState.ORGANIZED));
        }
        try (Progress bar = progress.start("verifying", total, 0, "files")) {
            for (MediaType type : MediaType.values()) {
                run.check(type, bar);
            }
        }
        if (request.cleanup()) {
            cleaner.clean(request.location(), run.failedLocations, run.passed, run.summary, run::failedAtCleanup);
        }
        run.summary.elapsed(System.nanoTime() - started);
        return run.summary;
    }

    /** The state of one run: what it was asked, what passed and which locations had a failure. */
    private final class Run {
        private final VerifyRequest request;
        private final VerifySummary summary;
        /** Rows verified before this instant are the sample's candidates; the ones this run verifies come after. */
        private final String startedAt;
        private final Set<MediaKey> passed = new HashSet<>();
        private final Set<String> failedLocations = new HashSet<>();

        Run(VerifyRequest request, VerifySummary summary, String startedAt) {
            this.request = request;
            this.summary = summary;
            this.startedAt = startedAt;
        }

        /** Rows this run will look at for one type (the progress total). */
        long planned(MediaType type) {
            if (request.samplePercent() != null) {
                return sampleSize(type);
            }
            return request.all() ? archivedRows(type) : count(type, request.location(), MediaState.ARCHIVED);
        }

        private long sampleSize(MediaType type) {
            return (long) Math.ceil(archivedRows(type) * request.samplePercent() / 100.0);
        }

        private long archivedRows(MediaType type) {
            return count(type, request.location(), MediaState.ARCHIVED, MediaState.VERIFIED);
        }

        void check(MediaType type, Progress bar) {
            String location = request.location();
            long budget = request.samplePercent() == null ? Long.MAX_VALUE : sampleSize(type);
            long afterRowid = 0;
            // Unverified rows first (never-verified sort first in the sample too), or every row for --all.
            while (budget > 0) {
                int limit = (int) Math.min(CHUNK, budget);
                List<MediaFile> rows = request.all() ? media.all(type, location, afterRowid, limit)
                        : media.unverified(type, location, afterRowid, limit);
                if (rows.isEmpty()) {
                    break;
                }
                afterRowid = rows.get(rows.size() - 1).rowid();
                budget -= checkChunk(type, rows, bar);
            }
            if (request.samplePercent() == null) {
                return;
            }
            String afterVerified = "";
            afterRowid = 0;
            while (budget > 0) {
                List<Checked> rows = media.verifiedBefore(type, location, startedAt, afterVerified, afterRowid,
                        (int) Math.min(CHUNK, budget));
                if (rows.isEmpty()) {
                    break;
                }
                Checked last = rows.get(rows.size() - 1);
                afterVerified = last.verified();
                afterRowid = last.file().rowid();
                budget -= checkChunk(type, rows.stream().map(Checked::file).toList(), bar);
            }
        }

        /**
         * Checks one chunk and records it in one transaction: passes get a timestamp, failures lose theirs (so
         * the next run checks them first). Returns how many archive files it re-hashed.
         */
        private long checkChunk(MediaType type, List<MediaFile> rows, Progress bar) {
            List<MediaKey> ok = new ArrayList<>();
            List<MediaKey> failed = new ArrayList<>();
            Map<Path, Hashed> hashes = hashArchived(rows);
            for (MediaFile row : rows) {
                Path file = pathOf(row);
                if (!file.startsWith(archive)) {
                    fail(row, file, null, "its recorded path is outside the archive " + archive, 0);
                    failed.add(row.key());
                } else if (matches(row, file, hashes.get(file))) {
                    ok.add(row.key());
                } else {
                    failed.add(row.key());
                }
                bar.advance(1);
            }
            if (!(ok.isEmpty() && failed.isEmpty()) && !request.dryRun()) {
                ledger.record(ok, failed, clock.timestamp());
            }
            passed.addAll(ok);
            return rows.size();
        }

        /** The chunk's archive copies, hashed all at once (the others are never read). */
        private Map<Path, Hashed> hashArchived(List<MediaFile> rows) {
            List<Path> files = rows.stream().map(VerifyService::pathOf)
                    .filter(file -> file.startsWith(archive)).distinct().toList();
            Map<Path, Hashed> hashes = new HashMap<>();
            hasher.sha256All(files).forEach(hashed -> hashes.put(hashed.file(), hashed));
            return hashes;
        }

        private boolean matches(MediaFile row, Path file, Hashed hashed) {
            long size = 0;
            String actual;
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    return repaired(row, file, null, Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                            ? "it is not a regular file" : "it is missing", 0);
                }
                size = Files.size(file);
                actual = hashed.value();
            } catch (IOException | AupatError e) {
                return repaired(row, file, null, "it cannot be read: " + e.getMessage(), size);
            }
            if (!actual.equals(row.sha())) {
                return repaired(row, file, actual, "its SHA-256 does not match (changed or damaged on disk)", size);
            }
            summary.passed(size);
            return true;
        }

        /**
         * A bad archive copy put back from a replica whose copy verifies (not in a dry run): the failure log
         * keeps the record and the file counts as passed; with no good replica copy it is a failure.
         */
        private boolean repaired(MediaFile row, Path file, String actual, String reason, long bytesRead) {
            java.util.Optional<String> from = request.dryRun() ? java.util.Optional.empty()
                    : repair.repair(file, row.sha());
            if (from.isEmpty()) {
                fail(row, file, actual, reason, bytesRead);
                return false;
            }
            String message = file + ": " + reason + "; expected SHA-256 " + row.sha() + ", found "
                    + (actual == null ? "nothing readable" : actual) + "; repaired from " + from.get();
            failureLog.record(new VerificationError(message, Map.of("path", file.toString(), "expected", row.sha(),
                    "repaired_from", from.get())), "VerifyService.check", "verify archive copy", false);
            log.warn("{}", message);
            summary.repaired(file, from.get());
            summary.reRead(bytesRead);
            try {
                summary.passed(Files.size(file));
            } catch (IOException e) {
                summary.passed(0);
            }
            return true;
        }

        private void fail(MediaFile row, Path file, String actual, String reason, long bytesRead) {
            summary.reRead(bytesRead);
            StagingCleaner.Copies copies = cleaner.copiesOf(row, file, summary);
            record(new Failure(row.type(), row.locationUuid(), file, row.sha(), actual, reason, copies.good(),
                    copies.unusable()));
        }

        /** A verified row whose archive copy went bad since: it is verified no longer, and counts as a failure. */
        void failedAtCleanup(Failure failure) {
            record(failure);
            if (!request.dryRun()) {
                ledger.record(List.of(), List.of(failure.key()), clock.timestamp());
            }
        }

        /** Counts a failure, marks its location as failed (its staging stays) and writes it to the failure log. */
        void record(Failure failure) {
            summary.failed(failure);
            failedLocations.add(failure.locationUuid());
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("path", failure.file().toString());
            context.put("expected", failure.expected());
            context.put("actual", failure.actual() == null ? "unreadable" : failure.actual());
            context.put("other_copies", failure.otherCopies().toString());
            if (!failure.unusableCopies().isEmpty()) {
                context.put("unusable_copies", failure.unusableCopies().toString());
            }
            String message = describe(failure);
            failureLog.record(new VerificationError(message, context), "VerifyService.check", "verify archive copy", false);
            log.error("{}", message);
        }
    }

    private static Path pathOf(MediaFile row) {
        return Path.of(row.loc()).toAbsolutePath().normalize();
    }

    private long count(MediaType type, String location, MediaState... states) {
        long n = 0;
        for (MediaState state : states) {
            n += media.count(type, location, state);
        }
        return n;
    }

    /** One line naming the file, both hashes and every other copy, for the console and the failure log. */
    public static String describe(Failure f) {
        StringBuilder unusable = new StringBuilder();
        f.unusableCopies().forEach((copy, why) -> unusable.append("; not a good copy: ").append(copy).append(" (")
                .append(why).append(')'));
        return f.file() + ": " + f.reason() + "; expected SHA-256 " + f.expected() + ", found "
                + (f.actual() == null ? "nothing readable" : f.actual()) + "; "
                + (f.otherCopies().isEmpty() ? "no good staging or backup copy exists (restore it from an off-site backup)"
                : "good copies (re-hashed just now): " + f.otherCopies()) + unusable;
    }
}
