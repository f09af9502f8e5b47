package org.aupat.archive.importing;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.finding.DuplicateSighting;
import org.aupat.archive.importing.StagingItem.Outcome;
import org.aupat.archive.importing.StagingItem.Target;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.foundation.checkpoint.Checkpointed;
import org.aupat.foundation.checkpoint.ChunkCounts;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.logging.LogMarkers;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The chunked, resumable part of db_import. Per chunk: one journaled file transaction copies the files
 * into {@code incoming/}, flushes them to disk together, renames them to their standard names and is
 * committed (the staged files are kept), then the chunk's rows are recorded in one database
 * transaction, then the checkpoint moves on. A crash before the file commit undoes the chunk's files; a
 * crash after it leaves staged files without rows, which the rerun adopts (same name, same bytes).
 * A rerun skips by position only when the source still holds, up to the checkpoint's position, the same
 * entries as when they were done ({@link WalkDigest}); otherwise it walks the whole source again.
 */
@Component
class FileStager {
    private static final Logger log = LoggerFactory.getLogger(FileStager.class);
    static final int CHUNK_FILES = 100;
    static final long CHUNK_BYTES = 256L << 20;

    private final ImportDecision decision;
    private final StagingItem item;
    private final StagingLedger ledger;
    private final FileTransactions fileTransactions;
    private final ArchiveLayout layout;
    private final ProgressReporter progress;
    private final Console console;
    private final ArchiveClock clock;
    private final ExiftoolPool exiftool;

    FileStager(ImportDecision decision, StagingItem item, StagingLedger ledger, FileTransactions fileTransactions,
               ArchiveLayout layout, ProgressReporter progress, Console console, ArchiveClock clock,
               ExiftoolPool exiftool) {
        this.decision = decision;
        this.item = item;
        this.ledger = ledger;
        this.fileTransactions = fileTransactions;
        this.layout = layout;
        this.progress = progress;
        this.console = console;
        this.clock = clock;
        this.exiftool = exiftool;
    }

    /** The work: a source with a known number of entries, staged for one location by one recorded import. */
    record Plan(Path source, long entries, String locationUuid, String subUuid, String author, boolean film,
                String filmStock, boolean hardlink, String importId) {
    }

    /** The checkpointed operation of an import. */
    static final String OPERATION = "stage files";

    @Checkpointed(OPERATION)
    public void stage(Plan plan, ImportSummary summary, ChunkedRun run) {
        long resumeAt = resumePosition(plan, run);
        summary.resumedFrom(resumeAt);
        run.total(plan.entries());
        WalkDigest walked = new WalkDigest(plan.source());
        Chunk chunk = new Chunk(plan, run, walked);
        try (Progress bar = progress.start("staging", plan.entries(), resumeAt, "files")) {
            long[] index = {0};
            SourceWalker.walk(plan.source(), entry -> {
                long position = ++index[0];
                walked.add(entry);
                if (position <= resumeAt) {
                    return;
                }
                chunk.add(entry, position, summary);
                bar.advance(1);
                if (chunk.full()) {
                    chunk.commit(summary);
                }
            });
            chunk.commit(summary);
        } catch (RuntimeException e) {
            chunk.undo();
            throw e;
        }
    }

