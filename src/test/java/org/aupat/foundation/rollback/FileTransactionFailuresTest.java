package org.aupat.foundation.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a file transaction does when a step fails or the disk changes under it: it refuses with a message naming
 * the file, and its undo leaves every file as it was (and nothing of its own behind).
 */
class FileTransactionFailuresTest {
    private static final String ID = "c".repeat(32);

    @TempDir
    Path home;
    Path source;
    Path archive;

    @BeforeEach
    void files() throws IOException {
        source = Files.createDirectories(home.resolve("source"));
        archive = Files.createDirectories(home.resolve("archive"));
        Files.writeString(source.resolve("a.jpg"), "photo a");
    }

    private FileTransactions transactions(FileSystemCalls fs) {
        return transactions(fs, List.of(home));
    }

    private FileTransactions transactions(FileSystemCalls fs, List<Path> roots) {
        return new FileTransactions(home.resolve("journal"), () -> Optional.of(ID), roots, fs);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha(String text) throws IOException {
        Path file = Files.createTempFile("sha", ".txt");
        try {
            return new FileHasher().sha256(Files.writeString(file, text));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aStreamCopyKeepsItsTimeReplacesALeftTempAndNeverOverwritesAnExistingFile() throws IOException {
        Path target = archive.resolve("loc/a.jpg");
        Files.createDirectories(target.getParent());
        Files.writeString(FileTransaction.temp(target), "half of an interrupted run");
        Files.writeString(archive.resolve("taken.jpg"), "someone's photo");
        FileTime noon = FileTime.fromMillis(1_700_000_000_000L);
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            CopyResult copy = tx.copy(bytes("from a replica"), target, sha("from a replica"), noon);
            assertThat(copy.size()).isEqualTo(14);
            assertThatThrownBy(() -> tx.copy(bytes("other"), archive.resolve("taken.jpg"), sha("other"), null))
                    .isInstanceOf(FileSystemError.class)
                    .hasMessage("refusing to overwrite " + archive.resolve("taken.jpg") + ": it already exists. Nothing"
                            + " was replaced.");
            tx.commit();
        }
        assertThat(target).hasContent("from a replica");
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(noon);
        assertThat(FileTransaction.temp(target)).doesNotExist();
        assertThat(archive.resolve("taken.jpg")).hasContent("someone's photo");
    }

    @Test
    void aStreamThatBreaksOffMidCopyFailsTheCopyAndTheUndoLeavesNothing() {
        InputStream network = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 3) {
                    return 'x';
                }
                throw new IOException("Connection reset");
            }
        };
        Path target = archive.resolve("loc/b.jpg");
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            assertThatThrownBy(() -> tx.copy(network, target, "0".repeat(64), null))
                    .isInstanceOf(FileSystemError.class)
                    .hasMessageStartingWith("cannot copy into " + target + ": java.io.IOException: Connection reset")
                    .hasMessageEndingWith("The transaction will be undone.");
        }
        assertThat(archive).isEmptyDirectory();
        assertThat(home.resolve("journal/" + ID)).isEmptyDirectory();
    }

    @Test
    void aTargetAnotherProgramCreatesDuringTheCopyIsNeitherOverwrittenNorRemoved() throws IOException {
        Path target = archive.resolve("a.jpg");
        FileSystemCalls race = new DiskFileSystem() {
            @Override
            public FileChannel createNew(Path file) throws IOException {
                if (file.equals(FileTransaction.temp(target))) {
                    Files.writeString(target, "written by another program");
                }
                return super.createNew(file);
            }
        };
        try (FileTransaction tx = transactions(race).begin()) {
            assertThatThrownBy(() -> tx.copy(source.resolve("a.jpg"), target, null))
                    .isInstanceOf(FileSystemError.class)
                    .hasMessage("refusing to overwrite " + target + ": it appeared while it was being copied. Nothing was"
                            + " replaced.");
        }
        assertThat(target).hasContent("written by another program");
        assertThat(FileTransaction.temp(target)).doesNotExist();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
    }

    @Test
    void aDiskThatAcceptsFewerBytesThanWrittenFailsTheCopy() {
        FileSystemCalls shortWrites = new DiskFileSystem() {
            @Override
            public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
                if (bytes.remaining() == 7) { // the photo's bytes, not a journal line: half reach the file, silently
                    bytes.limit(bytes.position() + 3);
                }
                super.write(channel, bytes);
            }
        };
        Path target = archive.resolve("a.jpg");
        try (FileTransaction tx = transactions(shortWrites).begin()) {
            assertThatThrownBy(() -> tx.copy(source.resolve("a.jpg"), target, null))
                    .isInstanceOf(FileSystemError.class)
                    .hasMessageContaining("the copy " + FileTransaction.temp(target) + " has 3 bytes instead of 7; the"
                            + " disk may be full or failing");
        }
        assertThat(archive).isEmptyDirectory();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
    }

    @Test
    void aMoveOrDeleteWhoseRenameFailsIsRefusedAndTheFileStaysWhereItWas() {
        FileSystemCalls readOnly = new DiskFileSystem() {
            @Override
            public void rename(Path from, Path to) throws IOException {
                throw new IOException("Read-only file system");
            }
        };
        Path photo = source.resolve("a.jpg");
        try (FileTransaction tx = transactions(readOnly).begin()) {
            assertThatThrownBy(() -> tx.move(photo, archive.resolve("a.jpg"))).isInstanceOf(FileSystemError.class)
                    .hasMessageStartingWith("cannot move " + photo + " to " + archive.resolve("a.jpg")
                            + ": java.io.IOException: Read-only file system");
            assertThatThrownBy(() -> tx.deleteWithBackup(photo)).isInstanceOf(FileSystemError.class)
                    .hasMessageStartingWith("cannot delete " + photo + ": java.io.IOException: Read-only file system");
        }
        assertThat(photo).hasContent("photo a");
        assertThat(archive).isEmptyDirectory();
        assertThat(source.resolve("a.jpg" + FileTransaction.BACKUP_SUFFIX)).doesNotExist();
    }

    @Test
    void aHardLinkThatExistsCountsAsDoneAndAnotherFileInItsPlaceIsRefused() throws IOException {
        Path photo = source.resolve("a.jpg");
        Path linked = Files.createLink(archive.resolve("linked.jpg"), photo);
        Path other = Files.writeString(archive.resolve("other.jpg"), "photo a");
        try (FileTransaction tx = transactions(new DiskFileSystem()).begin()) {
            tx.hardlink(photo, linked);
            assertThatThrownBy(() -> tx.hardlink(photo, other)).isInstanceOf(FileSystemError.class)
                    .hasMessage("refusing to overwrite " + other + ": it exists and is another file. Nothing was"
                            + " replaced.");
        }
        assertThat(Files.isSameFile(photo, linked)).as("the link it found is not undone").isTrue();
        assertThat(other).hasContent("photo a");
    }

    @Test
    void aMoveToAnotherFileSystemIsACopyAndADeleteAndItsUndoPutsTheFileBack() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm) && !FileTransactions.sameFileSystem(home, shm),
                "needs /dev/shm on another file system than the temporary folder");
        Path other = Files.createTempDirectory(shm, "aupat-move-");
        try {
            List<Path> roots = List.of(home, other);
            Path photo = source.resolve("a.jpg");
            try (FileTransaction tx = transactions(new DiskFileSystem(), roots).begin()) {
                tx.move(photo, other.resolve("loc/a.jpg"));
                assertThat(other.resolve("loc/a.jpg")).hasContent("photo a");
                assertThat(photo).doesNotExist();
            }
            assertThat(photo).as("undone").hasContent("photo a");
            assertThat(other).isEmptyDirectory();

            try (FileTransaction tx = transactions(new DiskFileSystem(), roots).begin()) {
                tx.move(photo, other.resolve("loc/a.jpg"));
                tx.commit();
            }
            assertThat(other.resolve("loc/a.jpg")).hasContent("photo a");
            assertThat(source).isEmptyDirectory();
        } finally {
            try (Stream<Path> files = Files.walk(other)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aDiscardedCopyWhoseFlushFailedIsStillDeletedAndTheCommitKeepsTheRest() throws IOException {
        FileSystemCalls failingFlush = FileTransactionTest.failingToWrite("2");
        Files.writeString(source.resolve("b.jpg"), "photo b");
        try (FileTransaction tx = transactions(failingFlush).begin()) {
            tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/1"));
            tx.copyToTemporary(source.resolve("b.jpg"), archive.resolve("incoming/2"));
            tx.deleteVerifiedCopy(archive.resolve("incoming/2"));
            tx.commit();
        }
        try (Stream<Path> files = Files.list(archive.resolve("incoming"))) {
            assertThat(files).containsExactly(archive.resolve("incoming/1"));
        }
        assertThat(archive.resolve("incoming/1")).hasContent("photo a");
    }

    @Test
    void aRunInterruptedWhileWaitingForTheFlushesFailsAndTheUndoRemovesTheCopies() throws IOException {
        java.util.concurrent.CountDownLatch slowDisk = new java.util.concurrent.CountDownLatch(1);
        FileSystemCalls slow = new DiskFileSystem() {
            @Override
            public void force(FileChannel channel) throws IOException {
                try {
                    slowDisk.await(); // the flush is still running when the run is interrupted
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                super.force(channel);
            }
        };
        try (FileTransaction tx = transactions(slow).begin()) {
            tx.copyToTemporary(source.resolve("a.jpg"), archive.resolve("incoming/1"));
            Thread.currentThread().interrupt(); // as a stop request interrupts the working thread
            try {
                assertThatThrownBy(tx::flushCopies).isInstanceOf(FileSystemError.class)
                        .hasMessageContaining("cannot flush the copies of this file transaction to disk:"
                                + " java.io.IOException: interrupted while flushing " + archive.resolve("incoming/1"));
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
            } finally {
                Thread.interrupted();
                slowDisk.countDown();
            }
        }
        assertThat(archive).isEmptyDirectory();
        assertThat(source.resolve("a.jpg")).hasContent("photo a");
    }
}
