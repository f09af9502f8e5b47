package org.aupat.foundation.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.LogFolderError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFolderCheckTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFolderIsCreatedAndTakesTheLogFiles() {
        LogFolderCheck.require(dir.resolve("new/logs"));
        assertThat(dir.resolve("new/logs/main.log")).isRegularFile();
        assertThat(dir.resolve("new/logs")).isDirectoryNotContaining(p -> p.getFileName().toString().contains("probe"));
    }

    @Test
    void aFileInsteadOfTheFolderOrALogThatIsAFolderStopsWithExit3NamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("logs"), "not a folder");
        assertThatThrownBy(() -> LogFolderCheck.require(file)).isInstanceOf(LogFolderError.class)
                .hasMessageContaining(file + ": it is a file, not a folder").hasMessageContaining("aupat.logs")
                .satisfies(e -> assertThat(((LogFolderError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT));
        Path folder = Files.createDirectories(dir.resolve("other/failure.log"));
        assertThatThrownBy(() -> LogFolderCheck.require(folder.getParent()))
                .hasMessageContaining("failure.log there is not a regular file");
    }
}
