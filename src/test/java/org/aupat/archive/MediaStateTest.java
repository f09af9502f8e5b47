package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.aupat.testing.InProcessRuns.asScript;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aupat.AupatApplication;
import org.aupat.archive.folder.FolderService;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaState;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.organizing.OrganizeService;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The step a file has reached is read from its row, whatever staging folder the run that asks is set to. */
class MediaStateTest {
    @TempDir
    Path home;

    @Test
    void changingTheStagingSettingBetweenStepsStillOrganizesFoldersAndArchivesEveryStagedFile() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        MediaFactory factory = new MediaFactory(card);
        List<Path> files = List.of(factory.photo("a.jpg", "Canon", "EOS R5"), factory.text("notes.txt", "field notes"));
        try (ConfigurableApplicationContext importing = FoundationContext.start(home)) {
            importing.getBean(MigrationService.class).migrate(importing.getBean(MigrationService.class).check());
            asScript(importing, "db_import", () -> org.aupat.testing.InProcessRuns.imported(importing, new ImportRequest(card,
                    new LocationService.Request(null, "State Mill", null, "ny", "industrial", null, "tester", null,
                            List.of(), card, false, false), false, null, false),
                    new RunIdentity("db_import", "source=" + card, false)));
        }
        String[] moved = Arrays.stream(FoundationContext.settings(home))
                .map(s -> s.startsWith("--aupat.staging=") ? "--aupat.staging=" + home.resolve("elsewhere/staging") : s)
                .toArray(String[]::new);
        try (ConfigurableApplicationContext later = new SpringApplicationBuilder(AupatApplication.class)
                .web(WebApplicationType.NONE).run(moved)) {
            MediaRepository media = later.getBean(MediaRepository.class);
            MediaKey photo = new MediaKey(MediaType.IMAGE, ArchiveInvariants.sha256(files.get(0)));
            MediaKey notes = new MediaKey(MediaType.DOCUMENT, ArchiveInvariants.sha256(files.get(1)));
            assertThat(media.state(photo)).contains(MediaState.STAGED);
            assertThat(media.state(notes)).as("a document needs no organizing").contains(MediaState.ORGANIZED);

            asScript(later, "db_organize", () -> later.getBean(OrganizeService.class).organize());
            assertThat(media.state(photo)).contains(MediaState.ORGANIZED);
            FolderService.Result folders = asScript(later, "db_folder", () -> later.getBean(FolderService.class).makeFolders(null));
            assertThat(folders.created().values().stream().flatMap(List::stream).map(p -> p.getFileName().toString()))
                    .as("the folders the staged files need").contains("original_camera", "txt");
            IngestService.Summary ingested = asScript(later, "db_ingest", () -> later.getBean(IngestService.class).ingest());

            assertThat(ingested.total()).isEqualTo(2);
            assertThat(media.state(photo)).contains(MediaState.ARCHIVED);
            assertThat(media.state(notes)).contains(MediaState.ARCHIVED);
        }
        ArchiveInvariants.ofHome(home).assertArchivedExactlyOnce(files);
    }
}
