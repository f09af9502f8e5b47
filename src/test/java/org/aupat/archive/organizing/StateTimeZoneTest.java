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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Photos whose tags give no UTC offset, imported into locations in New York and Arizona and organised
 * in process: the offset comes from the time zone at the photo's GPS position (gps_position), else from
 * the location's state (location_state), for the capture date, is recorded as a guess, and never
 * replaces an offset the file itself holds.
 */
class StateTimeZoneTest {
    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static ArchiveInvariants invariants;
    static List<JsonNode> masters = new java.util.ArrayList<>();

    @BeforeAll
    static void organiseTwoLocations() throws Exception {
        Path ny = Files.createDirectories(home.resolve("ny-card"));
        MediaFactory nyFiles = new MediaFactory(ny);
        nyFiles.tag(nyFiles.photo("summer.jpg", "Canon", "Canon EOS 5D"), "-DateTimeOriginal=2024:07:04 12:00:00");
        nyFiles.tag(nyFiles.photo("winter.jpg", "Canon", "Canon EOS 5D"), "-DateTimeOriginal=2024:01:04 12:00:00");
        nyFiles.tag(nyFiles.photo("tagged.jpg", "Canon", "Canon EOS 5D"), "-DateTimeOriginal=2024:07:04 12:00:00",
                "-OffsetTimeOriginal=+02:00");
        // GPS position but no GPS clock and no offset: the zone at the position wins over the state's.
        nyFiles.tag(nyFiles.photo("gps.jpg", "Canon", "Canon EOS 5D"), "-DateTimeOriginal=2024:07:04 13:00:00",
                "-GPSLatitude=34.0", "-GPSLatitudeRef=N", "-GPSLongitude=118.0", "-GPSLongitudeRef=W");
        Path az = Files.createDirectories(home.resolve("az-card"));
        MediaFactory azFiles = new MediaFactory(az);
        azFiles.tag(azFiles.photo("desert.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:07:04 12:00:00");
        // In a location whose state (az, -07:00) would give another offset, so each source shows.
        azFiles.tag(azFiles.photo("tokyo.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:07:04 12:00:00",
                "-GPSLatitude=35.6762", "-GPSLatitudeRef=N", "-GPSLongitude=139.6503", "-GPSLongitudeRef=E");
        azFiles.tag(azFiles.photo("nyc-summer.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:07:04 12:00:00",
                "-GPSLatitude=40.7128", "-GPSLatitudeRef=N", "-GPSLongitude=74.0060", "-GPSLongitudeRef=W");
        azFiles.tag(azFiles.photo("nyc-winter.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:01:04 12:00:00",
                "-GPSLatitude=40.7128", "-GPSLatitudeRef=N", "-GPSLongitude=74.0060", "-GPSLongitudeRef=W");
        // Mid-Atlantic: only a nautical zone (Etc/GMT+3), which says nothing of the camera's clock.
        azFiles.tag(azFiles.photo("at-sea.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:07:04 12:00:00",
                "-GPSLatitude=30.0", "-GPSLatitudeRef=N", "-GPSLongitude=40.0", "-GPSLongitudeRef=W");
        azFiles.tag(azFiles.photo("tokyo-tagged.jpg", "Nikon", "NIKON D90"), "-DateTimeOriginal=2024:07:04 12:00:00",
                "-OffsetTimeOriginal=+02:00",
                "-GPSLatitude=35.6762", "-GPSLatitudeRef=N", "-GPSLongitude=139.6503", "-GPSLongitudeRef=E");
        context = FoundationContext.start(home);
        context.getBean(MigrationService.class).migrate(context.getBean(MigrationService.class).check());
        invariants = ArchiveInvariants.ofHome(home);
        importInto(ny, "Upstate Mill", "ny");
        importInto(az, "Desert Mine", "az");
        InProcessRuns.asScript(context, "db_organize", () -> context.getBean(OrganizeService.class).organize());
        InProcessRuns.asScript(context, "db_ingest", () -> context.getBean(IngestService.class).ingest());
        IdentifyService.Result identified = InProcessRuns.asScript(context, "db_identify",
                () -> context.getBean(IdentifyService.class).identify(null, true));
        for (Path written : identified.written()) {
            masters.add(new ObjectMapper().readTree(written.toFile()));
        }
    }

    private static void importInto(Path card, String name, String state) {
        ImportRequest request = new ImportRequest(card, new LocationService.Request(null, name, null, state,
                "industrial", null, "tester", null, List.of(), card, false, false), false, null, false);
        InProcessRuns.asScript(context, "db_import",
                () -> InProcessRuns.imported(context, request, new RunIdentity("db_import", "source=" + card, false)));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @ParameterizedTest(name = "{0}: {1} at {2} from {3} is {4}")
    @CsvSource({
        "summer.jpg, 2024-07-04T12:00:00, -04:00, location_state, 2024-07-04T16:00:00.000Z",
        "winter.jpg, 2024-01-04T12:00:00, -05:00, location_state, 2024-01-04T17:00:00.000Z",
        "gps.jpg, 2024-07-04T13:00:00, -07:00, gps_position, 2024-07-04T20:00:00.000Z",
        "desert.jpg, 2024-07-04T12:00:00, -07:00, location_state, 2024-07-04T19:00:00.000Z",
        "tagged.jpg, 2024-07-04T12:00:00, +02:00, offset_tag, 2024-07-04T10:00:00.000Z",
        "tokyo.jpg, 2024-07-04T12:00:00, +09:00, gps_position, 2024-07-04T03:00:00.000Z",
        "nyc-summer.jpg, 2024-07-04T12:00:00, -04:00, gps_position, 2024-07-04T16:00:00.000Z",
        "nyc-winter.jpg, 2024-01-04T12:00:00, -05:00, gps_position, 2024-01-04T17:00:00.000Z",
        "at-sea.jpg, 2024-07-04T12:00:00, -07:00, location_state, 2024-07-04T19:00:00.000Z",
        "tokyo-tagged.jpg, 2024-07-04T12:00:00, +02:00, offset_tag, 2024-07-04T10:00:00.000Z",
    })
    void aFileWithoutAnOffsetTakesTheZoneAtItsPositionThenItsLocationStatesForThatDate(String name, String local, String offset,
                                                                   String source, String utc) throws Exception {
        assertThat(invariants.rows("SELECT img_taken_local, img_taken_offset, img_offset_source, img_taken, img_taken_tag"
                + " FROM images WHERE img_nameo = '" + name + "'"))
                .containsExactly(List.of(local, offset, source, utc, "DateTimeOriginal"));
    }

    @Test
    void theMasterJsonCarriesTheStateGuess() {
        JsonNode winter = master("winter.jpg");
        assertThat(winter.path("img_offset_source").asText()).isEqualTo("location_state");
        assertThat(winter.path("img_taken_offset").asText()).isEqualTo("-05:00");
        assertThat(winter.path("img_taken").asText()).isEqualTo("2024-01-04T17:00:00.000Z");
    }

    @Test
    void theMasterJsonCarriesThePositionGuess() {
        JsonNode tokyo = master("tokyo.jpg");
        assertThat(tokyo.path("img_offset_source").asText()).isEqualTo("gps_position");
        assertThat(tokyo.path("img_taken_offset").asText()).isEqualTo("+09:00");
        assertThat(tokyo.path("img_taken").asText()).isEqualTo("2024-07-04T03:00:00.000Z");
    }

    private static JsonNode master(String name) {
        for (JsonNode master : masters) {
            for (JsonNode image : master.path("images")) {
                if (image.path("img_nameo").asText().equals(name)) {
                    return image;
                }
            }
        }
        throw new AssertionError(name + " is in no master JSON");
    }

    @Test
    void aBrokenZoneTableStopsOrganizingBeforeAnythingChanges(@TempDir Path other) throws Exception {
        Path rules = Files.createDirectories(other.resolve("rules"));
        Files.writeString(rules.resolve("state_time_zones.json"), "{\"zones\": {\"ny\": \"America/Upstate\"}}");
        List<String> args = new java.util.ArrayList<>(List.of(FoundationContext.settings(other)));
        args.add("--aupat.rules=" + rules);
        try (ConfigurableApplicationContext broken = new org.springframework.boot.builder.SpringApplicationBuilder(
                org.aupat.AupatApplication.class).web(org.springframework.boot.WebApplicationType.NONE)
                .run(args.toArray(String[]::new))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> broken.getBean(OrganizeService.class).requireTools())
                    .isInstanceOf(org.aupat.foundation.error.ConfigurationError.class)
                    .hasMessageContaining("state_time_zones.json").hasMessageContaining("America/Upstate");
        }
    }
}
