package org.aupat.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.aupat.foundation.error.BackupError;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.Test;

class BackupServiceTest extends FixtureTest {

    @Test
    void withoutADatabaseThereIsNothingToBackUpAndNoFileIsCreated() {
        assertThat(f.backups.backup()).isEmpty();
        assertThat(f.properties.databaseFile()).doesNotExist();
        assertThat(home.resolve("backups")).doesNotExist();
    }

    @Test
    void aBackupIsNamedByLocalTimeVerifiedListedInTheManifestAndRecorded() throws Exception {
        f.migrate();
        f.jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES"
                + " ('0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6', 'Cafe', 'ny', 'commercial')");

        Path backup = f.backups.backup().orElseThrow();

        assertThat(backup).hasFileName("aupat-2026-11-24_12-00-00.db");
        assertThat(f.sqliteFiles.rowCounts(backup)).containsEntry("locations", 1L);
        assertThat(Files.readString(home.resolve("backups/manifest-sha256.txt")))
                .isEqualTo(new FileHasher().sha256(backup) + "  aupat-2026-11-24_12-00-00.db\n");
        assertThat(f.jdbc.queryForObject("SELECT ver_updated FROM versions WHERE modules = 'backup'", String.class))
                .isEqualTo("2026-11-24T12:00:00.000Z");
        try (Stream<Path> files = Files.list(home.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("aupat-2026-11-24_12-00-00.db", "manifest-sha256.txt");
        }
    }

    @Test
    void twoBackupsInOneSecondGetNumberedNamesAndNeitherIsOverwritten() {
        f.migrate();
        Path first = f.backups.backup().orElseThrow();
        Path second = f.backups.backup().orElseThrow();
        Path third = f.backups.backup().orElseThrow();

        assertThat(first).hasFileName("aupat-2026-11-24_12-00-00.db");
        assertThat(second).hasFileName("aupat-2026-11-24_12-00-00-2.db");
        assertThat(third).hasFileName("aupat-2026-11-24_12-00-00-3.db");
        assertThat(new BackupFolder(home.resolve("backups"), f.properties.databaseFile()).manifest()).hasSize(3);
    }

    @Test
    void theTemporaryFilesOfABackupKilledMidWayAreRemovedByTheNextBackup() throws Exception {
        f.migrate();
        Path first = f.backups.backup().orElseThrow();
        // What a SIGKILL during the copy or the manifest update leaves behind (seen in CrashIT).
        Path halfCopied = Files.writeString(home.resolve("backups/aupat-2026-11-24_11-59-59.db.aupat-tmp"), "half");
        Path halfManifest = Files.writeString(home.resolve("backups/manifest-sha256.txt.aupat-tmp"), "half");
        Path notOurs = Files.writeString(home.resolve("backups/notes.txt"), "kept");

        Path second = f.backups.backup().orElseThrow();

        assertThat(halfCopied).doesNotExist();
        assertThat(halfManifest).doesNotExist();
        assertThat(first).exists();
        assertThat(notOurs).hasContent("kept");
        assertThat(new BackupFolder(home.resolve("backups"), f.properties.databaseFile()).manifest())
                .containsOnlyKeys(first.getFileName().toString(), second.getFileName().toString());
    }

