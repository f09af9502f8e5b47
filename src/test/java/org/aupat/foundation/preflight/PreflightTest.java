package org.aupat.foundation.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.PreflightError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class PreflightTest {
    @TempDir
    Path home;

    private PreflightChecks checks() {
        return new PreflightChecks(new AupatProperties(home.resolve("data/aupat.db"), home.resolve("data/cp.db"),
                home.resolve("staging"), home.resolve("archive"), home.resolve("backups"), home.resolve("logs"),
                home.resolve("rules"), "exiftool", "ffprobe"));
    }

    private static Optional<String> problem(PreflightCheck check) throws Exception {
        return check.problem();
    }

    @Test
    void everyFailureIsReportedAtOnceWithExitCodeThree() {
        PreflightChecks c = checks();
        List<PreflightCheck> all = List.of(c.readable(home.resolve("missing.jpg")),
                c.tool("exiftool", "no-such-tool-aupat", "-ver", "12.0"),
                PreflightCheck.named("rules camera_hardware.json", () -> {
                    throw new IllegalArgumentException("field 'make' is missing");
                }),
                c.writable(home.resolve("staging")));
        assertThatThrownBy(() -> new PreflightChecker().requireAll(all)).isInstanceOfSatisfying(PreflightError.class,
                e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.PREFLIGHT);
                    assertThat(e.getMessage()).contains("3 pre-flight check(s) failed; nothing was changed",
                            "missing.jpg: does not exist", "no-such-tool-aupat' cannot be run",
                            "camera_hardware.json: field 'make' is missing").doesNotContain("writable");
                });
        assertThat(home.resolve("staging")).isEmptyDirectory();
    }

    @Test
    void installedToolsMeetTheirMinimumVersionsAndTooOldOnesAreNamed() throws Exception {
        assertThat(problem(checks().exiftool())).isEmpty();
        assertThat(problem(checks().ffprobe())).isEmpty();
        assertThatThrownBy(() -> problem(checks().tool("exiftool", "exiftool", "-ver", "999.1")))
                .hasMessageContaining("is too old; install exiftool 999.1 or newer");
        assertThatThrownBy(() -> problem(checks().tool("false", "false", "-ver", "1")))
                .hasMessageContaining("failed");
        assertThatThrownBy(() -> problem(checks().tool("echo", "echo", "none", "1")))
                .hasMessageContaining("no version number");
        assertThat(PreflightChecks.compareVersions("12.57", "12.0")).isPositive();
        assertThat(PreflightChecks.compareVersions("5.1", "5.1.0")).isZero();
        assertThat(PreflightChecks.compareVersions("4.9", "12")).isNegative();
    }

    @Test
    void diskSpaceCountsCopiesButNotMovesWithinOneFileSystem() throws Exception {
        Files.createDirectories(home.resolve("source"));
        long huge = Long.MAX_VALUE / 4;
        assertThat(problem(checks().diskSpace(SpaceNeed.MOVE, huge, home.resolve("source"), home.resolve("a/b"))))
                .isEmpty();
        assertThat(problem(checks().diskSpace(SpaceNeed.COPY, 1, home.resolve("source"), home.resolve("a/b"))))
                .isEmpty();
        assertThatThrownBy(() -> problem(checks().diskSpace(SpaceNeed.ORGANIZE, huge, home, home.resolve("x"))))
                .hasMessageContaining("ORGANIZE needs").hasMessageContaining("Free some space");
    }

    @Test
    void readableAndWritableProbeTheRealFileSystem() throws Exception {
        Files.writeString(home.resolve("a.jpg"), "a");
        assertThat(problem(checks().readable(home.resolve("a.jpg")))).isEmpty();
        assertThat(problem(checks().writable(home.resolve("new/folder")))).isEmpty();
        try (var left = Files.list(home.resolve("new/folder"))) {
            assertThat(left).as("the probe file is gone").isEmpty();
        }
        Files.writeString(home.resolve("file"), "x");
        assertThatThrownBy(() -> problem(checks().writable(home.resolve("file/sub"))))
                .hasMessageContaining("cannot create and delete a file there");
        Path locked = Files.createFile(home.resolve("locked.jpg"));
        locked.toFile().setReadable(false);
        if (!Files.isReadable(locked)) {
            assertThatThrownBy(() -> problem(checks().readable(locked))).hasMessageContaining("cannot be read");
        }
    }

    @Test
    void aSoundDatabasePassesAndOneWithoutAupatSettingsIsNamed() throws Exception {
        try (SqliteDatabase db = new SqliteDatabase(home.resolve("data/aupat.db"), "aupat.database")) {
            assertThat(checks().database(db, "aupat.database").problem()).isEmpty();
            assertThat(checks().database(db, "aupat.database").name()).isEqualTo("database aupat.database");
        }
        SQLiteDataSource plain = new SQLiteDataSource();
        plain.setUrl("jdbc:sqlite:" + home.resolve("plain.db"));
        assertThat(checks().database(plain, "plain").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("WAL"));
        SQLiteDataSource walOnly = new SQLiteDataSource();
        walOnly.setUrl("jdbc:sqlite:" + home.resolve("plain.db"));
        walOnly.setJournalMode("WAL");
        assertThat(checks().database(walOnly, "plain").problem()).hasValueSatisfying(p -> assertThat(p)
                .contains("foreign keys"));
    }
}
