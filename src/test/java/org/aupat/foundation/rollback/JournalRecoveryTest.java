package org.aupat.foundation.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.JournalRefusedError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal found on disk is input: recovery acts only on this archive's own, unchanged journals, and never
 * on anything outside staging, the archive and the backups, whatever a journal says.
 */
class JournalRecoveryTest {
    static final String ARCHIVE_A = "a".repeat(32);
    static final String ARCHIVE_B = "b".repeat(32);

    @TempDir
    Path home;
    Path journals;
    Path staging;
    Path archive;
    Path backups;
    /** A user's own files, outside AUPAT's folders. */
    Path user;

    @BeforeEach
    void folders() throws IOException {
        journals = home.resolve("data/journal");
        staging = Files.createDirectories(home.resolve("data/staging"));
        archive = Files.createDirectories(home.resolve("data/archive"));
        backups = home.resolve("data/backups");
        user = Files.createDirectories(home.resolve("photos"));
        Files.writeString(user.resolve("only.jpg"), "the only copy");
    }

    private FileTransactions of(String archiveId) {
        return new FileTransactions(journals, () -> Optional.of(archiveId), List.of(staging, archive, backups),
                new DiskFileSystem());
    }

    /** A journal with correct checksums for archive A, saying whatever the test wants. */
    private Path forged(JournalEntry... entries) throws IOException {
        Path file = journals.resolve(ARCHIVE_A).resolve("1-forged.journal");
        try (Journal journal = new Journal(file, ARCHIVE_A, new DiskFileSystem())) {
            for (JournalEntry e : entries) {
                journal.append(e, true);
            }
        }
        return file;
    }

    /** A transaction of archive A killed after copying a file into staging: its journal stays. */
    private Path killedCopy() throws IOException {
        FileTransaction killed = of(ARCHIVE_A).begin();
        killed.copy(user.resolve("only.jpg"), staging.resolve("loc/only.jpg"), null);
        killed.copy(user.resolve("only.jpg"), staging.resolve("loc/again.jpg"), null);
        return onlyJournal(journals.resolve(ARCHIVE_A));
    }

    @Test
    void anUnchangedJournalOfThisArchiveIsUndone() throws IOException {
        Path journal = killedCopy();
        assertThat(of(ARCHIVE_A).recoverUnfinished()).isOne();
        assertThat(staging.resolve("loc")).doesNotExist();
        assertThat(journal).doesNotExist();
        assertThat(user.resolve("only.jpg")).hasContent("the only copy");
    }

    @Test
    void aJournalPointingOutsideAupatsFoldersIsRefusedAndTheUsersFileSurvives() throws IOException {
        Path only = user.resolve("only.jpg");
        Path twin = Files.writeString(home.resolve("twin.jpg"), "the only copy");
        Path emptyUserFolder = Files.createDirectories(user.resolve("empty"));
        List<JournalEntry> hostile = List.of(
                // the undo of a copy deletes the target when the source has the same bytes
                new JournalEntry(JournalOperation.COPY, twin.toString(), only.toString()),
                new JournalEntry(JournalOperation.LINK, only.toString(), only.toString()),
                // the undo of a rename moves the target back to the source
                new JournalEntry(JournalOperation.RENAME, staging.resolve("x.jpg").toString(), only.toString()),
                new JournalEntry(JournalOperation.DELETE, staging.resolve("x.jpg").toString(), only.toString()),
                new JournalEntry(JournalOperation.MKDIR, null, emptyUserFolder.toString()),
                new JournalEntry(JournalOperation.COPY, twin.toString(), staging + "/../../photos/only.jpg"),
                new JournalEntry(JournalOperation.RMDIR, null, user.resolve("made").toString()));
        for (JournalEntry entry : hostile) {
            Path journal = forged(new JournalEntry(JournalOperation.MKDIR, null, staging.resolve("loc").toString()),
                    entry);
            assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).as(entry.toString())
                    .isInstanceOf(JournalRefusedError.class)
                    .hasMessageContaining(journal.toString()).hasMessageContaining("line 3")
                    .hasMessageContaining("the journal is kept")
                    .satisfies(e -> assertThat(((JournalRefusedError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT));
            assertThat(journal).as("kept for a person").exists();
            Files.delete(journal);
        }
        assertThat(only).hasContent("the only copy");
        assertThat(emptyUserFolder).isDirectory();
        assertThat(user.resolve("made")).doesNotExist();
        assertThat(staging.resolve("x.jpg")).doesNotExist();
    }

    @Test
    void aTransactionKilledInsideAFolderReplicaIsUndoneOnlyByARunThatKnowsTheReplica() throws IOException {
        Path replica = Files.createDirectories(home.resolve("nas"));
        List<Path> withReplica = List.of(staging, archive, backups, replica);
        FileTransaction killed = new FileTransactions(journals, () -> Optional.of(ARCHIVE_A), withReplica,
                new DiskFileSystem()).begin();
        killed.copy(user.resolve("only.jpg"), replica.resolve("ny-industrial/only.jpg"), null);
        Path journal = onlyJournal(journals.resolve(ARCHIVE_A));

        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).as("a run not given the replica")
                .isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining("its undo would remove the folder " + replica.resolve("ny-industrial"))
                .hasMessageContaining("a folder replica is one of them only in a run given its aupat.replicas setting")
                .hasMessageContaining("run the interrupted command again with it");
        assertThat(replica.resolve("ny-industrial/only.jpg")).as("nothing undone").hasContent("the only copy");

        assertThat(new FileTransactions(journals, () -> Optional.of(ARCHIVE_A), withReplica, new DiskFileSystem())
                .recoverUnfinished()).isOne();
        assertThat(replica.resolve("ny-industrial")).doesNotExist();
        assertThat(replica).isDirectory();
        assertThat(journal).doesNotExist();
        assertThat(user.resolve("only.jpg")).hasContent("the only copy");
    }

