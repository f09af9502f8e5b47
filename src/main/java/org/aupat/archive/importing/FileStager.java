package org.aupat.archive.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.importing.StagingItem.Outcome;
import org.aupat.archive.importing.StagingItem.Target;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.Classification;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaClassifier;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.foundation.checkpoint.Checkpointed;
import org.aupat.foundation.checkpoint.ChunkCounts;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.console.Console;
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
 */
@Component
class FileStager {
    private static final Logger log = LoggerFactory.getLogger(FileStager.class);
    static final int CHUNK_FILES = 100;
    static final long CHUNK_BYTES = 256L << 20;

    private final MediaClassifier classifier;
    private final StagingItem item;
    private final StagingLedger ledger;
    private final FileTransactions fileTransactions;
    private final ArchiveLayout layout;
    private final ProgressReporter progress;
    private final Console console;
    private final ArchiveClock clock;
    private final ExiftoolPool exiftool;

    FileStager(MediaClassifier classifier, StagingItem item, StagingLedger ledger, FileTransactions fileTransactions,
               ArchiveLayout layout, ProgressReporter progress, Console console, ArchiveClock clock,
               ExiftoolPool exiftool) {
        this.classifier = classifier;
        this.item = item;
        this.ledger = ledger;
        this.fileTransactions = fileTransactions;
        this.layout = layout;
        this.progress = progress;
        this.console = console;
        this.clock = clock;
        this.exiftool = exiftool;
    }

    /** The work: a source with a known number of entries, staged for one location. */
    record Plan(Path source, long entries, String locationUuid, String subUuid, String author, boolean film,
                String filmStock, boolean hardlink) {
    }

    @Checkpointed("stage files")
    public void stage(Plan plan, ImportSummary summary, ChunkedRun run) {
        long resumeAt = run.position();
        if (run.resumed()) {
            console.info("resuming db_import from " + resumeAt + "/" + plan.entries() + " (last committed chunk ended at "
                    + run.lastItem() + ")");
            summary.resumedFrom(resumeAt);
        }
        run.total(plan.entries());
        Chunk chunk = new Chunk(plan, run);
        try (Progress bar = progress.start("staging", plan.entries(), resumeAt, "files")) {
            long[] index = {0};
            SourceWalker.walk(plan.source(), entry -> {
                long position = ++index[0];
                if (position <= resumeAt) {
                    return;
                }
                chunk.add(entry, position, summary);
                bar.advance(1);
                if (chunk.full()) {
                    chunk.commit();
                }
            });
            chunk.commit();
        } catch (RuntimeException e) {
            chunk.undo();
            throw e;
        }
    }

    /** The files of one chunk, staged in one file transaction and recorded in one database transaction. */
    private final class Chunk {
        private final Plan plan;
        private final ChunkedRun run;
        private final List<Staged> rows = new ArrayList<>();
        private final List<Outcome> placed = new ArrayList<>();
        private final Map<MediaKey, String> stagedThisChunk = new HashMap<>();
        private FileTransaction files;
        private long bytes;
        private long read;
        private long skipped;
        private long failed;
        private long position;
        private String lastItem;

        Chunk(Plan plan, ChunkedRun run) {
            this.plan = plan;
            this.run = run;
        }

        void add(SourceWalker.Entry entry, long entryPosition, ImportSummary summary) {
            position = entryPosition;
            lastItem = entry.path().toString();
            String path = plan.source().relativize(entry.path()).toString();
            if (!entry.isFile()) {
                summary.notAFile(path, entry.skipReason());
                log.info(LogMarkers.FILE_ONLY, "not imported: {}: {}", path, entry.skipReason());
                skipped++;
                return;
            }
            summary.countFound();
            read++;
            Classification kind = classifier.classify(entry.path().getFileName().toString());
            if (kind.ignored()) {
                summary.ignored(path, kind.ignoredBecause());
                log.info(LogMarkers.FILE_ONLY, "ignored: {} ({})", path, kind.ignoredBecause());
                skipped++;
                return;
            }
            if (files == null) {
                files = fileTransactions.begin();
            }
            Target target = new Target(plan.locationUuid(), plan.subUuid(), plan.author(), plan.film(), plan.filmStock(),
                    plan.hardlink(), layout.stagingPath(plan.locationUuid(), "incoming"), stagedThisChunk);
            Outcome outcome = item.stage(files, entry.path(), entry.size(), kind, target);
            if (outcome == null) {
                summary.failed(path);
                failed++;
            } else if (outcome.duplicateOf() != null) {
                summary.duplicate(path, outcome.duplicateOf());
                log.info(LogMarkers.FILE_ONLY, "duplicate: {} is already archived for location {}", path, outcome.duplicateOf());
                skipped++;
            } else {
                rows.add(outcome.row());
                placed.add(outcome);
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

        boolean full() {
            return rows.size() >= CHUNK_FILES || bytes >= CHUNK_BYTES;
        }

        void commit() {
            if (files != null) {
                files.flushCopies();
                placed.forEach(outcome -> outcome.placeIn(files));
                files.commit();
                files.close();
                files = null;
            }
            if (!rows.isEmpty()) {
                ledger.record(List.copyOf(rows), clock.timestamp());
                // In the pipeline, exiftool starts on this chunk's photos and videos while the next is copied.
                exiftool.readAhead(rows.stream().filter(r -> r.type() != MediaType.DOCUMENT)
                        .map(r -> Path.of(r.loc())).toList());
            }
            if (position > 0) {
                run.chunkCommitted(position, lastItem, new ChunkCounts(read, rows.size(), skipped, failed));
            }
            rows.clear();
            placed.clear();
            stagedThisChunk.clear();
            bytes = 0;
            read = 0;
            skipped = 0;
            failed = 0;
        }
    }
}