    @Test
    void aFailedVerificationLeavesNoPartialFileAndNoManifestLine() throws Exception {
        f.migrate();
        Path earlier = f.backups.backup().orElseThrow();
        Files.setLastModifiedTime(earlier, FileTime.from(Instant.now().plusSeconds(86_400)));
        String manifestBefore = Files.readString(home.resolve("backups/manifest-sha256.txt"));
        f.clock.advanceSeconds(5);

        assertThatThrownBy(() -> f.backups.backup()).isInstanceOf(BackupError.class).hasMessageContaining("older than");

        try (Stream<Path> files = Files.list(home.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(earlier.getFileName().toString(), "manifest-sha256.txt");
        }
        assertThat(Files.readString(home.resolve("backups/manifest-sha256.txt"))).isEqualTo(manifestBefore);
    }

    @Test
    void aBackupThatCannotBeMadeStopsWithAClearError() throws Exception {
        f.migrate();
        Files.writeString(home.resolve("backups"), "a file where the folder should be");

        assertThatThrownBy(() -> f.backups.backup()).isInstanceOf(BackupError.class).hasMessageContaining("backups folder");
    }

    @Test
    void aMalformedManifestLineIsAClearError() throws Exception {
        f.migrate();
        Files.createDirectories(home.resolve("backups"));
        Files.writeString(home.resolve("backups/manifest-sha256.txt"), "\nnot a sha  file.db\n");

        assertThatThrownBy(() -> f.backups.backup()).isInstanceOf(BackupError.class)
                .hasMessageContaining("line 2");
        try (Stream<Path> files = Files.list(home.resolve("backups"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aKilledBackupsSqliteSideFilesAreRemovedByTheNextBackupToo() throws Exception {
        f.migrate();
        java.util.List<Path> left = new java.util.ArrayList<>();
        Files.createDirectories(home.resolve("backups"));
        for (String side : new String[] {"", "-journal", "-wal", "-shm"}) {
            left.add(Files.writeString(home.resolve("backups/aupat-2026-11-24_11-59-59.db.aupat-tmp" + side), "left"));
        }

        Path made = f.backups.backup().orElseThrow();

        assertThat(left).allSatisfy(p -> assertThat(p).doesNotExist());
        try (Stream<Path> files = Files.list(home.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(made.getFileName().toString(), "manifest-sha256.txt");
        }
    }

    @Test
    void aFullBackupsDiskNamesTheBackupsFolder() throws Exception {
        f.migrate();
        MaintenanceRepository full = new MaintenanceRepository(f.jdbc, f.sqliteFiles) {
            @Override
            void vacuumInto(Path target) {
                // What the repository throws when SQLite cannot write the backup (seen on a full tmpfs).
                throw org.aupat.foundation.db.SqliteErrors.translate(new org.springframework.jdbc.UncategorizedSQLException(
                        "VACUUM INTO", "VACUUM INTO ?", new org.sqlite.SQLiteException("[SQLITE_FULL] Insertion failed"
                                + " because database is full (database or disk is full)",
                                org.sqlite.SQLiteErrorCode.SQLITE_FULL)));
            }
        };
        BackupService service = new BackupService(f.database, f.properties, full,
                new org.aupat.foundation.verification.BackupVerifier(f.sqliteFiles), new FileHasher(), f.archiveClock);

        assertThatThrownBy(service::backup).isInstanceOf(BackupError.class)
                .hasMessageContaining("the backups folder " + home.resolve("backups") + " has no space left")
                .hasMessageNotContaining("the disk holding the database");
    }

    @Test
    void eachBackupPrunesTheSurplusOnesByTheRetentionRuleSoTheyNeverPileUp() throws Exception {
        f.migrate();
        Path morning = f.backups.backup().orElseThrow();
        Path noon = f.backups.backup().orElseThrow();
        Path evening = f.backups.backup().orElseThrow();
        // Ten days before the clock, three on one day: the first and the last of that day stay.
        Files.setLastModifiedTime(morning, FileTime.from(Instant.parse("2026-11-14T08:00:00Z")));
        Files.setLastModifiedTime(noon, FileTime.from(Instant.parse("2026-11-14T12:00:00Z")));
        Files.setLastModifiedTime(evening, FileTime.from(Instant.parse("2026-11-14T18:00:00Z")));
        f.clock.advanceSeconds(1);

        Path latest = f.backups.backup().orElseThrow();

        assertThat(noon).doesNotExist();
        assertThat(morning).exists();
        assertThat(evening).exists();
        assertThat(new BackupFolder(home.resolve("backups"), f.properties.databaseFile()).manifest().keySet())
                .containsExactlyInAnyOrder(morning.getFileName().toString(), evening.getFileName().toString(),
                        latest.getFileName().toString());
    }
}
