package org.aupat.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CleanupServiceTest extends FixtureTest {
    static final String LOC = "0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6";
    static final String SHA = "a".repeat(64);
    Path archived;

    @BeforeEach
    void setUp() throws Exception {
        f.migrate();
        archived = home.resolve("archive/ny-commercial/cafe_0c6d2e7a4b13/photos/original_phone/0c6d2e7a4b13-img_aaaaaaaaaaaa.jpg");
        Files.createDirectories(archived.getParent());
        Files.writeString(archived, "jpeg bytes");
        f.jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES (?, 'Cafe', 'ny', 'commercial')", LOC);
        f.jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid) VALUES (?, ?, ?, ?)", SHA,
                archived.getFileName().toString(), archived.toString(), LOC);
    }

    CleanupReport clean(boolean fix) {
        return f.cleanup.clean(new CleanupService.Options(7, true, fix, 30));
    }

    @Test
    void aHealthyArchiveNeedsNobody() {
        CleanupReport report = clean(false);
        assertThat(report.needsPerson()).as(String.join("\n", report.lines())).isFalse();
        assertThat(String.join("\n", report.lines())).contains("VACUUM reclaimed").contains("images=1");
    }

    @Test
    void anArchivedFileDeletedBehindTheDatabasesBackIsReportedAndTheRowKept() throws Exception {
        Files.delete(archived);

        CleanupReport report = clean(true);

        assertThat(report.needsPerson()).isTrue();
        assertThat(report.problems()).singleElement().asString().contains(SHA).contains("missing");
        assertThat(f.jdbc.queryForObject("SELECT count(*) FROM images", Integer.class)).isOne();
    }

    @Test
    void anArchiveFileWithoutARowIsReportedAndKept() throws Exception {
        Path stray = archived.resolveSibling("stray.jpg");
        Files.writeString(stray, "who put me here");
        Files.writeString(archived.getParent().getParent().getParent().resolve("0c6d2e7a4b13_master.json"), "{}");

        CleanupReport report = clean(true);

        assertThat(report.problems()).singleElement().asString().contains(stray.toString()).contains("no database row");
        assertThat(stray).exists();
    }

    @Test
    void temporaryFilesOfACrashedRunAreRemovedAndNothingElse() throws Exception {
        Path tempInArchive = archived.resolveSibling(archived.getFileName() + ".aupat-tmp");
        Files.writeString(tempInArchive, "half a copy");
        Files.createDirectories(home.resolve("staging/0c6d2e7a4b13"));
        Path tempInStaging = home.resolve("staging/0c6d2e7a4b13/x.jpg.aupat-tmp");
        Files.writeString(tempInStaging, "half");
        Path tempBackup = home.resolve("backups/aupat-2026-11-24_11-00-00.db.aupat-tmp");
        Files.createDirectories(tempBackup.getParent());
        Files.writeString(tempBackup, "half a backup");
        Path stagedFile = home.resolve("staging/0c6d2e7a4b13/keep.jpg");
        Files.writeString(stagedFile, "staged, not ours to delete");

        CleanupReport report = clean(false);

        assertThat(tempInArchive).doesNotExist();
        assertThat(tempInStaging).doesNotExist();
        assertThat(tempBackup).doesNotExist();
        assertThat(stagedFile).exists();
        assertThat(archived).exists();
        assertThat(report.removedFiles()).hasSize(3);
        assertThat(report.needsPerson()).isFalse();
    }

    @Test
    void emptyStagingFoldersAreRemovedOnlyWithFix() throws Exception {
        Path empty = home.resolve("staging/0c6d2e7a4b13/nested");
        Files.createDirectories(empty);

        assertThat(clean(false).repairs()).anyMatch(r -> r.contains("would remove"));
        assertThat(empty).exists();

        CleanupReport fixed = clean(true);
        assertThat(empty.getParent()).doesNotExist();
        assertThat(home.resolve("staging")).exists();
        assertThat(fixed.repairs()).hasSize(2).allMatch(r -> r.startsWith("removed the empty staging folder"));
    }

    @Test
    void aBackupThatRottedIsCaughtByTheManifest() throws Exception {
        Path backup = f.backups.backup().orElseThrow();
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(backup, bytes);

        CleanupReport report = clean(false);

        assertThat(report.needsPerson()).isTrue();
        assertThat(report.problems()).singleElement().asString().contains(backup.getFileName().toString()).contains("rotted");
        assertThat(backup).exists();
    }

    @Test
    void retentionKeepsRecentBackupsAndTheFirstAndLastOfOlderDaysAndUpdatesTheManifest() throws Exception {
        f.clock.set(Instant.parse("2026-11-10T08:00:00Z"));
        Path first = f.backups.backup().orElseThrow();
        f.clock.set(Instant.parse("2026-11-10T12:00:00Z"));
        Path middle = f.backups.backup().orElseThrow();
        f.clock.set(Instant.parse("2026-11-10T20:00:00Z"));
        Path last = f.backups.backup().orElseThrow();
        f.clock.set(Instant.parse("2026-11-23T20:00:00Z"));
        Path recentA = f.backups.backup().orElseThrow();
        f.clock.set(Instant.parse("2026-11-23T21:00:00Z"));
        Path recentB = f.backups.backup().orElseThrow();
        age(first, "2026-11-10T08:00:00Z");
        age(middle, "2026-11-10T12:00:00Z");
        age(last, "2026-11-10T20:00:00Z");
        age(recentA, "2026-11-23T20:00:00Z");
        age(recentB, "2026-11-23T21:00:00Z");
        f.clock.set(Instant.parse("2026-11-24T12:00:00Z"));

        CleanupReport report = clean(false);

        assertThat(middle).doesNotExist();
        assertThat(List.of(first, last, recentA, recentB)).allMatch(Files::exists);
        assertThat(report.removedFiles()).singleElement().asString().contains(middle.getFileName().toString());
        assertThat(new BackupFolder(home.resolve("backups"), f.properties.databaseFile()).manifest().keySet())
                .containsExactlyInAnyOrder(first.getFileName().toString(), last.getFileName().toString(),
                        recentA.getFileName().toString(), recentB.getFileName().toString());
        assertThat(report.needsPerson()).isFalse();
    }

    @Test
    void aDatabaseThatBreaksAForeignKeyNeedsAPersonAndNoBackupIsPruned() throws Exception {
        f.jdbc.execute("PRAGMA foreign_keys = OFF");
        f.jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid) VALUES (?, 'x', 'x', 'no-such-location')",
                "b".repeat(64));
        f.jdbc.execute("PRAGMA foreign_keys = ON");

        CleanupReport report = clean(false);

        assertThat(report.problems()).singleElement().asString().contains("foreign key");
        assertThat(String.join("\n", report.lines())).contains("were not pruned");
    }

    @Test
    void manifestLinesOfMissingBackupsAreDroppedAndUnlistedBackupsAddedOnlyWithFix() throws Exception {
        Path listed = f.backups.backup().orElseThrow();
        f.clock.advanceSeconds(1);
        Path unlisted = f.backups.backup().orElseThrow();
        BackupFolder folder = new BackupFolder(home.resolve("backups"), f.properties.databaseFile());
        var manifest = folder.manifest();
        manifest.remove(unlisted.getFileName().toString());
        folder.writeManifest(manifest);
        Files.delete(listed);

        assertThat(clean(false).repairs()).hasSize(2).allMatch(r -> r.contains("run with --fix"));
        CleanupReport fixed = clean(true);

        assertThat(fixed.repairs()).hasSize(2);
        assertThat(folder.manifest().keySet()).containsExactly(unlisted.getFileName().toString());
        assertThat(clean(false).repairs()).isEmpty();
    }

    private static void age(Path file, String instant) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(instant)));
    }

    @Test
    void sqliteSideFilesOfAKilledBackupAreRemovedAsCrashLeftovers() throws Exception {
        Files.createDirectories(home.resolve("backups"));
        java.util.List<Path> left = new java.util.ArrayList<>();
        for (String side : new String[] {"-journal", "-wal", "-shm"}) {
            left.add(Files.writeString(home.resolve("backups/aupat-2026-11-24_11-00-00.db.aupat-tmp" + side), "left"));
        }
        Path notOurs = Files.writeString(home.resolve("backups/notes-wal"), "kept");

        CleanupReport report = clean(false);

        assertThat(left).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(notOurs).exists();
        assertThat(report.removedFiles()).hasSize(3);
    }
}
