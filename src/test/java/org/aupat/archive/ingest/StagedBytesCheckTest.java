package org.aupat.archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aupat.testing.InProcessRuns.asScript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.MediaFile;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.failure.Skippable;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A staged file altered on disk between db_import and db_ingest is refused by both ways into the archive
 * (hard link and copy): a recoverable failure naming the file, the staged copy kept as it is, nothing of it
 * in the archive, its row still waiting. The other files of the chunk are archived.
 */
class StagedBytesCheckTest {
    @TempDir
    Path home;
    ConfigurableApplicationContext context;
    MediaRepository media;

    @BeforeEach
    void start() {
        context = FoundationContext.start(home);
        context.getBean(MigrationService.class).migrate(context.getBean(MigrationService.class).check());
        media = context.getBean(MediaRepository.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    @Test
    void aStagedFileChangedInPlaceIsNotHardLinkedIntoTheArchive() throws Exception {
        List<Path> sources = importDocuments("linked", "a.txt", "b.txt", "c.txt");
        MediaFile altered = staged(sources.get(1));
        Files.writeString(Path.of(altered.loc()), "not what was imported"); // the same inode, other bytes

        IngestService.Summary summary = asScript(context, "db_ingest", () -> context.getBean(IngestService.class)
                .ingest());

        assertThat(summary.failed()).isOne();
        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.linked()).as("staging and archive share a file system").isEqualTo(2);
        assertThat(context.getBean(FailureLog.class).skippedCount()).isOne();
        assertRefused(altered);
        new ArchiveInvariants(home.resolve("data/aupat.db"), home.resolve("data/staging"), home.resolve("data/archive"))
                .assertArchivedExactlyOnce(List.of(sources.get(0), sources.get(2)));
    }

    @Test
    void aStagedFileChangedSinceItsImportIsNotCopiedIntoTheArchive() throws Exception {
        List<Path> sources = importDocuments("copied", "d.txt");
        MediaFile altered = staged(sources.get(0));
        Files.writeString(Path.of(altered.loc()), "not what was imported either");
        IngestItem item = context.getBean(IngestItem.class);
        Path folder = context.getBean(FolderService.class).folderOf(altered.locationUuid());

        Skippable<IngestItem.Placed> placed = asScript(context, "db_ingest", () -> {
            try (FileTransaction files = context.getBean(FileTransactions.class).begin()) {
                Skippable<IngestItem.Placed> p = item.copy(files, altered, folder, new java.util.HashSet<>());
                files.commit();
                return p;
            }
        });

        assertThat(placed.isSkipped()).as("skipped as a recoverable failure").isTrue();
        assertThat(context.getBean(FailureLog.class).skippedCount()).isOne();
        assertThat(ArchiveInvariants.files(home.resolve("data/archive")))
                .as("no copy and no temporary file of it").noneMatch(f -> f.getFileName().toString().startsWith(
                        altered.name().substring(0, altered.name().lastIndexOf('.'))));
        assertRefused(altered);
    }

    private void assertRefused(MediaFile altered) throws Exception {
        Path staged = Path.of(altered.loc());
        assertThat(staged).as("the staged copy is kept as it is").exists();
        assertThat(Files.readString(staged)).startsWith("not what was imported");
        assertThat(media.state(altered.key())).contains(MediaState.ORGANIZED);
        assertThat(ArchiveInvariants.files(home.resolve("data/archive")))
                .noneMatch(f -> ArchiveInvariants.sha256(f).equals(ArchiveInvariants.sha256(staged)));
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains(staged.toString())
                .contains("changed since it was imported").contains(altered.sha());
    }

    /** Imports a folder of documents (no exiftool needed) by copy: they are ready for ingest at once. */
    private List<Path> importDocuments(String name, String... files) throws Exception {
        Path card = Files.createDirectories(home.resolve("cards/" + name));
        List<Path> sources = new java.util.ArrayList<>();
        for (String file : files) {
            sources.add(Files.writeString(card.resolve(file), name + "/" + file + " field notes"));
        }
        asScript(context, "db_import", () -> org.aupat.testing.InProcessRuns.imported(context, new ImportRequest(card,
                new LocationService.Request(null, "Check " + name, null, "ny", "industrial", null, "tester", null,
                        List.of(), card, false, false), false, null, false),
                    new RunIdentity("db_import", "source=" + card, false)));
        return sources;
    }

    private MediaFile staged(Path source) {
        String sha = ArchiveInvariants.sha256(source);
        return media.readyForIngest(MediaType.DOCUMENT, 0, 1000).stream().filter(f -> f.sha().equals(sha)).findFirst()
                .orElseThrow();
    }
}