    /**
     * Where this run may start: the interrupted run's position if the source still holds, up to there, the
     * very entries it had done (same names, order, sizes and times) and none of them failed, else 0 (a full
     * walk that finds the files already staged as this location's duplicates). The checkpoint only makes
     * resume fast.
     */
    private long resumePosition(Plan plan, ChunkedRun run) {
        if (!run.resumed()) {
            return 0;
        }
        long at = run.position();
        WalkDigest now = new WalkDigest(plan.source());
        String[] entryThere = {null};
        long[] index = {0};
        SourceWalker.walk(plan.source(), entry -> {
            if (++index[0] <= at) {
                now.add(entry);
                if (index[0] == at) {
                    entryThere[0] = entry.path().toString();
                }
            }
        });
        String why;
        if (run.lastItem() == null) {
            why = "its checkpoint does not say which entry it did last";
        } else if (!run.lastItem().equals(entryThere[0])) {
            why = "the source changed since the interrupted run (" + run.lastItem()
                    + (Files.exists(Path.of(run.lastItem()), LinkOption.NOFOLLOW_LINKS) ? " is no longer entry " + at
                    : " is gone") + ")";
        } else if (!now.value().equals(run.inputDigest())) {
            why = "the source changed since the interrupted run (an entry up to " + run.lastItem()
                    + " was added, removed, replaced or changed)";
        } else if (run.counts().failed() > 0) {
            // A file it refused (unreadable, changing) may be fine now without its size or time showing it.
            why = run.counts().failed() + " file(s) the interrupted run could not import get another try";
        } else {
            return at;
        }
        console.info("not resuming at entry " + at + ": " + why + "; walking all of the source again, the files"
                + " that run staged count as duplicates of this location");
        return 0;
    }

    /** The files of one chunk, staged in one file transaction and recorded in one database transaction. */
    private final class Chunk {
        private final Plan plan;
        private final ChunkedRun run;
        private final WalkDigest walked;
        private final List<Staged> rows = new ArrayList<>();
        private final List<DuplicateSighting> sightings = new ArrayList<>();
        private final List<Outcome> placed = new ArrayList<>();
        private final Map<MediaKey, String> stagedThisChunk = new HashMap<>();
        /** The same-stem .THM beside each video of this chunk that has one, by the video's SHA-256. */
        private final Map<String, Path> thumbnails = new HashMap<>();
        private FileTransaction files;
        private long bytes;
        private long read;
        private long skipped;
        private long failed;
        private long position;
        private String lastItem;

        Chunk(Plan plan, ChunkedRun run, WalkDigest walked) {
            this.plan = plan;
            this.run = run;
            this.walked = walked;
        }

        void add(SourceWalker.Entry entry, long entryPosition, ImportSummary summary) {
            position = entryPosition;
            lastItem = entry.path().toString();
            String path = OriginalNames.text(plan.source().relativize(entry.path()));
            FileOutcome first = decision.beforeReading(entry);
            if (first.kind() == FileOutcome.Kind.NOT_A_FILE) {
                summary.notAFile(path, first.why());
                log.info(LogMarkers.FILE_ONLY, "not imported: {}: {}", path, first.why());
                skipped++;
                return;
            }
            summary.countFound();
            read++;
            if (first.kind() == FileOutcome.Kind.IGNORED) {
                summary.ignored(path, first.why());
                log.info(LogMarkers.FILE_ONLY, "ignored: {} ({})", path, first.why());
                skipped++;
                return;
            }
            if (files == null) {
                files = fileTransactions.begin();
            }
            Target target = new Target(plan.locationUuid(), plan.subUuid(), plan.author(), plan.film(), plan.filmStock(),
                    plan.hardlink(), layout.stagingPath(plan.locationUuid(), "incoming"), stagedThisChunk);
            Skippable<Outcome> staged = item.stage(files, entry.path(), entry.size(), first, target);
            if (staged.isSkipped()) {
                summary.failed(path);
                failed++;
                return;
            }
            Outcome outcome = staged.value();
            if (outcome.duplicateOf() != null) {
                summary.duplicate(path, outcome.duplicateOf(), outcome.duplicateSha());
                log.info(LogMarkers.FILE_ONLY, "duplicate: {} is already archived for location {}", path, outcome.duplicateOf());
                sightings.add(outcome.sighting());
                skipped++;
            } else {
                rows.add(outcome.row());
                placed.add(outcome);
                if (outcome.row().type() == MediaType.VIDEO) {
                    VideoThumbnail.beside(entry.path()).ifPresent(thm -> thumbnails.put(outcome.row().sha(), thm));
                }
                bytes += outcome.size();
                summary.imported(outcome.row().type(), outcome.size(), outcome.linked());
            }
        }

