package org.aupat.archive.organizing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.InProcessRuns;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An archive organised before sidecars were linked (its rows as such an AUPAT left them: no links, the
 * location never linked): the next db_organize links its archived files once, db_identify writes the
 * links into the master JSON, and no archived file is renamed or moved.
 */
class LinkBackfillTest {
    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static ArchiveInvariants invariants;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void archiveAPhotoWithItsSidecar() {
        Path card = home.resolve("card");
        try {
            Files.createDirectories(card);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MediaFactory files = new MediaFactory(card);
        files.photo("IMG_5910.jpg", "Canon", "Canon EOS 5D");
        files.text("IMG_5910.xmp", "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>\n");
        context = FoundationContext.start(home);
        context.getBean(MigrationService.class).migrate(context.getBean(MigrationService.class).check());
        invariants = ArchiveInvariants.ofHome(home);
        jdbc = context.getBean(JdbcTemplate.class);
        ImportRequest request = new ImportRequest(card, new LocationService.Request(null, "Old Mill", null, "ny",
                "industrial", null, "tester", null, List.of(), card, false, false), false, null, false);
        InProcessRuns.asScript(context, "db_import",
                () -> InProcessRuns.imported(context, request, new RunIdentity("db_import", "source=" + card, false)));
        organize();
        InProcessRuns.asScript(context, "db_ingest", () -> context.getBean(IngestService.class).ingest());
        identify();
    }

    private static OrganizeService.Summary organize() {
        return InProcessRuns.asScript(context, "db_organize", () -> context.getBean(OrganizeService.class).organize());
    }

    private static List<Path> identify() {
        return InProcessRuns.asScript(context, "db_identify",
                () -> context.getBean(IdentifyService.class).identify(null, true)).written();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void theNextOrganizeLinksTheArchivedFilesOnceAndRenamesNothing() throws Exception {
        String photo = jdbc.queryForObject("SELECT img_sha256 FROM images", String.class);
        String sidecar = jdbc.queryForObject("SELECT doc_sha256 FROM documents", String.class);
        List<List<String>> placesBefore = invariants.rows("SELECT img_loc FROM images UNION ALL SELECT doc_loc FROM documents");
        // As an AUPAT from before sidecar links left the archive.
        jdbc.update("UPDATE images SET img_docs = NULL");
        jdbc.update("UPDATE documents SET docs_img = NULL");
        jdbc.update("UPDATE locations SET loc_links = NULL");
        String touchedBefore = jdbc.queryForObject("SELECT loc_update FROM locations", String.class);

        OrganizeService.Summary summary = organize();

        assertThat(summary.documentLinks()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT img_docs FROM images", String.class)).contains(sidecar);
        assertThat(jdbc.queryForObject("SELECT docs_img FROM documents", String.class)).contains(photo);
        assertThat(jdbc.queryForObject("SELECT loc_links FROM locations", Integer.class)).isEqualTo(RelationshipLinker.VERSION);
        assertThat(invariants.rows("SELECT img_loc FROM images UNION ALL SELECT doc_loc FROM documents"))
                .isEqualTo(placesBefore);
        for (List<String> place : placesBefore) {
            assertThat(Path.of(place.get(0))).isRegularFile();
        }
        String touched = jdbc.queryForObject("SELECT loc_update FROM locations", String.class);
        assertThat(touched).as("touched, so that db_identify writes the master JSON again").isNotEqualTo(touchedBefore);

        List<Path> written = identify();
        assertThat(written).hasSize(1);
        JsonNode master = new ObjectMapper().readTree(written.get(0).toFile());
        assertThat(master.path("images").get(0).path("img_docs").toString()).contains(sidecar);

        // Linked once: the next run leaves the location alone.
        organize();
        assertThat(jdbc.queryForObject("SELECT loc_update FROM locations", String.class)).isEqualTo(touched);
    }
}
