package org.aupat.foundation.rollback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.ArchiveIdentity;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.JournalRefusedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Starts file transactions and, before any new one, undoes the ones an interrupted run of this archive
 * left behind. Journals live in {@link AupatProperties#journals()}, one subfolder per archive identity,
 * and are bound to that identity (see {@link Journal}); recovery refuses, keeping it for a person, a
 * journal that is foreign, edited or would touch anything outside staging, the archive, the backups and
 * the trash.
 */
@Component
public class FileTransactions {
    private static final Logger log = LoggerFactory.getLogger(FileTransactions.class);
    private static final String SUFFIX = ".journal";
    /** Far above any real journal (a transaction of 100,000 files writes about 30 MB). */
    private static final long MAX_JOURNAL_BYTES = 256L * 1024 * 1024;
    /** The identity of the folder-bound transactions of {@link #FileTransactions(Path, FileSystemCalls)}. */
    private static final String FOLDER_IDENTITY = "0".repeat(32);
    private final Path journals;
    /** Whether journals go into a subfolder per archive identity (else into {@code journals} itself). */
    private final boolean perArchive;
    private final Supplier<Optional<String>> identity;
    private final JournalBounds bounds;
    private final FileSystemCalls fs;
    private boolean recovered;

    @Autowired
    public FileTransactions(AupatProperties properties, ArchiveIdentity identity, FileSystemCalls fs) {
        this(properties.journals(), true, identity::find, roots(properties), fs);
    }

    /** AUPAT's folders: staging, the archive, the backups, the trash, and each folder replica's root. */
    private static List<Path> roots(AupatProperties properties) {
        List<Path> roots = new ArrayList<>(List.of(properties.staging(), properties.archive(), properties.backups(),
                properties.trash()));
        properties.replicas().values().stream().filter(r -> r.isFolder()).forEach(r -> roots.add(r.path()));
        return roots;
    }

    /**
     * Transactions over the files inside the folder that holds {@code journals} (a test's home, a tool's
     * own folder), with journals directly in {@code journals}, outside any archive database.
     */
    public FileTransactions(Path journals, FileSystemCalls fs) {
        this(journals, false, () -> Optional.of(FOLDER_IDENTITY),
                List.of(journals.toAbsolutePath().normalize().getParent()), fs);
    }

    /** Journals in a subfolder per archive identity of {@code journals}, over the files inside {@code roots}. */
    FileTransactions(Path journals, Supplier<Optional<String>> identity, List<Path> roots, FileSystemCalls fs) {
        this(journals, true, identity, roots, fs);
    }

    private FileTransactions(Path journals, boolean perArchive, Supplier<Optional<String>> identity, List<Path> roots,
            FileSystemCalls fs) {
        this.journals = journals.toAbsolutePath().normalize();
        this.perArchive = perArchive;
        this.identity = identity;
        this.bounds = new JournalBounds(roots);
        this.fs = fs;
    }

    /** Starts a transaction; call {@code commit()} when all its operations succeeded. */
    public synchronized FileTransaction begin() {
        recoverUnfinished();
        String id = archiveId().orElseThrow(() -> new ConfigurationError("the database has no archive identity yet,"
                + " so file operations cannot be journaled: run --script=db_migrate first."));
        return new FileTransaction(new Journal(folder(id).resolve(System.currentTimeMillis() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + SUFFIX), id, fs), bounds, fs);
    }

    /**
     * Undoes the operations of every journal this archive's interrupted runs left (once per process, before
     * any new transaction) and says so. Every journal is read and checked first: when one is refused,
     * none is undone. Returns how many journals it handled.
     */
    public synchronized int recoverUnfinished() {
        if (recovered) {
            return 0;
        }
        if (perArchive) {
            journalsIn(journals).stream().findFirst().ifPresent(loose -> {
                throw refused(loose, "it lies outside any archive's journal folder and has no archive identity:"
                        + " an older AUPAT wrote it, or someone put it there");
            });
        }
        List<Journal> found = new ArrayList<>();
        List<Path> withJournals = foldersWithJournals();
        if (!withJournals.isEmpty()) {
            Optional<String> id = archiveId();
            // Without an identity the database is new or not migrated: no journal can be this archive's yet.
            Path ours = id.map(this::folder).orElse(null);
            for (Path folder : withJournals) {
                if (folder.equals(ours)) {
                    for (Path file : journalsIn(folder)) {
                        found.add(checked(file, id.get()));
                    }
                } else {
                    log.warn("Left alone the unfinished file journals in {}: they belong to another archive than this"
                            + " database's ({}).", folder, id.orElse("not migrated yet"));
                }
            }
        }
        for (Journal journal : found) {
            log.warn("Found an unfinished file transaction from an interrupted run ({}, {} operations);"
                    + " undoing it before anything else.", journal.file().getFileName(), journal.entries().size());
            FileTransaction.undo(journal, bounds, fs);
        }
        if (!found.isEmpty()) {
            log.warn("Undid {} unfinished file transaction(s); their files are back as they were.", found.size());
        }
        recovered = true;
        return found.size();
    }

    /** The journal, once it is known to be this archive's, unchanged, and inside AUPAT's folders. */
    private Journal checked(Path file, String id) {
        Journal journal;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(file, "it is not a plain file (a link, a device or a pipe)");
            }
            if (Files.size(file) > MAX_JOURNAL_BYTES) {
                throw refused(file, "it has " + Files.size(file) + " bytes, more than any journal AUPAT writes");
            }
            journal = Journal.read(file, id, fs);
        } catch (Journal.Refused e) {
            throw refused(file, "line " + e.line() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new FileSystemError("cannot read the file journal " + file + ": " + e.getMessage()
                    + ". Nothing was changed; check the file, then run again.", e);
        }
        for (int i = 0; i < journal.entries().size(); i++) {
            JournalEntry e = journal.entries().get(i);
            String refusal = bounds.refusal(e);
            if (refusal != null) {
                throw refused(file, "line " + (i + 2) + " (" + e.op().journalName() + " " + (e.source() == null ? ""
                        : e.source() + " -> ") + e.target() + "): " + refusal);
            }
        }
        return journal;
    }

    private static JournalRefusedError refused(Path file, String why) {
        return new JournalRefusedError("refusing to recover the file journal " + file + ": " + why + ". Nothing was"
                + " changed and the journal is kept. Compare what it names with your files; once they are as they"
                + " should be, move the journal out of " + file.getParent() + " and run again.");
    }

    private Optional<String> archiveId() {
        Optional<String> id = identity.get();
        if (id.isPresent() && !id.get().matches("[0-9a-f]{32}")) {
            throw new JournalRefusedError("the archive identity in the database ('" + id.get() + "') is not 32"
                    + " hexadecimal digits: the table archive_identity was changed. Restore it from a backup.");
        }
        return id;
    }

    private Path folder(String id) {
        return perArchive ? journals.resolve(id) : journals;
    }

    /** The journal folders holding any journal (this archive's or another's), without asking the database. */
    private List<Path> foldersWithJournals() {
        if (!perArchive) {
            return journalsIn(journals).isEmpty() ? List.of() : List.of(journals);
        }
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(journals)) {
            return folders.filter(Files::isDirectory).filter(f -> !journalsIn(f).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot list the file journals in " + journals + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> journalsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)
                            && !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot list the file journals in " + folder + ": " + e.getMessage(), e);
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
