package org.aupat.archive.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.finding.DuplicateSighting;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.media.Classification;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.CopyResult;
import org.aupat.foundation.rollback.FileTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stages one file inside a chunk's file transaction: copies it into {@code incoming/} while hashing it
 * (one read of the source) and chooses its standard name, or removes the copy when the bytes are already
 * in the archive. The chunk flushes its copies at once, then renames them ({@link Outcome#placeIn}). A
 * file that cannot be read, or that keeps changing while it is copied ({@link SourceStamp}), is logged and
 * skipped ({@link Skippable}).
 */
@Component
class StagingItem {
    private static final Logger log = LoggerFactory.getLogger(StagingItem.class);
    /** A source that changes during its copy is copied once more; a second change refuses it. */
    static final int COPY_ATTEMPTS = 2;
    private final ArchiveLayout layout;
    private final FileHasher hasher;
    private final ImportDecision decision;

    StagingItem(ArchiveLayout layout, FileHasher hasher, ImportDecision decision) {
        this.layout = layout;
        this.hasher = hasher;
        this.decision = decision;
    }

    /**
     * The outcome for one file: the row to record and where its copy waits in {@code incoming/}, or the
     * location that already owns the bytes (and their SHA-256) and where this copy of them was seen.
     */
    record Outcome(Staged row, String duplicateOf, DuplicateSighting sighting, long size, boolean linked, Path incoming,
                   String duplicateSha) {
        /** Gives the waiting copy its standard name; call once the chunk's copies are flushed. */
        void placeIn(FileTransaction files) {
            files.move(incoming, Path.of(row.loc()));
        }
    }

    /** What the chunk knows about where this file goes. */
    record Target(String locationUuid, String subUuid, String author, boolean film, String filmStock, boolean hardlink,
                  Path incoming, Map<MediaKey, String> stagedThisChunk) {
    }

    /**
     * Stages a file whose {@link ImportDecision#beforeReading first verdict} is {@code first}: a failed one is
     * refused (logged, skipped); otherwise its bytes are copied (or linked) and hashed, and the decision
     * tells a duplicate from a file to import.
     */
    @LogFailures("stage a file")
    public Skippable<Outcome> stage(FileTransaction files, Path source, long expectedSize, FileOutcome first, Target t) {
        RunContext.file(source.toString());
        try {
            if (first.kind() == FileOutcome.Kind.FAILED) {
                throw skip(source, first.why());
            }
            Classification kind = first.file();
            Copied copied = copyUnchanged(files, source, kind, t);
            Path incoming = copied.incoming();
            String sha = copied.sha();
            long size = copied.size();
            boolean linked = t.hardlink();
            FileOutcome verdict = decision.afterReading(kind, sha, t.locationUuid(), t.subUuid(), t.stagedThisChunk(), true);
            Path folder = source.toAbsolutePath().getParent();
            if (verdict.kind() == FileOutcome.Kind.DUPLICATE) {
                files.deleteWithBackup(incoming);
                return Skippable.done(new Outcome(null, verdict.owner(), new DuplicateSighting(kind.type(), sha,
                        OriginalNames.text(folder), OriginalNames.text(source.getFileName()), t.locationUuid(), t.subUuid(),
                        t.author()), size, false, null, sha));
            }
            String extension = kind.extension();
            String name = verdict.name();
            Path target = layout.stagingPath(t.locationUuid(), name);
            if (Files.exists(target) && !sha.equals(hasher.sha256(target))) {
                name = layout.collisionFileName(kind.type(), t.locationUuid(), t.subUuid(), sha, extension);
                target = layout.stagingPath(t.locationUuid(), name);
            }
            t.stagedThisChunk().put(new MediaKey(kind.type(), sha), name);
            return Skippable.done(new Outcome(new Staged(kind.type(), sha, name, target.toString(), t.locationUuid(),
                    t.subUuid(), OriginalNames.text(folder), OriginalNames.text(source.getFileName()), t.author(), extension,
                    t.film() && kind.type() == org.aupat.archive.media.MediaType.IMAGE,
                    t.film() ? t.filmStock() : null, ArchiveClock.format(copied.modified().toInstant()), size), null, null, size,
                    linked, incoming, null));
        } finally {
            RunContext.file(null);
        }
    }

    /**
     * A copy (or hard link) waiting in {@code incoming/}, with the hash and size of its bytes and the source's
     * modification time, which its copy keeps and its row records.
     */
    private record Copied(Path incoming, String sha, long size, FileTime modified) {
    }

    /**
     * Copies the source into {@code incoming/} while hashing it (for a hard link: hashes it, then links it),
     * checking that it did not change meanwhile. A copy of a file that changed is removed and made again once;
     * a file that changes again is refused as a recoverable failure naming it.
     */
    private Copied copyUnchanged(FileTransaction files, Path source, Classification kind, Target t) {
        String extension = kind.extension().isEmpty() ? "none" : kind.extension();
        for (int attempt = 1; ; attempt++) {
            Path incoming = t.incoming().resolve(RunContext.runId() + "-" + t.stagedThisChunk().size() + "-"
                    + source.getFileName().hashCode() + (attempt == 1 ? "" : "-" + attempt) + "." + extension);
            SourceStamp before = stamp(source);
            String sha;
            long size;
            if (t.hardlink()) {
                sha = hasher.sha256(source);
                size = before.size();
            } else {
                CopyResult copy = files.copyToTemporary(source, incoming);
                sha = copy.sha256();
                size = copy.size();
            }
            SourceStamp after = stamp(source);
            String change = changedWhileCopied(source, before, after, sha, size);
            if (change == null) {
                if (t.hardlink()) {
                    files.hardlink(source, incoming);
                }
                return new Copied(incoming, sha, size, after.modified());
            }
            if (!t.hardlink()) {
                files.deleteWithBackup(incoming);
            }
            if (attempt == COPY_ATTEMPTS) {
                throw skip(source, "changed while it was copied, " + COPY_ATTEMPTS + " times (last: " + change
                        + "); nothing of it was kept. Let the program writing it finish, then import again");
            }
            log.warn("{} changed while it was copied ({}); copying it again", source, change);
        }
    }

    /**
     * Why the source's copy (or, for a hard link, its hash) may not be its bytes: the file changed between
     * the stamp before and the one after, or does not have the size copied, or (modified too recently for its
     * times to tell) no longer has the hash computed while copying. Null when the copy is sound.
     */
    private String changedWhileCopied(Path source, SourceStamp before, SourceStamp after, String sha, long size) {
        String change = after.changeSince(before);
        if (change == null && size != after.size()) {
            change = size + " bytes were read of its " + after.size();
        }
        if (change == null && after.recentlyModified() && !sha.equals(hasher.sha256(source))) {
            change = "its bytes changed";
        }
        return change;
    }

    private static SourceStamp stamp(Path source) {
        try {
            return SourceStamp.of(source);
        } catch (IOException e) {
            throw skip(source, "cannot be read: " + e.getMessage() + "; check the card or folder, then import again");
        }
    }

    private static FileSystemError skip(Path source, String why) {
        String name = OriginalNames.text(source);
        return new FileSystemError(name + " " + why + ".", true, Map.of("path", name), null);
    }

}
