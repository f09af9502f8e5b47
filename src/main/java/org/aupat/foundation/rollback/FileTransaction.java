package org.aupat.foundation.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Set;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.hashing.FileHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A group of file operations that all happen or are all undone. Each operation is written ahead to the
 * journal before it starts. {@link #commit()} keeps them; {@link #close()} without a commit undoes them
 * in reverse order. Use with try-with-resources. Undo never deletes a file it did not create and never
 * the only copy of a file's bytes.
 *
 * <p>Durability is grouped per transaction, because one fsync costs about as much as copying a 1 MB
 * photo: a journal line is flushed at once only before an operation that moves or removes something
 * that existed before the transaction; lines for operations that only create new names, and the folders
 * those operations change, are flushed once by {@link #commit()}, before anything is kept. A kill at any
 * instant loses nothing either way (the page cache survives the process); a power cut before the commit
 * can at worst leave new, unrecorded files behind, never move or remove an existing one unjournaled.
 */
public final class FileTransaction implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FileTransaction.class);
    static final String TEMP_SUFFIX = ".aupat-tmp";
    static final String BACKUP_SUFFIX = ".aupat-deleted";

    private final Journal journal;
    private final JournalBounds bounds;
    private final FileSystemCalls fs;
    /** Names this transaction created: moving one of them needs no flushed journal line first. */
    private final Set<Path> created = new HashSet<>();
    /** Copies whose bytes are being flushed to disk on the flusher thread, and that flush. */
    private final Map<Path, Future<?>> flushing = new LinkedHashMap<>();
    /** One thread that flushes copies while the next ones are written: the disk and the copying overlap. */
    private ExecutorService flusher;
    /** Folders whose entries changed since the last flush. */
    private final Set<Path> unflushedFolders = new LinkedHashSet<>();
    private boolean finished;

    FileTransaction(Journal journal, JournalBounds bounds, FileSystemCalls fs) {
        this.journal = journal;
        this.bounds = bounds;
        this.fs = fs;
    }

    /**
     * Writes an operation ahead to the journal. One outside AUPAT's folders is refused here already, so
     * that every journal this program writes is one its recovery will accept.
     */
    private void record(JournalOperation op, Path source, Path target, boolean flush) throws IOException {
        JournalEntry entry = new JournalEntry(op, source == null ? null : source.toAbsolutePath().normalize().toString(),
                target.toAbsolutePath().normalize().toString());
        String refusal = bounds.refusal(entry);
        if (refusal != null) {
            throw new FileSystemError("refusing to " + op.journalName() + " " + (source == null ? "" : source + " -> ")
                    + target + ": " + refusal + ". Nothing was changed.", false, Map.of("path", target.toString()), null);
        }
        journal.append(entry, flush);
    }

    /**
     * Copies a file, hashing it in the same read, into {@code <target>.aupat-tmp}, flushes it, checks its
     * size, then renames it to the target. An identical target counts as done; a different one is
     * refused. With {@code expectedSha} (may be null) a source whose bytes changed is refused.
     */
    public CopyResult copy(Path source, Path target, String expectedSha) {
        requireOpen();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return identicalOrRefuse(source, target);
            }
            return copyNew(source, target, expectedSha, true);
        } catch (IOException e) {
            throw failure("copy " + source + " to " + target, e, source);
        }
    }

    /**
     * Like {@link #copy(Path, Path, String)}, from a stream (a replica's object read over the network) into a
     * target that must not exist yet: written under {@code <target>.aupat-tmp}, hashed as it is written,
     * flushed, refused and removed when {@code expectedSha} (required) differs, then renamed. The journal
     * names the target as the copy's source too: an undo removes only the new target, which never held the
     * only copy of its bytes (the stream's origin still does). {@code modified} (may be null) is the time
     * the copy keeps.
     */
    public CopyResult copy(InputStream in, Path target, String expectedSha, java.nio.file.attribute.FileTime modified) {
        requireOpen();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw refuse(target, "already exists");
            }
            mkdirs(target.getParent());
            Path temp = temp(target);
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                log.warn("removing {} left by an interrupted run", temp);
                fs.delete(temp);
            }
            record(JournalOperation.COPY, target, target, false);
            CopyResult copy = write(in, temp, true);
            if (modified != null) {
                Files.setLastModifiedTime(temp, modified);
            }
            return placed(target, temp, target, expectedSha, copy);
        } catch (IOException e) {
            throw failure("copy into " + target, e, target);
        }
    }

    /**
     * Copies a file, hashing it in the same read, to a new name that is itself temporary, and starts
     * flushing it on a second thread while the caller goes on copying (a flush per copy in line cost the
     * import about a second per GB). Any move of the copy waits for its flush: a copy never gets a final
     * name before its bytes are on disk. The temporary name must not exist.
     */
    public CopyResult copyToTemporary(Path source, Path temporary) {
        requireOpen();
        try {
            CopyResult copy = copyNew(source, temporary, null, false);
            flushing.put(temporary, flusher().submit(() -> {
                flush(temporary);
                return null;
            }));
            return copy;
        } catch (IOException e) {
            throw failure("copy " + source + " to " + temporary, e, source);
        }
    }

    /** Waits until the bytes of every {@link #copyToTemporary} copy are on disk. */
    public void flushCopies() {
        requireOpen();
        try {
            for (Path copy : List.copyOf(flushing.keySet())) {
                awaitFlush(copy);
            }
        } catch (IOException e) {
            throw new FileSystemError("cannot flush the copies of this file transaction to disk: " + e
                    + ". The transaction will be undone.", e);
        }
    }

    /** Waits for the flush of a copy (if it is one still being flushed); its failure is this call's. */
    private void awaitFlush(Path copy) throws IOException {
        Future<?> flush = flushing.remove(copy);
        if (flush == null) {
            return;
        }
        try {
            flush.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while flushing " + copy, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Waits for the flush of a copy that is about to be discarded, ignoring its failure. */
    private void settleFlush(Path copy) {
        try {
            awaitFlush(copy);
        } catch (IOException | RuntimeException ignored) {
            // nothing is kept of this copy
        }
    }

    /** Waits for every flush still running, ignoring failures (the transaction is being undone). */
    private void settleFlushes() {
        List.copyOf(flushing.keySet()).forEach(this::settleFlush);
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
    }

    private ExecutorService flusher() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "aupat-flush");
                t.setDaemon(true);
                return t;
            });
        }
        return flusher;
    }

    private void flush(Path file) throws IOException {
        try (FileChannel channel = fs.openWrite(file)) {
            fs.force(channel);
        }
    }

    /**
     * The copy itself, to a name that does not exist yet: written under {@code <target>.aupat-tmp} (which
     * an undo always removes, so a kill mid-write leaves nothing), flushed now if asked, then renamed.
     */
    private CopyResult copyNew(Path source, Path target, String expectedSha, boolean flushNow) throws IOException {
        mkdirs(target.getParent());
        Path temp = temp(target);
        if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
            log.warn("removing {} left by an interrupted run", temp);
            fs.delete(temp);
        }
        record(JournalOperation.COPY, source, target, false);
        CopyResult copy;
        try (InputStream in = fs.openRead(source)) {
            copy = write(in, temp, flushNow);
        }
        // A copy keeps its source's modification time: for a photo it is often the last trace of when it was taken.
        Files.setLastModifiedTime(temp, Files.getLastModifiedTime(source));
        return placed(source, temp, target, expectedSha, copy);
    }

    /** Checks a written temporary copy against the expected SHA-256 (if any), then gives it its name. */
    private CopyResult placed(Path source, Path temp, Path target, String expectedSha, CopyResult copy)
            throws IOException {
        if (expectedSha != null && !expectedSha.equalsIgnoreCase(copy.sha256())) {
            fs.delete(temp); // the caller may go on and commit the other operations: leave nothing of this copy
            throw new ChecksumMismatchError(source, expectedSha, copy.sha256());
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(target, "appeared while it was being copied");
        }
        fs.rename(temp, target);
        created.add(target);
        unflushedFolders.add(target.getParent());
        return copy;
    }

    /** Writes a stream to a new file while hashing it (one read); checks the size written. */
    private CopyResult write(InputStream in, Path file, boolean flush) throws IOException {
        MessageDigest digest = FileHasher.newDigest();
        long size = 0;
        try (FileChannel out = fs.createNew(file)) {
            byte[] buffer = FileHasher.readBuffer();
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
                fs.write(out, ByteBuffer.wrap(buffer, 0, n));
                size += n;
            }
            if (flush) {
                fs.force(out);
            }
        }
        // The bytes were hashed as they were written; the deliberate re-read is db_verify's, of the archive.
        if (Files.size(file) != size) {
            throw new FileSystemError("the copy " + file + " has " + Files.size(file) + " bytes instead of " + size
                    + "; the disk may be full or failing", false, Map.of("path", file.toString()), null);
        }
        return new CopyResult(FileHasher.hex(digest.digest()), size, false);
    }

    /** Moves a file: a rename within one file system, else a verified copy and a delete of the source. */
    public void move(Path source, Path target) {
        requireOpen();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                identicalOrRefuse(source, target);
                deleteWithBackup(source);
                return;
            }
            mkdirs(target.getParent());
            if (!FileTransactions.sameFileSystem(source, target.getParent())) {
                copy(source, target, null);
                deleteWithBackup(source);
                return;
            }
            record(JournalOperation.RENAME, source, target, !created.contains(source));
            awaitFlush(source); // a copy gets a final name only once its bytes are on disk
            fs.rename(source, target);
            created.add(target);
            unflushedFolders.add(target.getParent());
            unflushedFolders.add(source.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw failure("move " + source + " to " + target, e, source);
        }
    }

    /** Makes {@code target} a second name of {@code source} (same file system); an existing same file counts as done. */
    public void hardlink(Path source, Path target) {
        requireOpen();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.isSameFile(source, target)) {
                    return;
                }
                throw refuse(target, "exists and is another file");
            }
            mkdirs(target.getParent());
            record(JournalOperation.LINK, source, target, false);
            fs.createLink(target, source);
            created.add(target);
            unflushedFolders.add(target.getParent());
        } catch (IOException e) {
            throw failure("link " + target + " to " + source, e, source);
        }
    }

    /** Creates a folder and any missing parents; each one created is undone if the transaction is. */
    public void mkdirs(Path directory) {
        requireOpen();
        List<Path> missing = new ArrayList<>();
        for (Path p = directory.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            for (Path p : missing) {
                record(JournalOperation.MKDIR, null, p, false);
                fs.createDirectory(p);
                unflushedFolders.add(p.getParent());
            }
        } catch (IOException e) {
            throw failure("create the folder " + directory, e, directory);
        }
    }

    /** Deletes a file, keeping it as {@code <name>.aupat-deleted} until the transaction commits. */
    public void deleteWithBackup(Path file) {
        delete(file, !created.contains(file));
    }

    /**
     * Deletes a copy whose bytes are verified elsewhere (a staging copy once its archive copy is
     * verified) like {@link #deleteWithBackup}, without flushing its journal line first: a power cut can
     * at worst leave the {@code .aupat-deleted} backup behind, never the only copy of the bytes.
     */
    public void deleteVerifiedCopy(Path file) {
        delete(file, false);
    }

    private void delete(Path file, boolean flushJournal) {
        requireOpen();
        Path backup = file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
        try {
            if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
                throw refuse(backup, "is left from an earlier run; check it and remove it by hand");
            }
            record(JournalOperation.DELETE, file, backup, flushJournal);
            settleFlush(file); // a copy still being flushed is discarded: wait for its flush, not its outcome
            fs.rename(file, backup);
            unflushedFolders.add(backup.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw failure("delete " + file, e, file);
        }
    }

    /** Removes an empty folder (undone by creating it again); a folder that is not empty is refused. */
    public void removeEmptyDirectory(Path directory) {
        requireOpen();
        try {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || !isEmpty(directory)) {
                throw new FileSystemError("refusing to remove " + directory + ": it is not an empty folder. Nothing was"
                        + " removed.", false, Map.of("path", directory.toString()), null);
            }
            record(JournalOperation.RMDIR, null, directory, true);
            fs.delete(directory);
            unflushedFolders.add(directory.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw failure("remove the empty folder " + directory, e, directory);
        }
    }

    /**
     * Removes every empty folder inside {@code root}, deepest first, and {@code root} itself once empty; a folder
     * still holding anything is left as it is. The one walk that empties a tree of folders (merge, db_verify).
     */
    public void removeEmptyFoldersIn(Path root) {
        requireOpen();
        List<Path> folders;
        try (var entries = Files.walk(root)) {
            folders = entries.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted()
                    .sorted(java.util.Comparator.comparingInt(Path::getNameCount).reversed()).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new FileSystemError("cannot walk " + root + ": " + e.getMessage() + ". Nothing was removed; run the"
                    + " same command again.", false, Map.of("path", root.toString()), e);
        }
        for (Path folder : folders) {
            boolean empty;
            try {
                empty = isEmpty(folder);
            } catch (IOException e) {
                throw failure("list " + folder, e, folder);
            }
            if (empty) {
                removeEmptyDirectory(folder);
            }
        }
    }

    /**
     * Keeps every operation: flushes the changed folders (the new names are then on disk), removes the
     * backups of deleted files, then the journal.
     */
    public void commit() {
        requireOpen();
        flushCopies();
        try {
            flushFolders();
            for (JournalEntry e : journal.entries()) {
                if (e.op() == JournalOperation.DELETE && Files.exists(e.targetPath(), LinkOption.NOFOLLOW_LINKS)) {
                    fs.delete(e.targetPath());
                    unflushedFolders.add(e.targetPath().toAbsolutePath().getParent());
                }
            }
            flushFolders();
            journal.remove();
            finished = true;
            settleFlushes();
        } catch (IOException e) {
            throw new FileSystemError("cannot commit the file transaction " + journal.file() + ": " + e.getMessage()
                    + ". Its journal stays; the next run will undo what is left.", e);
        }
    }

    private void flushFolders() throws IOException {
        for (Path folder : unflushedFolders) {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                fs.forceDirectory(folder);
            }
        }
        unflushedFolders.clear();
    }

    /** Undoes every operation unless the transaction was committed. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        settleFlushes();
        undo(journal, bounds, fs);
    }

    /** Undoes a journal's operations newest first, then removes the journal; keeps it if any undo failed. */
    static void undo(Journal journal, JournalBounds bounds, FileSystemCalls fs) {
        List<JournalEntry> entries = new ArrayList<>(journal.entries());
        java.util.Collections.reverse(entries);
        try {
            for (JournalEntry e : entries) {
                undo(e, bounds, fs);
            }
            journal.remove();
        } catch (IOException e) {
            throw new FileSystemError("cannot undo the file operations in " + journal.file() + ": " + e.getMessage()
                    + ". The journal stays; fix the cause and run again.", e);
        }
    }

    private static void undo(JournalEntry e, JournalBounds bounds, FileSystemCalls fs) throws IOException {
        Path target = e.targetPath();
        Path source = e.sourcePath();
        boolean targetExists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        switch (e.op()) {
            case MKDIR -> {
                if (!bounds.keepsFolder(target) && Files.isDirectory(target) && isEmpty(target)) {
                    fs.delete(target);
                }
            }
            case RMDIR -> {
                if (!targetExists) {
                    fs.createDirectory(target);
                }
            }
            case COPY -> {
                Path temp = temp(target);
                if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                    fs.delete(temp);
                }
                // The copy goes only while the source still holds the same bytes: never the only copy.
                if (targetExists && Files.isRegularFile(source) && sameBytes(source, target)) {
                    fs.delete(target);
                } else if (targetExists) {
                    log.warn("kept {}: its source {} is gone or differs, so it may be the only copy", target, source);
                }
            }
            case LINK -> {
                if (targetExists && Files.exists(source) && Files.isSameFile(source, target)) {
                    fs.delete(target);
                }
            }
            case RENAME, DELETE -> {
                if (targetExists && !Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                    fs.rename(target, source);
                }
            }
        }
    }

    private CopyResult identicalOrRefuse(Path source, Path target) throws IOException {
        FileHasher hasher = new FileHasher();
        String existing = hasher.sha256(target);
        if (!existing.equals(hasher.sha256(source))) {
            throw refuse(target, "exists with different content");
        }
        return new CopyResult(existing, Files.size(target), true);
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        return Files.size(a) == Files.size(b) && Files.mismatch(a, b) == -1;
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    static Path temp(Path target) {
        return target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("this file transaction is already committed or undone");
        }
    }

    private static FileSystemError refuse(Path target, String why) {
        return new FileSystemError("refusing to overwrite " + target + ": it " + why + ". Nothing was replaced.",
                false, Map.of("path", target.toString()), null);
    }

    private static FileSystemError failure(String what, IOException e, Path path) {
        return new FileSystemError("cannot " + what + ": " + e + ". The transaction will be undone.", false,
                Map.of("path", path.toString()), e);
    }
}
