package org.aupat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard sees a run that wrote into AUPAT's default home, the account's or the one the environment names. */
class RepositoryFoldersUntouchedTest {
    @TempDir
    Path dir;

    @Test
    void watchesTheAccountsHomeAndTheEnvironmentsHome() {
        Map<Path, Integer> watched = RepositoryFoldersUntouched.watched(Map.of("HOME", dir.resolve("env").toString()),
                dir.resolve("account").toString());
        assertThat(watched).containsKeys(Path.of("data"), Path.of("logs"), Path.of(""),
                dir.resolve("account/.local/share/aupat"), dir.resolve("account/.config/aupat"), dir.resolve("env/.local/share/aupat"), dir.resolve("env/.config/aupat"));
    }

    /** A stray file in the project folder (PostgresBackupTest's fake pg_dump once wrote one named --no-password). */
    @Test
    void aNewFileInTheProjectFolderIsAChangeAndAFileDeeperDownIsNot() throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createDirectories(project.resolve("target"));
        Map<Path, Integer> watched = Map.of(project, 1);
        Map<Path, String> before = RepositoryFoldersUntouched.snapshot(watched);
        Files.writeString(project.resolve("target/build.log"), "a build writes below target/\n");
        assertThat(RepositoryFoldersUntouched.snapshot(watched)).isEqualTo(before);
        Files.writeString(project.resolve("--no-password"), "a partial dump\n");
        assertThat(RepositoryFoldersUntouched.snapshot(watched)).isNotEqualTo(before)
                .containsKey(project.resolve("--no-password"));
    }

    @Test
    void aNewArchiveOrALogLineInAWatchedHomeIsAChange() throws Exception {
        Path home = dir.resolve(".local/share/aupat");
        Map<Path, Integer> watched = Map.of(home, 2);
        Map<Path, String> before = RepositoryFoldersUntouched.snapshot(watched);
        Files.createDirectories(home.resolve("logs"));
        Files.writeString(home.resolve("logs/main.log"), "a run\n");
        Map<Path, String> created = RepositoryFoldersUntouched.snapshot(watched);
        assertThat(created).isNotEqualTo(before).containsKey(home.resolve("logs/main.log"));
        Files.writeString(home.resolve("logs/main.log"), "a run\nanother run\n");
        assertThat(RepositoryFoldersUntouched.snapshot(watched)).isNotEqualTo(created);
    }
}
