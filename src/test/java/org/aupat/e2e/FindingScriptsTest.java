package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * locations, show and find, and --location by prefix or name, in process on a real archive: two cards imported
 * into one place from two folders (the second card holding a copy of a photo of the first under another name),
 * and two places of the same name.
 */
class FindingScriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path home;
    static InProcessRunner aupat;
    static String cafe;
    static String cafe12;
    static Path card1;
    static Path card2;

    @BeforeAll
    static void twoCardsIntoOnePlaceAndTwoPlacesOfOneName() throws Exception {
        aupat = new InProcessRunner(home);
        card1 = Files.createDirectories(home.resolve("cards/one/DCIM"));
        MediaFactory one = new MediaFactory(card1);
        one.photo("IMG_1004.JPG", "Canon", "Canon EOS 5D Mark IV", "2023:05:01 10:00:00", "-04:00", 42.9, -78.8);
        one.photo("DJI_0001.JPG", "DJI", "FC3170", "2024:07:04 12:00:00", "-04:00", 42.9, -78.8);
        one.text("notes.txt", "history of the cafe");
        ok("--script=pipeline", "--source=" + card1, "--name=Café Élan", "--state=ny", "--type=commercial",
                "--author=bryant", "--url=https://example.org/cafe");
        cafe = single("SELECT loc_uuid FROM locations WHERE loc_name = 'Cafe Elan'");
        cafe12 = cafe.replace("-", "").substring(0, 12);

        card2 = Files.createDirectories(home.resolve("elsewhere/card two"));
        Files.copy(card1.resolve("IMG_1004.JPG"), card2.resolve("copy of IMG_1004.JPG"));
        new MediaFactory(card2).photo("PHONE_7.JPG", "Apple", "iPhone 12", "2023:05:02 09:30:00", "-04:00", 42.9, -78.8);
        // The 12 hex digits of the folder name, as a user reads them there.
        ok("--script=pipeline", "--source=" + card2, "--location=" + cafe12, "--sub-location=Back Room",
                "--author=kim");

        for (String card : List.of("twin-a", "twin-b")) {
            Path source = Files.createDirectories(home.resolve("cards/" + card));
            new MediaFactory(source).text(card + ".txt", "notes of " + card);
            ok("--script=db_import", "--source=" + source, "--name=Twin Mill", "--state=pa", "--type=industrial",
                    "--allow-duplicate-name");
        }
    }

    @Test
    void theSecondCardWentIntoTheSameLocationAndItsDuplicateIsRecordedOnce() throws Exception {
        assertThat(single("SELECT count(*) FROM locations WHERE loc_name = 'Cafe Elan'")).isEqualTo("1");
        assertThat(single("SELECT orig_folder || '/' || orig_name || ' ' || loc_uuid || ' ' || imp_author FROM"
                + " duplicate_sightings")).isEqualTo(card2 + "/copy of IMG_1004.JPG " + cafe + " kim");
        JarRunner.Result again = ok("--script=db_import", "--source=" + card2, "--location=" + cafe);
        assertThat(again.out() + again.err()).contains("duplicate");
        assertThat(single("SELECT count(*) FROM duplicate_sightings")).as("seen again, recorded once").isEqualTo("1");
        assertThat(single("SELECT img_size FROM images WHERE img_nameo = 'IMG_1004.JPG'"))
                .isEqualTo(String.valueOf(Files.size(card1.resolve("IMG_1004.JPG"))));
    }

    @Test
    void locationsListsEveryPlaceWithItsCountsDatesAndFolderAndFiltersByNameStateAndType() throws Exception {
        JarRunner.Result all = ok("--script=locations");
        String cafeLine = all.out().lines().filter(l -> l.startsWith(cafe12)).findFirst().orElseThrow();
        assertThat(cafeLine).contains("Cafe Elan").contains("ny-commercial").contains("2023-05-01..2024-07-04")
                .contains(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + cafe + "'"));
        assertThat(cafeLine.split("\\s+")).as(cafeLine).containsSequence("1", "3", "0", "1", "1");
        assertThat(all.out().lines().filter(l -> l.contains("Twin Mill"))).hasSize(2);

        JarRunner.Result accented = ok("--script=locations", "--name=ÉLAN");
        assertThat(accented.out()).contains("Cafe Elan").doesNotContain("Twin Mill");
        assertThat(ok("--script=locations", "--state=Pennsylvania").out()).contains("Twin Mill").doesNotContain("Cafe");
        assertThat(ok("--script=locations", "--type=industrial").out()).doesNotContain("Cafe");

        JsonNode json = JSON.readTree(ok("--script=locations", "--json", "--sort=last-import").out());
        assertThat(json.get("locations")).hasSize(3);
        JsonNode first = json.get("locations").get(2);
        assertThat(first.get("name").asText()).as("imported first, listed last").isEqualTo("Cafe Elan");
        assertThat(first.get("photos").asInt()).isEqualTo(3);
        assertThat(first.get("bytes").asLong()).isPositive();
        assertThat(first.get("firstCapture").asText()).isEqualTo("2023-05-01T10:00:00");
    }

    @Test
    void showNamesEverythingAboutOnePlaceFoundByItsNameAccentsAndCaseAside() throws Exception {
        JarRunner.Result shown = ok("--script=show", "--location=café ÉLAN");
        assertThat(shown.out()).contains("Cafe Elan").contains(cafe).contains("Back Room").contains("https://example.org/cafe")
                .contains("dslr 1").contains("drone 1").contains("phone 1").contains("2023 2").contains("2024 1")
                .contains("VERIFIED 3").contains("duplicates seen  1").contains(cafe12 + "_master.json");
        JsonNode json = JSON.readTree(ok("--script=show", "--location=" + cafe12, "--json").out());
        assertThat(json.at("/location/uuid").asText()).isEqualTo(cafe);
        assertThat(json.at("/masterJsonExists").asBoolean()).isTrue();
        assertThat(json.at("/subLocations/0/name").asText()).isEqualTo("Back Room");
        assertThat(json.at("/notVerified")).isEmpty();
    }

    @Test
    void findByOriginalNameGivesTheArchivedFileAndTheDuplicateThatItsBytesStandFor() throws Exception {
        String archived = single("SELECT img_loc FROM images WHERE img_nameo = 'IMG_1004.JPG'");
        JarRunner.Result found = ok("--script=find", "--name=*img_1004*");
        List<String> lines = found.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(archived + "  <- " + card1 + "/IMG_1004.JPG");
        assertThat(lines.get(1)).startsWith(archived + "  <- duplicate " + card2 + "/copy of IMG_1004.JPG")
                .endsWith("archived from " + card1 + "/IMG_1004.JPG");
        assertThat(ok("--script=find", "--name=copy of*").out().lines()).singleElement().asString().startsWith(archived);

        List<JsonNode> json = ok("--script=find", "--name=copy*", "--json").out().lines().map(FindingScriptsTest::parse).toList();
        assertThat(json).singleElement().satisfies(f -> {
            assertThat(f.get("path").asText()).isEqualTo(archived);
            assertThat(f.at("/duplicate/heldAsName").asText()).isEqualTo("IMG_1004.JPG");
            assertThat(f.at("/duplicate/author").asText()).isEqualTo("kim");
            assertThat(f.get("make").asText()).isEqualTo("Canon");
        });
    }

    @Test
    void findByCameraDateShaFolderSubLocationAndTypeAndPrintsNulSeparatedPaths() throws Exception {
        String drone = single("SELECT img_loc FROM images WHERE img_nameo = 'DJI_0001.JPG'");
        String phone = single("SELECT img_loc FROM images WHERE img_nameo = 'PHONE_7.JPG'");
        assertThat(paths("--make=dji")).containsExactly(drone);
        assertThat(paths("--model=iphone", "--location=" + cafe)).containsExactly(phone);
        assertThat(paths("--hardware=drone")).containsExactly(drone);
        assertThat(paths("--from=2024-07-04", "--to=2024-07-04")).containsExactly(drone);
        assertThat(paths("--from=2023-05-02", "--to=2023-05-31")).containsExactly(phone);
        String sha = single("SELECT img_sha256 FROM images WHERE img_nameo = 'DJI_0001.JPG'");
        assertThat(paths("--sha=" + sha.substring(0, 12).toUpperCase())).containsExactly(drone);
        assertThat(paths("--folder=" + card2)).as("the duplicate seen there names its holder").hasSize(2).contains(phone);
        assertThat(paths("--sub-location=back room", "--type=photo")).hasSize(2).contains(phone);
        assertThat(paths("--type=document", "--location=Cafe Elan")).singleElement().asString().endsWith(".txt");

        JarRunner.Result nul = ok("--script=find", "--name=*1004*", "--print0");
        String archived = single("SELECT img_loc FROM images WHERE img_nameo = 'IMG_1004.JPG'");
        assertThat(nul.out()).as("one path for the file and its duplicate").isEqualTo(archived + "\0");
    }

    @Test
    void aLocationByUnknownOrAmbiguousReferenceIsRefusedWithTheCandidates() throws Exception {
        JarRunner.Result twins = aupat.run("--script=show", "--location=twin mill");
        assertThat(twins.exit()).isEqualTo(2);
        assertThat(twins.err().lines().findFirst().orElse("")).contains("matches 2 locations")
                .contains("Twin Mill (pa)");
        for (String uuid : List.of(twinUuid(0), twinUuid(1))) {
            assertThat(twins.err()).contains(uuid.replace("-", "").substring(0, 12));
        }
        JarRunner.Result unknown = aupat.run("--script=db_folder", "--location=No Such Place");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No Such Place").contains("--script=locations lists them").doesNotContain("\tat ");
        // Every script that takes --location resolves it the same way.
        assertThat(ok("--script=name", "--master", "--location=" + cafe12).out().strip()).isEqualTo(cafe12 + "_master.json");
        assertThat(ok("--script=db_identify", "--location=cafe elan").out()).contains(cafe12 + "_master.json");
        assertThat(ok("--script=db_verify", "--location=" + cafe12).exit()).isZero();
        assertThat(ok("--script=folder", "--location=" + twinUuid(0).substring(0, 8)).exit()).isZero();
    }

    @Test
    void badFindCriteriaAreRefusedOnOneLine() {
        for (String[] c : new String[][] {{"--sha=xyz", "--sha"}, {"--hardware=toaster", "--hardware"},
                {"--type=song", "--type"}, {"--from=2024-02-01 --to=2024-01-01", "--to"},
                {"--sub-location=Nowhere", "--sub-location"}}) {
            List<String> args = new java.util.ArrayList<>(List.of("--script=find"));
            args.addAll(List.of(c[0].split(" ")));
            JarRunner.Result r = aupat.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(c[0]).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).as(c[0]).contains(c[1]);
            assertThat(r.err()).as(c[0]).doesNotContain("\tat ");
        }
    }

    @Test
    void withoutAnArchiveTheReadScriptsSaySoAndCreateNothing(@TempDir Path empty) {
        InProcessRunner fresh = new InProcessRunner(empty);
        for (String[] args : new String[][] {{"--script=locations"}, {"--script=find", "--name=x"},
                {"--script=show", "--location=Cafe Elan"}}) {
            JarRunner.Result r = fresh.run(args);
            assertThat(r.exit()).as(args[0]).isEqualTo(2);
            assertThat(r.err()).as(args[0]).contains("no archive yet at " + empty.resolve("data/aupat.db"));
        }
        assertThat(empty.resolve("data/aupat.db")).doesNotExist();
    }

    @Test
    void showListsTheImportsAndFindSelectsTheFilesAndDuplicatesOfOne() throws Exception {
        String second = single("SELECT imp_id FROM imports WHERE imp_author = 'kim' ORDER BY started LIMIT 1");
        JarRunner.Result shown = ok("--script=show", "--location=" + cafe12);
        assertThat(shown.out()).contains("import").contains(second + "  ").contains("from " + card2 + " by kim: 1 imported, 1 duplicate(s)");
        JsonNode json = JSON.readTree(ok("--script=show", "--location=" + cafe12, "--json").out());
        assertThat(json.at("/imports/0/author").asText()).isEqualTo("bryant");
        assertThat(json.at("/imports/0/images").asInt()).isEqualTo(2);

        String phone = single("SELECT img_loc FROM images WHERE img_nameo = 'PHONE_7.JPG'");
        String archived = single("SELECT img_loc FROM images WHERE img_nameo = 'IMG_1004.JPG'");
        List<String> lines = ok("--script=find", "--import=" + second.substring(0, 6)).out().lines().toList();
        assertThat(lines).hasSize(2).anySatisfy(l -> assertThat(l).startsWith(phone + "  <- "))
                .anySatisfy(l -> assertThat(l).startsWith(archived + "  <- duplicate "));
        JarRunner.Result unknown = aupat.run("--script=find", "--import=ffffffff");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--import");
    }

    private static List<String> paths(String... criteria) {
        List<String> args = new java.util.ArrayList<>(List.of("--script=find", "--print0"));
        args.addAll(List.of(criteria));
        String out = ok(args.toArray(String[]::new)).out();
        return out.isEmpty() ? List.of() : List.of(out.split("\0"));
    }

    private static String twinUuid(int index) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT loc_uuid FROM locations WHERE loc_name = 'Twin Mill' ORDER BY loc_add")) {
            for (int i = 0; i < index; i++) {
                rows.next();
            }
            rows.next();
            return rows.getString(1);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static JarRunner.Result ok(String... args) {
        JarRunner.Result r = aupat.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static String single(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
