package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.aupat.foundation.error.FileSystemError;
import org.junit.jupiter.api.Test;

/** A replica path is the archive-relative path, and nothing outside the archive has one (or comes back from one). */
class ArchivePathsTest {
    private final Path archive = Path.of("/srv/aupat/archive");

    @Test
    void aFileInTheArchiveHasItsRelativePathOnTheReplicaAndBack() {
        String path = ArchivePaths.onReplica(archive, archive.resolve("ny-industrial/mill_1/photos/a.jpg"));
        assertThat(path).isEqualTo("ny-industrial/mill_1/photos/a.jpg");
        assertThat(ArchivePaths.inArchive(archive, path)).isEqualTo(archive.resolve(path));
    }

    @Test
    void nothingOutsideTheArchiveCrossesInEitherDirection() {
        assertThatThrownBy(() -> ArchivePaths.onReplica(archive, Path.of("/srv/aupat/archive/../aupat.db")))
                .isInstanceOf(FileSystemError.class).hasMessageContaining("lies outside the archive");
        assertThatThrownBy(() -> ArchivePaths.onReplica(archive, archive)).isInstanceOf(FileSystemError.class);
        assertThatThrownBy(() -> ArchivePaths.inArchive(archive, "../../etc/passwd"))
                .isInstanceOf(FileSystemError.class).hasMessageContaining("lies outside the archive");
        assertThatThrownBy(() -> ArchivePaths.inArchive(archive, "")).isInstanceOf(FileSystemError.class);
    }
}
