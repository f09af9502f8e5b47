package org.aupat.archive.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.replication.ReplicaRepair;
import org.aupat.archive.replication.ReplicaRepository;
import org.aupat.archive.replication.Replicas;
import org.aupat.archive.rules.Rules;
import org.aupat.archive.verify.VerifySummary.Failure;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.progress.ProgressReporter;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.foundation.rollback.FileTransactions;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.SettableClock;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** db_verify on real files, a real migrated SQLite database and real file transactions. */
class VerifyServiceTest {
    static final String LOC = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String OTHER = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";

    @TempDir
    Path home;
    JdbcTemplate jdbc;
    ArchiveLayout layout;
    AupatProperties properties;
    final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T12:00:00Z"));
    VerifyService service;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.migrated(home);
        properties = new AupatProperties(home.resolve("test.db"), home.resolve("checkpoints.db"), home.resolve("staging"),
                home.resolve("archive"), home.resolve("backups"), home.resolve("logs"), home.resolve("rules"), "exiftool",
                "ffprobe");
        layout = new ArchiveLayout(Rules.from(properties.rules()), properties);
        MediaRepository media = new MediaRepository(jdbc);
        Console console = new Console(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);
        StagingCleaner cleaner = new StagingCleaner(media, layout,
                new FileTransactions(home.resolve("journal"), new DiskFileSystem()), new FileHasher(), properties);
        service = new VerifyService(media, new LocationRepository(jdbc), new VerifyLedger(media), cleaner,
                new FileHasher(), new FailureLog(), new ProgressReporter(console, 100, 10, System::nanoTime),
                new ArchiveClock(clock), new ReplicaRepair(new Replicas(properties, new FileHasher()),
                        new ReplicaRepository(jdbc), new FileTransactions(home.resolve("journal"), new DiskFileSystem()),
                        new FileHasher(), properties), properties);
        TestDatabase.location(jdbc, LOC, home.resolve("archive/ny-industrial/test-mill_3f2a9c417b0e").toString());
        TestDatabase.location(jdbc, OTHER, home.resolve("archive/ny-industrial/test-mill_0c6d2e7a4b13").toString());
    }

    /** An image of a location, archived (with a staging copy unless told otherwise) and recorded, not verified. */
    record Media(String sha, Path archived, Path staged) {
    }

    Media archived(String location, String content, boolean stagingCopy) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path temp = Files.write(home.resolve("content.tmp"), bytes);
        String sha = ArchiveInvariants.sha256(temp);
        Files.delete(temp);
        String name = layout.fileName(MediaType.IMAGE, location, null, sha, "jpg");
        Path archived = home.resolve("archive/ny-industrial/test-mill_" + layout.uuidPrefix("loc", location)
                + "/photos/original_phone").resolve(name);
        Files.createDirectories(archived.getParent());
        Files.write(archived, bytes);
        Path staged = layout.stagingPath(location, name);
        if (stagingCopy) {
            Files.createDirectories(staged.getParent());
            Files.write(staged, bytes);
        }
        jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, original, phone, img_add, img_archived)"
                + " VALUES (?, ?, ?, ?, 1, 1, ?, ?)", sha, name, archived.toString(), location, "2026-01-01T00:00:00.000Z",
                "2026-01-01T00:00:00.000Z");
        return new Media(sha, archived, staged);
    }

    String verifiedAt(Media m) {
        return jdbc.queryForObject("SELECT img_verified FROM images WHERE img_sha256 = ?", String.class, m.sha());
    }

    VerifySummary run(boolean all, Integer sample, boolean dryRun) {
        VerifyRequest request = all ? VerifyRequest.all(null) : sample != null ? VerifyRequest.sample(null, sample)
                : VerifyRequest.unverified(null);
        return service.verify(dryRun ? request.changingNothing() : request);
    }

    VerifySummary run() {
        return run(false, null, false);
    }

    static void flipOneByte(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[0] ^= 1;
        Files.write(file, bytes);
    }

    @Test
    void verifiedFilesLoseTheirStagingCopyAndTheEmptyFoldersGoUpToTheStagingRoot() throws IOException {
        Media copied = archived(LOC, "photo one", true);
        Media linked = archived(LOC, "photo two", false);
        Files.createLink(linked.staged(), linked.archived());
        Files.createDirectories(home.resolve("staging/3f2a9c417b0e/incoming"));

        VerifySummary summary = run();

        assertThat(summary.failures()).isEmpty();
        assertThat(summary.verified()).isEqualTo(2);
        assertThat(summary.stagingRemoved()).containsExactlyInAnyOrder(copied.staged(), linked.staged());
        assertThat(home.resolve("staging/3f2a9c417b0e")).doesNotExist();
        assertThat(home.resolve("staging")).isEmptyDirectory();
        assertThat(ArchiveInvariants.sha256(copied.archived())).isEqualTo(copied.sha());
        assertThat(ArchiveInvariants.sha256(linked.archived())).isEqualTo(linked.sha());
        assertThat(verifiedAt(copied)).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(home.resolve("journal")).isEmptyDirectory();
    }

    @Test
    void aFileAlteredBehindTheArchivesBackFailsAndNothingOfItsLocationIsRemoved() throws IOException {
        Media altered = archived(LOC, "photo one", true);
        Media fine = archived(LOC, "photo two", true);
        Media elsewhere = archived(OTHER, "photo three", true);
        flipOneByte(altered.archived());

        VerifySummary summary = run();

        Failure failure = summary.failures().get(0);
        assertThat(summary.failures()).hasSize(1);
        assertThat(failure.file()).isEqualTo(altered.archived());
        assertThat(failure.expected()).isEqualTo(altered.sha());
        assertThat(failure.actual()).isEqualTo(ArchiveInvariants.sha256(altered.archived())).isNotEqualTo(altered.sha());
        assertThat(failure.otherCopies()).containsExactly(altered.staged());
        assertThat(VerifyService.describe(failure)).contains(altered.archived().toString(), altered.sha(),
                failure.actual(), altered.staged().toString());
        assertThat(altered.staged()).exists();
        assertThat(fine.staged()).exists();
        assertThat(verifiedAt(altered)).isNull();
        assertThat(verifiedAt(fine)).isNotNull();
        assertThat(elsewhere.staged()).as("another location is cleaned as usual").doesNotExist();
    }

    @Test
    void aMissingArchiveFileFailsAndKeepsItsStagingCopy() throws IOException {
        Media gone = archived(LOC, "photo one", true);
        Files.delete(gone.archived());

        VerifySummary summary = run();

        assertThat(summary.failures()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(gone.archived());
            assertThat(f.reason()).contains("missing");
            assertThat(f.actual()).isNull();
            assertThat(f.otherCopies()).containsExactly(gone.staged());
        });
        assertThat(gone.staged()).exists();
    }

    @Test
    void aRerunAfterACrashBetweenVerifiedAndDeletedRemovesTheStagingCopy() throws IOException {
        Media m = archived(LOC, "photo one", true);
        jdbc.update("UPDATE images SET img_verified = '2026-11-23T00:00:00.000Z'");

        VerifySummary summary = run();

        assertThat(summary.verified()).as("nothing was left to verify").isZero();
        assertThat(summary.stagingRemoved()).containsExactly(m.staged());
        assertThat(m.staged()).doesNotExist();
        assertThat(m.archived()).exists();
    }

    @Test
    void aStagingCopyIsKeptWhenTheArchiveCopyChangedSinceAnEarlierRunVerifiedIt() throws IOException {
        Media m = archived(LOC, "photo one", true);
        jdbc.update("UPDATE images SET img_verified = '2026-11-23T00:00:00.000Z'");
        flipOneByte(m.archived());

        VerifySummary summary = run();

        assertThat(summary.failures()).singleElement().satisfies(f -> assertThat(f.file()).isEqualTo(m.archived()));
        assertThat(m.staged()).exists();
        assertThat(verifiedAt(m)).as("verified no longer").isNull();
    }

    @Test
    void stagingFilesThatMatchNoVerifiedRowAreReportedAndKept() throws IOException {
        Media m = archived(LOC, "photo one", true);
        Path notes = Files.writeString(m.staged().resolveSibling("notes.txt"), "mine");
        Path lookalike = Files.writeString(m.staged().resolveSibling("3f2a9c417b0e-img_0123456789ab.jpg"), "no row");
        Path differs = m.staged().resolveSibling(layout.collisionFileName(MediaType.IMAGE, LOC, null, m.sha(), "jpg"));
        Files.writeString(differs, "other bytes under the row's collision name");

        VerifySummary summary = run();

        assertThat(summary.stagingRemoved()).containsExactly(m.staged());
        assertThat(summary.stagingKept()).containsOnlyKeys(notes, lookalike, differs);
        assertThat(notes).hasContent("mine");
        assertThat(lookalike).hasContent("no row");
        assertThat(differs).exists();
    }

    @Test
    void rowsStillInStagingAreCountedNotVerifiedAndKept() throws IOException {
        Media m = archived(LOC, "photo one", true);
        jdbc.update("UPDATE images SET img_loc = ?, img_archived = NULL", m.staged().toString());

        VerifySummary summary = run();

        assertThat(summary.stillInStaging()).isOne();
        assertThat(summary.verified()).isZero();
        assertThat(verifiedAt(m)).isNull();
        assertThat(m.staged()).exists();
        assertThat(summary.stagingKept()).isEmpty();
    }

    @Test
    void aSampleReReadsTheOldestVerifiedFirstAndTheNextRunTheRest() throws IOException {
        Media[] m = {archived(LOC, "a", false), archived(LOC, "b", false), archived(LOC, "c", false),
            archived(LOC, "d", false)};
        // Verified long ago, in an order unlike the rowid order: c and a are the oldest.
        String[] when = {"2026-01-02T00:00:00.000Z", "2026-01-03T00:00:00.000Z", "2026-01-01T00:00:00.000Z",
            "2026-01-04T00:00:00.000Z"};
        for (int i = 0; i < m.length; i++) {
            jdbc.update("UPDATE images SET img_verified = ? WHERE img_sha256 = ?", when[i], m[i].sha());
        }
        flipOneByte(m[3].archived());

        VerifySummary first = run(false, 50, false);

        assertThat(first.verified()).isEqualTo(2);
        assertThat(first.failures()).as("d is not in the first half").isEmpty();
        assertThat(verifiedAt(m[0])).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(verifiedAt(m[2])).isEqualTo("2026-11-24T12:00:00.000Z");
        assertThat(verifiedAt(m[1])).isEqualTo(when[1]);

        clock.set(Instant.parse("2026-11-25T12:00:00Z"));
        VerifySummary second = run(false, 50, false);

        assertThat(second.verified()).isOne();
        assertThat(verifiedAt(m[1])).isEqualTo("2026-11-25T12:00:00.000Z");
        assertThat(second.failures()).singleElement().satisfies(f -> assertThat(f.file()).isEqualTo(m[3].archived()));
        assertThat(verifiedAt(m[3])).as("no longer verified: the next run checks it first").isNull();
        assertThat(verifiedAt(m[0])).as("not re-read twice in a row").isEqualTo("2026-11-24T12:00:00.000Z");
    }

    @Test
    void aDryRunChangesNoByteAndNoRowButListsWhatWouldGo() throws IOException {
        Media verified = archived(LOC, "photo one", true);
        archived(LOC, "photo two", true);
        jdbc.update("UPDATE images SET img_verified = '2026-11-23T00:00:00.000Z' WHERE img_sha256 = ?", verified.sha());
        Map<Path, String> filesBefore = contents(home);
        List<Map<String, Object>> rowsBefore = jdbc.queryForList("SELECT * FROM images ORDER BY rowid");

        VerifySummary summary = run(false, null, true);

        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.verified()).as("the unverified one is re-hashed").isOne();
        assertThat(summary.stagingRemoved()).as("both would go: one verified before, one now").hasSize(2);
        assertThat(contents(home)).isEqualTo(filesBefore);
        assertThat(jdbc.queryForList("SELECT * FROM images ORDER BY rowid")).isEqualTo(rowsBefore);
    }

    @Test
    void anAuditReReadsFilesVerifiedBefore() throws IOException {
        Media m = archived(LOC, "photo one", false);
        jdbc.update("UPDATE images SET img_verified = '2026-11-23T00:00:00.000Z'");
        flipOneByte(m.archived());

        assertThat(run().failures()).as("the default run checks only unverified rows").isEmpty();
        assertThat(run(true, null, false).failures()).singleElement()
                .satisfies(f -> assertThat(f.file()).isEqualTo(m.archived()));
    }

    @Test
    void oneLocationIsVerifiedAndCleanedAlone() throws IOException {
        Media mine = archived(LOC, "photo one", true);
        Media other = archived(OTHER, "photo two", true);

        VerifySummary summary = service.verify(VerifyRequest.unverified(LOC));

        assertThat(summary.verified()).isOne();
        assertThat(mine.staged()).doesNotExist();
        assertThat(other.staged()).exists();
        assertThat(verifiedAt(other)).isNull();
    }

    @Test
    void noCleanupLeavesStagingAlone() throws IOException {
        Media m = archived(LOC, "photo one", true);

        service.verify(VerifyRequest.unverified(null).keepingStaging());

        assertThat(verifiedAt(m)).isNotNull();
        assertThat(m.staged()).exists();
    }

    @Test
    void badRequestsAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> VerifyRequest.sample(null, 0)).isInstanceOf(ValidationError.class)
                .hasMessageContaining("sample");
        assertThatThrownBy(() -> VerifyRequest.sample(null, 101)).hasMessageContaining("sample");
        assertThatThrownBy(() -> VerifyRequest.all(null).sampling(5)).hasMessageContaining("--all");
        assertThatThrownBy(() -> VerifyRequest.unverified("not-a-uuid"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("location");
        assertThatThrownBy(() -> service.verify(VerifyRequest.unverified("5e9f7a10-3c2b-4d8e-9f01-a2b3c4d5e6f7")))
                .isInstanceOf(ValidationError.class).hasMessageContaining("not a location");
    }

    @Test
    void aHardLinkedStagingCopyOfADamagedArchiveFileIsNeverOfferedAsTheGoodCopy() throws IOException {
        Media linked = archived(LOC, "photo one", false);
        Files.createDirectories(linked.staged().getParent());
        Files.createLink(linked.staged(), linked.archived());
        flipOneByte(linked.archived()); // in place: the staging name sees the same damage

        Failure failure = run().failures().get(0);

        assertThat(failure.otherCopies()).isEmpty();
        assertThat(failure.unusableCopies()).containsOnlyKeys(linked.staged());
        assertThat(failure.unusableCopies().get(linked.staged())).contains("hard link");
        assertThat(VerifyService.describe(failure)).contains("no good staging or backup copy exists")
                .contains("not a good copy: " + linked.staged());
        assertThat(linked.staged()).exists();
    }

    @Test
    void aStagingCopyWhoseBytesDifferTooIsNotOfferedAsTheGoodCopy() throws IOException {
        Media m = archived(LOC, "photo one", true);
        flipOneByte(m.archived());
        Files.writeString(m.staged(), "other bytes");

        Failure failure = run().failures().get(0);

        assertThat(failure.otherCopies()).isEmpty();
        assertThat(failure.unusableCopies().get(m.staged())).contains(ArchiveInvariants.sha256(m.staged()));
        assertThat(m.staged()).hasContent("other bytes");
    }

    @Test
    void aHardLinkedStagingCopyIsNotOfferedWhenAnEarlierVerifiedArchiveFileChanged() throws IOException {
        Media linked = archived(LOC, "photo one", false);
        Files.createDirectories(linked.staged().getParent());
        Files.createLink(linked.staged(), linked.archived());
        jdbc.update("UPDATE images SET img_verified = '2026-11-23T00:00:00.000Z'");
        flipOneByte(linked.archived());

        Failure failure = run().failures().get(0);

        assertThat(failure.file()).isEqualTo(linked.archived());
        assertThat(failure.otherCopies()).isEmpty();
        assertThat(failure.unusableCopies()).containsOnlyKeys(linked.staged());
        assertThat(linked.staged()).exists();
        assertThat(verifiedAt(linked)).isNull();
    }

    /** Every file below a folder (the database too) with its SHA-256. */
    static Map<Path, String> contents(Path root) {
        Map<Path, String> all = new TreeMap<>();
        ArchiveInvariants.files(root).forEach(f -> all.put(f, ArchiveInvariants.sha256(f)));
        return all;
    }
}