        /** A fatal failure: the chunk's files are removed now rather than by the next run. */
        void undo() {
            if (files != null) {
                files.close();
                files = null;
            }
        }

        /**
         * exiftool's JSON of this chunk's video thumbnails, read in one batch, by the video's SHA-256. A
         * thumbnail exiftool cannot read is logged and left out: the video is imported all the same.
         */
        private Map<String, String> thumbnailMetadata() {
            if (thumbnails.isEmpty()) {
                return Map.of();
            }
            List<String> videos = List.copyOf(thumbnails.keySet());
            List<ExifReading> readings = exiftool.read(videos.stream().map(thumbnails::get).toList());
            Map<String, String> out = new HashMap<>();
            for (int i = 0; i < videos.size(); i++) {
                ExifReading reading = readings.get(i);
                if (reading.failed()) {
                    log.warn("the thumbnail {} was not read ({}); its video is organised from its own metadata",
                            reading.file(), reading.failure().getMessage());
                } else {
                    out.put(videos.get(i), reading.metadata().rawJson());
                }
            }
            return out;
        }

        /**
         * Files another importer recorded first (docs/postgresql.md, "Two importers"): each counts as a duplicate
         * of its owner, and its staged copy is removed, unless it is the very file the owner's row names (one
         * staging folder shared by both: the same bytes under the same name).
         */
        private void lostTheRace(List<StagingLedger.Lost> raced, ImportSummary summary) {
            if (raced.isEmpty()) {
                return;
            }
            try (FileTransaction removal = fileTransactions.begin()) {
                for (StagingLedger.Lost l : raced) {
                    Staged row = l.row();
                    summary.lostToAnotherRun(row.type(), row.size(), sourcePath(row), l.owner(), row.sha());
                    log.info(LogMarkers.FILE_ONLY, "duplicate: {} was recorded by another run meanwhile (location {})",
                            row.loc(), l.owner());
                    if (!row.loc().equals(l.ownerPath()) && Files.exists(Path.of(row.loc()), LinkOption.NOFOLLOW_LINKS)) {
                        removal.deleteWithBackup(Path.of(row.loc()));
                    }
                }
                removal.commit();
            }
        }

        /** The file's path in the source, as {@link #add} names duplicates. */
        private String sourcePath(Staged row) {
            try {
                return OriginalNames.text(plan.source().relativize(Path.of(row.originalFolder(), row.originalName())));
            } catch (RuntimeException e) {
                return row.originalFolder() + "/" + row.originalName();
            }
        }

        boolean full() {
            return rows.size() + sightings.size() >= CHUNK_FILES || bytes >= CHUNK_BYTES;
        }

        void commit(ImportSummary summary) {
            if (files != null) {
                files.flushCopies();
                placed.forEach(outcome -> outcome.placeIn(files));
                files.commit();
                files.close();
                files = null;
            }
            int lost = 0;
            if (!rows.isEmpty() || !sightings.isEmpty()) {
                // Files first, then rows: a crash between them leaves a staged copy no row names (db_cleanup's to
                // remove), never a row without its file.
                List<StagingLedger.Lost> raced = ledger.record(List.copyOf(rows), List.copyOf(sightings),
                        clock.timestamp(), plan.importId(), thumbnailMetadata());
                lost = raced.size();
                lostTheRace(raced, summary);
                // In the pipeline, exiftool starts on this chunk's photos and videos while the next is copied.
                exiftool.readAhead(rows.stream().filter(r -> r.type() != MediaType.DOCUMENT)
                        .map(r -> Path.of(r.loc())).toList());
            }
            if (position > 0) {
                // The walk has reached this chunk's last entry: its digest covers exactly what is done.
                run.chunkCommitted(position, lastItem, walked.value(),
                        new ChunkCounts(read, rows.size() - lost, skipped + lost, failed));
            }
            rows.clear();
            sightings.clear();
            placed.clear();
            stagedThisChunk.clear();
            thumbnails.clear();
            bytes = 0;
            read = 0;
            skipped = 0;
            failed = 0;
        }
    }
}
