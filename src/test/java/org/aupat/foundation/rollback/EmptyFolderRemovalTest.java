package org.aupat.foundation.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.error.FileSystemError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** removeEmptyDirectory: removes only empty folders, and an undone transaction brings them back. */
class EmptyFolderRemovalTest {
    @TempDir
    Path home;

    FileTransactions transactions() {
        return new FileTransactions(home.resolve("journal"), new DiskFileSystem());
    }

    @Test
    void committedRemovalsStayRemoved() throws IOException {
        Path inner = Files.createDirectories(home.resolve("staging/abc/incoming"));
        try (FileTransaction tx = transactions().begin()) {
            tx.removeEmptyDirectory(inner);
            tx.removeEmptyDirectory(inner.getParent());
            tx.commit();
        }
        assertThat(home.resolve("staging/abc")).doesNotExist();
        assertThat(home.resolve("staging")).isDirectory();
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void anUndoneTransactionRecreatesTheFoldersInOrder() throws IOException {
        Path inner = Files.createDirectories(home.resolve("staging/abc/incoming"));
        try (FileTransaction tx = transactions().begin()) {
            tx.removeEmptyDirectory(inner);
            tx.removeEmptyDirectory(inner.getParent());
        }
        assertThat(inner).isDirectory();
    }

    @Test
    void aJournalLeftByAKilledRunRecreatesTheFolder() throws IOException {
        Path folder = Files.createDirectories(home.resolve("staging/abc"));
        FileTransaction tx = transactions().begin();
        tx.removeEmptyDirectory(folder);
        // no commit, no close: the process "died" here

        assertThat(transactions().recoverUnfinished()).isOne();
        assertThat(folder).isDirectory();
    }

    @Test
    void aFolderWithAFileOrAFileIsRefused() throws IOException {
        Path folder = Files.createDirectories(home.resolve("staging/abc"));
        Path file = Files.writeString(folder.resolve("photo.jpg"), "only copy");
        try (FileTransaction tx = transactions().begin()) {
            assertThatThrownBy(() -> tx.removeEmptyDirectory(folder)).isInstanceOf(FileSystemError.class)
                    .hasMessageContaining(folder.toString()).hasMessageContaining("not an empty folder");
            assertThatThrownBy(() -> tx.removeEmptyDirectory(file)).isInstanceOf(FileSystemError.class);
            tx.commit();
        }
        assertThat(file).hasContent("only copy");
    }

    @Test
    void aTreeLosesItsEmptyFoldersDeepestFirstAndKeepsEveryFolderHoldingAFile() throws IOException {
        Path root = Files.createDirectories(home.resolve("archive/mill"));
        Files.createDirectories(root.resolve("photos/camera/2021"));
        Files.createDirectories(root.resolve("videos"));
        Path kept = Files.writeString(Files.createDirectories(root.resolve("documents/notes")).resolve("plan.txt"), "x");
        try (FileTransaction tx = transactions().begin()) {
            tx.removeEmptyFoldersIn(root);
            tx.commit();
        }
        assertThat(root.resolve("photos")).doesNotExist();
        assertThat(root.resolve("videos")).doesNotExist();
        assertThat(kept).hasContent("x");

        Files.delete(kept);
        try (FileTransaction tx = transactions().begin()) {
            tx.removeEmptyFoldersIn(root);
        }
        assertThat(root.resolve("documents/notes")).as("undone: the folders come back").isDirectory();
        try (FileTransaction tx = transactions().begin()) {
            tx.removeEmptyFoldersIn(root);
            tx.commit();
        }
        assertThat(root).as("the root too, once empty").doesNotExist();
        assertThat(home.resolve("archive")).isDirectory();
    }

    @Test
    void aFolderThatCannotBeRemovedFailsTheRemovalAndTheUndoRecreatesTheOthers() throws IOException {
        Path root = Files.createDirectories(home.resolve("archive/mill"));
        Path busy = Files.createDirectories(root.resolve("b-busy"));
        Path done = Files.createDirectories(root.resolve("a-done"));
        FileSystemCalls busyFolder = new DiskFileSystem() {
            @Override
            public void delete(Path file) throws IOException {
                if (file.equals(busy)) {
                    throw new IOException("Device or resource busy"); // a mount point, a share's open handle
                }
                super.delete(file);
            }
        };
        try (FileTransaction tx = new FileTransactions(home.resolve("journal"), busyFolder).begin()) {
            assertThatThrownBy(() -> tx.removeEmptyFoldersIn(root)).isInstanceOf(FileSystemError.class)
                    .hasMessage("cannot remove the empty folder " + busy + ": java.io.IOException: Device or resource"
                            + " busy. The transaction will be undone.");
            assertThat(done).as("removed before the busy one").doesNotExist();
        }
        assertThat(done).as("undone").isDirectory();
        assertThat(busy).isDirectory();
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void aTreeThatIsNotThereIsRefusedNamingIt() {
        Path gone = home.resolve("archive/gone");
        try (FileTransaction tx = transactions().begin()) {
            assertThatThrownBy(() -> tx.removeEmptyFoldersIn(gone)).isInstanceOf(FileSystemError.class)
                    .hasMessageStartingWith("cannot walk " + gone + ": " + gone)
                    .hasMessageEndingWith(". Nothing was removed; run the same command again.");
        }
        assertThat(home.resolve("archive")).doesNotExist();
    }
}