    @Test
    void aSymbolicLinkInsideStagingDoesNotLeadRecoveryOutside() throws IOException {
        Files.createSymbolicLink(staging.resolve("door"), user);
        Path twin = Files.writeString(home.resolve("twin.jpg"), "the only copy");
        forged(new JournalEntry(JournalOperation.COPY, twin.toString(), staging.resolve("door/only.jpg").toString()));
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining("outside AUPAT's folders");
        assertThat(user.resolve("only.jpg")).hasContent("the only copy");
    }

    @Test
    void anEditedMiddleLineIsRefusedAndNothingOfTheJournalIsUndone() throws IOException {
        Path journal = killedCopy();
        List<String> lines = Files.readAllLines(journal);
        assertThat(lines).hasSize(4); // header, mkdir loc, copy, copy
        lines.set(2, lines.get(2).replace("\"" + user.resolve("only.jpg") + "\"", "\"" + home.resolve("elsewhere.jpg") + "\""));
        Files.write(journal, lines);

        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(journal.toString()).hasMessageContaining("line 3")
                .hasMessageContaining("checksum does not match");
        assertThat(staging.resolve("loc/only.jpg")).as("nothing undone").hasContent("the only copy");
        assertThat(journal).exists();
    }

    @Test
    void aRemovedMiddleLineIsRefusedButATornLastLineIsNot() throws IOException {
        Path journal = killedCopy();
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, List.of(lines.get(0), lines.get(1), lines.get(3)));
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).hasMessageContaining("line 3");

        Files.writeString(journal, String.join("\n", lines.subList(0, 3)) + "\n" + lines.get(3).substring(0, 30));
        assertThat(of(ARCHIVE_A).recoverUnfinished()).isOne();
        assertThat(staging.resolve("loc/only.jpg")).doesNotExist();
        assertThat(staging.resolve("loc/again.jpg")).as("its line was torn: the operation had not started").exists();
    }

    @Test
    void aJournalOfAnotherArchiveIsRefused() throws IOException {
        Path journal = killedCopy();
        Path copied = Files.createDirectories(journals.resolve(ARCHIVE_B)).resolve(journal.getFileName());
        Files.copy(journal, copied);

        assertThatThrownBy(() -> of(ARCHIVE_B).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(copied.toString()).hasMessageContaining("line 1")
                .hasMessageContaining("belongs to another archive (identity " + ARCHIVE_A);
        assertThat(staging.resolve("loc/only.jpg")).exists();
    }

    @Test
    void anotherArchivesJournalsInTheSameFolderAreLeftAlone() throws IOException {
        Path journal = killedCopy();
        byte[] before = Files.readAllBytes(journal);

        assertThat(of(ARCHIVE_B).recoverUnfinished()).isZero();
        try (FileTransaction tx = of(ARCHIVE_B).begin()) {
            tx.mkdirs(archive.resolve("b-loc"));
            tx.commit();
        }
        assertThat(Files.readAllBytes(journal)).isEqualTo(before);
        assertThat(staging.resolve("loc/only.jpg")).exists();
    }

    @Test
    void aJournalWithoutChecksumsOrOutsideTheArchiveFoldersIsRefused() throws IOException {
        Files.createDirectories(journals);
        Path legacy = Files.writeString(journals.resolve("1-old.journal"), "{\"op\":\"copy\",\"source\":\"/a\",\"target\":\""
                + user.resolve("only.jpg") + "\"}\n");
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(legacy.toString()).hasMessageContaining("no archive identity");
        Files.move(legacy, Files.createDirectories(journals.resolve(ARCHIVE_A)).resolve("1-old.journal"));
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining("line 1: it has no checksum");
        assertThat(user.resolve("only.jpg")).hasContent("the only copy");
    }

    @Test
    void aMalformedLineNamesTheJournalFile() throws IOException {
        Path journal = forged(new JournalEntry(JournalOperation.MKDIR, null, staging.resolve("loc").toString()));
        // A line with a correct checksum but an operation AUPAT does not know (what "could not start: null" was).
        String header = Files.readAllLines(journal, StandardCharsets.UTF_8).get(0);
        Files.delete(journal);
        try (Journal j = new Journal(journal, ARCHIVE_A, new DiskFileSystem())) {
            j.append(new JournalEntry(JournalOperation.MKDIR, null, staging.resolve("loc").toString()), true);
        }
        String[] lines = Files.readString(journal).split("\n");
        assertThat(lines[0]).isEqualTo(header);
        Files.writeString(journal, lines[0] + "\n" + rechecked(lines[0], "{\"op\":\"shred\",\"source\":null,\"target\":\"/x\"}")
                + "\n");
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(journal.toString()).hasMessageContaining("line 2")
                .hasMessageContaining("unknown journal operation 'shred'");
    }

    @Test
    void aTransactionCannotJournalAnOperationOutsideAupatsFolders() {
        try (FileTransaction tx = of(ARCHIVE_A).begin()) {
            assertThatThrownBy(() -> tx.copy(staging.resolve("nothing.jpg"), user.resolve("new.jpg"), null))
                    .isInstanceOf(FileSystemError.class).hasMessageContaining("outside AUPAT's folders");
            assertThatThrownBy(() -> tx.deleteWithBackup(user.resolve("only.jpg")))
                    .isInstanceOf(FileSystemError.class).hasMessageContaining("refusing to delete");
        }
        assertThat(user.resolve("only.jpg")).hasContent("the only copy");
        assertThat(user.resolve("new.jpg")).doesNotExist();
    }

    @Test
    void aPipeOrALinkNamedLikeAJournalIsRefusedWithoutBeingRead() throws Exception {
        Path folder = Files.createDirectories(journals.resolve(ARCHIVE_A));
        Path link = Files.createSymbolicLink(folder.resolve("1-link.journal"), user.resolve("only.jpg"));
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(link.toString()).hasMessageContaining("not a plain file");
        Files.delete(link);
        Path pipe = folder.resolve("2-pipe.journal");
        assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(pipe.toString()).hasMessageContaining("not a plain file");
    }

    @Test
    void aDamagedJournalIsRefusedNamingItsLineAndNothingOfItIsUndone() throws IOException {
        String header = "{\"format\":1,\"archive\":\"" + ARCHIVE_A + "\"}";
        String mkdir = "{\"op\":\"mkdir\",\"source\":null,\"target\":\"" + staging.resolve("loc") + "\"}";
        Path made = Files.createDirectories(staging.resolve("loc"));
        String changed = "line 1: its checksum does not match: the journal was changed since AUPAT wrote it";
        // Each case: the message, then the lines; one starting with '!' keeps the checksum it has, the others get
        // the checksum AUPAT would have written.
        List<List<String>> damaged = List.of(
                List.of(changed, "!" + chained("", header).substring(0, 65) + header.replace("\"format\":1",
                        "\"format\":0"), mkdir),
                List.of(changed, "!" + "0".repeat(64) + " this is no JSON", mkdir),
                List.of("line 1: its header ({\"format\":2,\"archive\":\"" + ARCHIVE_A + "\"}) is not this"
                        + " archive's, format 1", header.replace("\"format\":1", "\"format\":2"), mkdir),
                List.of("line 1: its header is not readable: ", "[1, 2]", mkdir),
                List.of("line 2: it names no operation or no target: {\"op\":\"copy\",\"source\":\"/x\"}", header,
                        "{\"op\":\"copy\",\"source\":\"/x\"}"),
                List.of("line 2 (mkdir " + staging + "/a\0b): it names a path that is not absolute and plain", header,
                        "{\"op\":\"mkdir\",\"source\":null,\"target\":\"" + staging + "/a\\u0000b\"}"));
        Path journal = Files.createDirectories(journals.resolve(ARCHIVE_A)).resolve("1-damaged.journal");
        for (List<String> damage : damaged) {
            StringBuilder text = new StringBuilder();
            String previous = "";
            for (String line : damage.subList(1, damage.size())) {
                String written = line.startsWith("!") ? line.substring(1) : chained(previous, line);
                previous = written.substring(0, 64);
                text.append(written).append('\n');
            }
            Files.writeString(journal, text);
            assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).as(damage.get(0))
                    .isInstanceOf(JournalRefusedError.class)
                    .hasMessageStartingWith("refusing to recover the file journal " + journal + ": " + damage.get(0))
                    .hasMessageContaining("the journal is kept");
            assertThat(journal).as("kept for a person").exists();
            assertThat(made).as("nothing undone").isDirectory();
        }
    }

    @Test
    void aJournalWhoseFoldersWereRemovedByHandIsStillRecovered() throws IOException {
        Path twin = Files.writeString(home.resolve("twin.jpg"), "the only copy");
        Path journal = forged(new JournalEntry(JournalOperation.MKDIR, null, staging.resolve("a").toString()),
                new JournalEntry(JournalOperation.MKDIR, null, staging.resolve("a/b").toString()),
                new JournalEntry(JournalOperation.COPY, twin.toString(), staging.resolve("a/b/c.jpg").toString()));
        // the folders it made are gone already (someone cleaned up after the crash)
        assertThat(of(ARCHIVE_A).recoverUnfinished()).isOne();
        assertThat(journal).doesNotExist();
        assertThat(staging.resolve("a")).doesNotExist();
        assertThat(twin).hasContent("the only copy");
    }

    @Test
    void aJournalFarLargerThanAnyAupatWritesIsRefusedWithoutBeingRead() throws IOException {
        Path journal = Files.createDirectories(journals.resolve(ARCHIVE_A)).resolve("1-huge.journal");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(journal.toFile(), "rw")) {
            file.setLength(256L * 1024 * 1024 + 1); // sparse: no disk space, and reading it would take the heap
        }
        assertThatThrownBy(() -> of(ARCHIVE_A).recoverUnfinished()).isInstanceOf(JournalRefusedError.class)
                .hasMessageContaining(journal + ": it has 268435457 bytes, more than any journal AUPAT writes");
        assertThat(Files.size(journal)).isEqualTo(268435457L);
    }

    @Test
    void anArchiveIdentityThatIsNotOneStopsTheTransactionBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> of("archive-1").begin()).isInstanceOf(JournalRefusedError.class)
                .hasMessage("the archive identity in the database ('archive-1') is not 32 hexadecimal digits: the table"
                        + " archive_identity was changed. Restore it from a backup.")
                .satisfies(e -> assertThat(((JournalRefusedError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT));
        assertThat(journals).doesNotExist();
    }

    /** {@code json} as a journal line chained to the line whose checksum is {@code previousChecksum} ("" for the first). */
    private static String chained(String previousChecksum, String json) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(ARCHIVE_A.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((previousChecksum + " ").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8))) + " " + json;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The line {@code json} with the checksum the journal format gives it after the line {@code previous}. */
    private static String rechecked(String previous, String json) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(ARCHIVE_A.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((previous.substring(0, 64) + " ").getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8))) + " " + json;
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static Path onlyJournal(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".journal")).reduce((a, b) -> {
                throw new AssertionError("more than one journal in " + folder);
            }).orElseThrow();
        }
    }
}
