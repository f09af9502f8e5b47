package org.aupat.foundation.rollback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.FileSystemError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Starts file transactions, journaled under {@code journal/} beside the checkpoint database, and undoes
 * the ones an interrupted run left behind before any new one starts.
 */
@Component
public class FileTransactions {
    private static final Logger log = LoggerFactory.getLogger(FileTransactions.class);
    private final Path journals;
    private final FileSystemCalls fs;
    private boolean recovered;

    @Autowired
    public FileTransactions(AupatProperties properties, FileSystemCalls fs) {
        this(properties.checkpointDatabase().resolveSibling("journal"), fs);
    }

    public FileTransactions(Path journals, FileSystemCalls fs) {
        this.journals = journals;
        this.fs = fs;
    }

    /** Starts a transaction; call {@code commit()} when all its operations succeeded. */
    public synchronized FileTransaction begin() {
        recoverUnfinished();
        return new FileTransaction(new Journal(journals.resolve(System.currentTimeMillis() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + ".journal"), fs), fs);
    }

    /**
     * Undoes the operations of every journal left by an interrupted run (once per process, before any new
     * transaction) and says so. Returns how many journals it handled.
     */
    public synchronized int recoverUnfinished() {
        if (recovered) {
            return 0;
        }
        List<Path> found = unfinished();
        for (Path file : found) {
            try {
                Journal journal = Journal.read(file, fs);
                log.warn("Found an unfinished file transaction from an interrupted run ({}, {} operations);"
                        + " undoing it before anything else.", file.getFileName(), journal.entries().size());
                FileTransaction.undo(journal, fs);
            } catch (IOException e) {
                throw new FileSystemError("cannot read the file journal " + file + ": " + e.getMessage()
                        + ". Nothing was changed; check the file, then run again.", e);
            }
        }
        if (!found.isEmpty()) {
            log.warn("Undid {} unfinished file transaction(s); their files are back as they were.", found.size());
        }
        recovered = true;
        return found.size();
    }

    private List<Path> unfinished() {
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(journals)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot list the file journals in " + journals + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether two paths (existing files or folders) lie on one file system, so that a rename or a hard link
     * can join them. Compares device numbers (one stat each); {@code getFileStore} would read the whole
     * mount table on every call, about a millisecond per staged file.
     */
    public static boolean sameFileSystem(Path a, Path b) {
        try {
            return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"));
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            try {
                return Files.getFileStore(a).equals(Files.getFileStore(b));
            } catch (IOException e) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
    }
}
