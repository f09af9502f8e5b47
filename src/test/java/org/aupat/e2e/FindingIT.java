package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does a week after the first import, on the packaged jar: list the places, take the 12 hex
 * digits of one as --location for a second card, show it, and find a file by its original name, by its camera and
 * by its capture day, from the command line and with --json.
 */
class FindingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    @Test
    void aFileIsFoundByNameCameraAndDateAndAPlaceIsNamedByItsFolderPrefix() throws Exception {
        JarRunner aupat = new JarRunner(home);
        MediaFactory first = new MediaFactory(Files.createDirectories(home.resolve("card1/DCIM/100CANON")));
        first.photo("IMG_1004.JPG", "Canon", "Canon EOS 5D Mark IV", "2023:05:01 10:00:00", "-04:00", 42.9, -78.8);
        first.photo("DJI_0001.JPG", "DJI", "FC3170", "2024:07:04 12:00:00", "-04:00", 42.9, -78.8);
        ok(aupat, "--script=pipeline", "--source=card1", "--name=Sample Mill", "--state=ny", "--type=industrial");

        JsonNode places = JSON.readTree(ok(aupat, "--script=locations", "--json").out());
        assertThat(places.get("locations")).hasSize(1);
        String uuid12 = places.at("/locations/0/uuid12").asText();
        assertThat(places.at("/locations/0/folder").asText()).endsWith("sample-mill_" + uuid12);
        assertThat(ok(aupat, "--script=locations").out()).contains(uuid12 + "  Sample Mill");

        Path card2 = Files.createDirectories(home.resolve("card2"));
        Files.copy(home.resolve("card1/DCIM/100CANON/IMG_1004.JPG"), card2.resolve("IMG_1004 (copy).JPG"));
        new MediaFactory(card2).photo("IMG_0007.JPG", "Apple", "iPhone 12", "2023:05:02 09:30:00", "-04:00", 42.9, -78.8);
        ok(aupat, "--script=pipeline", "--source=card2", "--location=" + uuid12);

        List<String> byName = ok(aupat, "--script=find", "--name=IMG_1004*").out().lines().toList();
        assertThat(byName).hasSize(2);
        Path archived = Path.of(byName.get(0).substring(0, byName.get(0).indexOf("  <- ")));
        assertThat(home.resolve(archived)).isRegularFile().hasSameBinaryContentAs(home.resolve("card1/DCIM/100CANON/IMG_1004.JPG"));
        assertThat(byName.get(0)).endsWith("card1/DCIM/100CANON/IMG_1004.JPG");
        assertThat(byName.get(1)).startsWith(archived + "  <- duplicate ").contains("card2/IMG_1004 (copy).JPG");

        String drone = ok(aupat, "--script=find", "--make=DJI", "--print0").out();
        assertThat(drone).endsWith("\0").doesNotContain("\n");
        assertThat(home.resolve(drone.substring(0, drone.length() - 1))).isRegularFile();

        List<JsonNode> may = ok(aupat, "--script=find", "--from=2023-05-01", "--to=2023-05-31", "--json").out().lines()
                .map(FindingIT::parse).toList();
        assertThat(may).extracting(f -> f.get("originalName").asText())
                .containsExactlyInAnyOrder("IMG_1004.JPG", "IMG_1004 (copy).JPG", "IMG_0007.JPG");

        JsonNode shown = JSON.readTree(ok(aupat, "--script=show", "--location=" + uuid12, "--json").out());
        assertThat(shown.at("/location/photos").asInt()).isEqualTo(3);
        assertThat(shown.at("/duplicatesSeen").asInt()).isEqualTo(1);
        assertThat(shown.at("/imports")).hasSize(2);
        assertThat(ok(aupat, "--script=show", "--location=sample mill").out()).contains("dslr 1").contains("phone 1");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static JarRunner.Result ok(JarRunner aupat, String... args) throws Exception {
        JarRunner.Result r = aupat.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }
}
