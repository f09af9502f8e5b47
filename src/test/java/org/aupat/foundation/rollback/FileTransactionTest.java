package org.aupat.foundation.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTransactionTest {
    @TempDir
    Path home;
    Path source;
    Path archive;

    @BeforeEach
    void files() throws IOException {
        source = Files.createDirectories(home.resolve("source"));
        archive = home.resolve("archive");
        Files.writeString(source.resolve("a.jpg"), "photo a");
        Files.writeString(source.resolve("b.jpg"), "photo b");
    }

    private FileTransactions transactions(FileSystemCalls fs) {
        return new FileTransactions(home.resolve("journal"), fs);
    }

    @Test
    void committedOperationsStayAndLeaveNoJournalTempOrBackup() throws IOException {
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            CopyResult copy = tx.copy(source.resolve("a.jpg"), archive.resolve("x/a.jpg"),
                    new FileHasher().sha256(source.resolve("a.jpg")));
            assertThat(copy.alreadyPresent()).isFalse();
            assertThat(copy.size()).isEqualTo(7);
            tx.move(source.resolve("b.jpg"), archive.resolve("x/b.jpg"));
            tx.hardlink(archive.resolve("x/a.jpg"), archive.resolve("y/a-link.jpg"));
            tx.deleteWithBackup(source.resolve("a.jpg"));
            tx.commit();
        }
        assertThat(archive.resolve("x/a.jpg")).hasContent("photo a");
        assertThat(archive.resolve("x/b.jpg")).hasContent("photo b");
        assertThat(Files.isSameFile(archive.resolve("x/a.jpg"), archive.resolve("y/a-link.jpg"))).isTrue();
        assertThat(source).isEmptyDirectory();
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void journalLinesAreFlushedBeforeAnExistingFileMovesAndFoldersOnlyAtCommit() throws IOException {
        java.util.List<String> calls = new java.util.ArrayList<>();
        FileSystemCalls recording = new DiskFileSystem() {
            @Override
            public void force(FileChannel channel) throws IOException {
                calls.add(channel.size() == 7 ? "fsync copy" : "fsync journal");
                super.force(channel);
            }

            @Override
            public void forceDirectory(Path directory) throws IOException {
                calls.add("fsync folder " + home.relativize(directory));
                super.forceDirectory(directory);
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                calls.add("rename " + from.getFileName());
                super.rename(from, to);
            }
        };
        try (FileTransaction tx = transactions(recording).begin()) {
            tx.copy(source.resolve("a.jpg"), archive.resolve("x/a.jpg"), null);
            tx.move(archive.resolve("x/a.jpg"), archive.resolve("x/a2.jpg"));
            assertThat(calls).as("a new file: its data is flushed before its rename, nothing else yet")
                    .containsExactly("fsync folder journal", "fsync copy", "rename a.jpg.aupat-tmp", "rename a.jpg");
            calls.clear();
            tx.move(source.resolve("b.jpg"), archive.resolve("x/b.jpg"));
            assertThat(calls).as("a file that existed before: its journal line is on disk before it moves")
                    .containsExactly("fsync journal", "rename b.jpg");
            calls.clear();
            tx.deleteVerifiedCopy(source.resolve("a.jpg"));
            assertThat(calls).as("a copy verified elsewhere goes without a flush first")
                    .containsExactly("rename a.jpg");
            calls.clear();
            tx.commit();
        }
        assertThat(calls).as("each changed folder once (home and archive got new folders), before the journal goes")
                .containsExactly("fsync folder ", "fsync folder archive", "fsync folder archive/x",
                        "fsync folder source", "fsync folder source", "fsync folder journal");
        assertThat(source).as("the deleted copy's backup went with the commit").isEmptyDirectory();
    }

    @Test
    void copiesToATemporaryNameAreFlushedOnASecondThreadAndMovedOnlyOnceFlushed() throws IOException {
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        FileSystemCalls recording = new DiskFileSystem() {
            @Override
            public void force(FileChannel channel) throws IOException {
                try {
                    Thread.sleep(50); // a slow disk: a move that did not wait would come first
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                super.force(channel);
                events.add("flushed on " + Thread.currentThread().getName());
            }

            @Override
            public void rename(Path from, Path to) throws IOException {
                events.add("rename " + from.getFileName());
                super.rename(from, to);
            }
        };
        try (FileTransaction tx = transactions(recording).begin()) {
            CopyResult a = tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/1"));
            assertThat(a.sha256()).isEqualTo(new FileHasher().sha256(source.resolve("a.jpg")));
            tx.copyToTemporary(source.resolve("b.jpg"), archive.resolve("incoming/2"));
            tx.move(archive.resolve("incoming/2"), archive.resolve("x/b.jpg"));
            assertThat(events).as("both flushed, off the calling thread, before the move")
                    .filteredOn(e -> !e.endsWith(".aupat-tmp"))
                    .containsExactly("flushed on aupat-flush", "flushed on aupat-flush", "rename 2");
            tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/3"));
            tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/4"));
            tx.deleteWithBackup(archive.resolve("incoming/4"));
            tx.commit();
        }
        assertThat(events).as("the commit waits for every flush").filteredOn(e -> e.startsWith("flushed")).hasSize(4);
        assertThat(archive.resolve("incoming/1")).hasContent("photo a");
        assertThat(archive.resolve("incoming/3")).hasContent("photo a");
        assertThat(archive.resolve("incoming/4")).doesNotExist();
        assertThat(archive.resolve("x/b.jpg")).hasContent("photo b");
    }

    @Test
    void aFailedFlushFailsTheChunkAndItsUndoRemovesTheCopies() throws IOException {
        FileSystemCalls failing = failingToWrite("2");
        try (FileTransaction tx = transactions(failing).begin()) {
            tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/1"));
            tx.copyToTemporary(source.resolve("b.jpg"), archive.resolve("incoming/2"));
            assertThatThrownBy(tx::flushCopies).isInstanceOf(FileSystemError.class).hasMessageContaining("injected flush");
        }
        assertThat(archive).doesNotExist();
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void closingWithoutCommitUndoesEverythingInReverse() throws IOException {
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            tx.copy(source.resolve("a.jpg"), archive.resolve("x/a.jpg"), null);
            tx.move(source.resolve("b.jpg"), archive.resolve("x/b.jpg"));
            tx.hardlink(archive.resolve("x/a.jpg"), archive.resolve("x/link.jpg"));
            tx.deleteWithBackup(source.resolve("a.jpg"));
        }
        assertThat(archive).doesNotExist();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
        assertThat(source.resolve("b.jpg")).hasContent("photo b");
        try (Stream<Path> s = Files.list(source)) {
            assertThat(s).hasSize(2);
        }
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void identicalTargetCountsAsDoneAndADifferentOneIsNeverOverwritten() throws IOException {
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("a.jpg"), "photo a");
        Files.writeString(archive.resolve("b.jpg"), "other bytes");
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            assertThat(tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), null).alreadyPresent()).isTrue();
            assertThatThrownBy(() -> tx.copy(source.resolve("b.jpg"), archive.resolve("b.jpg"), null))
                    .isInstanceOf(FileSystemError.class).hasMessageContaining("refusing to overwrite");
            assertThatThrownBy(() -> tx.move(source.resolve("b.jpg"), archive.resolve("b.jpg")))
                    .hasMessageContaining("different content");
            tx.move(source.resolve("a.jpg"), archive.resolve("a.jpg"));
        }
        assertThat(archive.resolve("a.jpg")).as("rollback never deletes what it did not create").hasContent("photo a");
        assertThat(archive.resolve("b.jpg")).hasContent("other bytes");
        assertThat(source.resolve("a.jpg")).as("the identical move's delete was undone").hasContent("photo a");
    }

    @Test
    void aSourceWhoseBytesChangedIsRefusedAndLeavesNothing() {
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            assertThatThrownBy(() -> tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), "0".repeat(64)))
                    .isInstanceOf(ChecksumMismatchError.class);
        }
        assertThat(archive).doesNotExist();
    }

    @Test
    void aFullDiskDuringTheCopyUndoesTheTransactionAndKeepsTheSource() throws IOException {
        FileSystemCalls full = new DiskFileSystem() {
            @Override
            public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
                if (bytes.remaining() == 7) {
                    throw new IOException("No space left on device");
                }
                super.write(channel, bytes);
            }
        };
        try (FileTransaction tx = transactions(full).begin()) {
            tx.move(source.resolve("b.jpg"), archive.resolve("b.jpg"));
            assertThatThrownBy(() -> tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), null))
                    .isInstanceOf(FileSystemError.class).hasMessageContaining("No space left on device");
        }
        assertThat(archive).doesNotExist();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
        assertThat(source.resolve("b.jpg")).hasContent("photo b");
    }

    @Test
    void aFailedRenameOrFsyncIsUndoneToo() {
        for (String step : new String[] {"rename", "force", "mkdir", "link"}) {
            FileSystemCalls failing = failingAt(step);
            try (FileTransaction tx = transactions(failing).begin()) {
                assertThatThrownBy(() -> {
                    tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), null);
                    tx.hardlink(source.resolve("b.jpg"), archive.resolve("b.jpg"));
                }).as(step).isInstanceOf(FileSystemError.class);
            }
            assertThat(archive).as(step).doesNotExist();
            assertThat(source.resolve("a.jpg")).hasContent("photo a");
        }
    }

    @Test
    void anUndoThatFailsKeepsTheJournalForTheNextRun() throws IOException {
        boolean[] breakDeletes = {false};
        FileSystemCalls fs = new DiskFileSystem() {
            @Override
            public void delete(Path file) throws IOException {
                if (breakDeletes[0]) {
                    throw new IOException("read-only file system");
                }
                super.delete(file);
            }
        };
        FileTransaction tx = transactions(fs).begin();
        tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), null);
        breakDeletes[0] = true;
        assertThatThrownBy(tx::close).hasMessageContaining("The journal stays");
        assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
        assertThat(transactions(new DiskFileSystem()).recoverUnfinished()).isEqualTo(1);
        assertThat(archive).doesNotExist();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
    }

    @Test
    void undoKeepsACopyWhoseSourceIsGoneBecauseItMayBeTheOnlyOne() throws IOException {
        FileTransaction tx = transactions(new DiskFileSystem()).begin();
        tx.copy(source.resolve("a.jpg"), archive.resolve("a.jpg"), null);
        Files.delete(source.resolve("a.jpg"));
        tx.close();
        assertThat(archive.resolve("a.jpg")).hasContent("photo a");
    }

    @Test
    void aLeftoverBackupOrTempIsHandledWithoutLosingData() throws IOException {
        Files.writeString(source.resolve("a.jpg.aupat-deleted"), "old backup");
        Files.createDirectories(archive);
        Files.writeString(archive.resolve("b.jpg.aupat-tmp"), "half");
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            assertThatThrownBy(() -> tx.deleteWithBackup(source.resolve("a.jpg"))).hasMessageContaining("by hand");
            tx.copy(source.resolve("b.jpg"), archive.resolve("b.jpg"), null);
            tx.commit();
        }
        assertThat(archive.resolve("b.jpg")).hasContent("photo b");
        assertThat(archive.resolve("b.jpg.aupat-tmp")).doesNotExist();
        assertThat(source.resolve("a.jpg.aupat-deleted")).hasContent("old backup");
    }

    @Test
    void aJournalCutShortMidLineIsReadUpToTheLastWholeEntry() throws IOException {
        FileTransaction killed = transactions(new DiskFileSystem()).begin();
        killed.mkdirs(archive.resolve("made"));
        Path journal = onlyJournal(home.resolve("journal"));
        // A crash while the next line was being appended: part of it, no line end.
        Files.writeString(journal, Files.readString(journal) + "3f2a {\"op\":\"cop");
        assertThat(transactions(new DiskFileSystem()).recoverUnfinished()).isEqualTo(1);
        assertThat(archive).doesNotExist();
        assertThat(journal).doesNotExist();
        FileTransactions again = transactions(new DiskFileSystem());
        again.recoverUnfinished();
        assertThat(again.recoverUnfinished()).as("once per process").isZero();
    }

    private static FileSystemCalls failingAt(String step) {
        return new DiskFileSystem() {
            @Override
            public void rename(Path from, Path to) throws IOException {
                fail("rename", from);
                super.rename(from, to);
            }

            @Override
            public void force(FileChannel channel) throws IOException {
                if (channel.size() > 0 && step.equals("force") && channel.size() == 7) {
                    throw new IOException("injected fsync failure");
                }
                super.force(channel);
            }

            @Override
            public void createDirectory(Path directory) throws IOException {
                fail("mkdir", directory);
                super.createDirectory(directory);
            }

            @Override
            public void createLink(Path link, Path existing) throws IOException {
                fail("link", link);
                super.createLink(link, existing);
            }

            private void fail(String at, Path path) throws IOException {
                if (step.equals(at) && !path.toString().endsWith(".journal")) {
                    throw new IOException("injected " + at + " failure");
                }
            }
        };
    }

    private static Path onlyJournal(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".journal")).reduce((a, b) -> {
                throw new AssertionError("more than one journal in " + folder);
            }).orElseThrow();
        }
    }

    /** The disk, except that the file named {@code name} cannot be opened for writing (its flush fails). */
    static FileSystemCalls failingToWrite(String name) {
        return new DiskFileSystem() {
            @Override
            public FileChannel openWrite(Path file) throws IOException {
                if (file.getFileName().toString().equals(name)) {
                    throw new IOException("injected flush failure");
                }
                return super.openWrite(file);
            }
        };
    }
}
