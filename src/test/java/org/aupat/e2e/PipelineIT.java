package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline through the real jar, on media with real camera tags for every hardware category,
 * a live-photo pair, DJI sidecars, duplicates and an ignored file.
 *
 * <p>{@code java -jar} on the packaged file ({@link JarRunner#packaged}) runs the whole pipeline and the
 * refusals: what only the packaged jar shows (its nested jars, its manifest, the rule files and time zone
 * data inside it, exit codes of a real process). The cases about what the archive then does (a second
 * import, a sub-location, damaged files) run the same Launcher and application in process
 * ({@link InProcessRunner}) on the same card, without a JVM start per run. The card is made once (about
 * twenty ffmpeg and exiftool runs) and copied into each test's home.
 */
class PipelineIT {
    @TempDir
    static Path made;
    /** The card's files, relative to the card (card/DCIM/..., card/DJI/...), that the pipeline archives. */
    static final List<String> ARCHIVABLE = new ArrayList<>();
    @TempDir
    Path home;
    Path card;
    JarRunner aupat;
    InProcessRunner inProcess;
    final List<Path> archivable = new ArrayList<>();

    @BeforeAll
    static void makeCard() throws Exception {
        Path card = Files.createDirectories(made.resolve("card/DCIM"));
        Path dji = Files.createDirectories(made.resolve("card/DJI"));
        MediaFactory dcim = new MediaFactory(card);
        MediaFactory drone = new MediaFactory(dji);
        List<Path> archivable = new ArrayList<>();
        archivable.add(dcim.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro", "2023:05:01 10:00:00", "-04:00", 42.9, -78.8));
        archivable.add(dcim.iphoneMov("IMG_0001.MOV", "iPhone 13 Pro"));
        archivable.add(dcim.photo("DSC_0100.JPG", "Canon", "Canon EOS 5D Mark IV"));
        archivable.add(dcim.photo("GOPR0001.JPG", "GoPro", "HERO9 Black"));
        archivable.add(dcim.photo("scan-001.jpg", "EPSON", "Perfection V600 Photo"));
        archivable.add(drone.photo("DJI_0042.JPG", "DJI", "FC3170"));
        archivable.add(drone.mp4("DJI_0043.MP4", "DJI.AVC"));
        archivable.add(drone.text("DJI_0043.SRT", "1\n00:00:00,000 --> 00:00:01,000\nGPS(42.9,-78.8)\n"));
        archivable.add(dcim.text("history.txt", "Built 1880."));
        Files.copy(card.resolve("DSC_0100.JPG"), card.resolve("DSC_0100 copy.JPG"));
        dcim.text("DSC_0100.THM", "thumbnail");
        archivable.forEach(p -> ARCHIVABLE.add(made.relativize(p).toString()));
    }

    @BeforeEach
    void card() throws Exception {
        ArchiveInvariants.copyTree(made.resolve("card"), home.resolve("card"));
        card = home.resolve("card/DCIM");
        ARCHIVABLE.forEach(p -> archivable.add(home.resolve(p)));
        aupat = JarRunner.packaged(home);
        inProcess = new InProcessRunner(home);
    }

    private JarRunner.Result pipeline(AupatRun run, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--script=pipeline", "--source=" + source(run, "card"),
                "--name=  richard   olmsted complex", "--state=NY", "--type=Asylum",
                "--url=https://username.smugmug.com/Abandoned/Olmsted", "--author=Bryant"));
        args.addAll(List.of(extra));
        return run.run(args.toArray(String[]::new));
    }

    /** A folder of the home as the run is given it: relative for the jar (run in the home), absolute in process. */
    private String source(AupatRun run, String folder) {
        return run instanceof InProcessRunner in ? in.path(folder) : folder;
    }

    private Path location() throws Exception {
        try (var folders = Files.list(home.resolve("data/archive/ny-healthcare"))) {
            return folders.filter(p -> p.getFileName().toString().startsWith("richard-olmsted-complex_")).findFirst().orElseThrow();
        }
    }

    private List<String> names(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void archivesEveryFileOnceInTheLayoutOfTheSpec() throws Exception {
        JarRunner.Result r = pipeline(aupat);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Found 11 files: 9 imported (5 images, 2 videos, 2 documents")
                .contains("1 duplicates, 1 ignored, 0 failed");
        assertThat(r.err()).doesNotContain("\tat ");
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        invariants.assertArchivedExactlyOnce(archivable);
        invariants.assertCleanAndSound();
        assertThat(invariants.query("SELECT count(*) FROM images WHERE img_verified IS NULL")).containsExactly("0");
        assertThat(invariants.query("SELECT loc_name || '|' || state || '|' || type || '|' || imp_author FROM locations"))
                .containsExactly("Richard Olmsted Complex|ny|healthcare|bryant");

        Path location = location();
        String loc12 = location.getFileName().toString().substring("richard-olmsted-complex_".length());
        assertThat(loc12).matches("[0-9a-f]{12}");
        assertThat(names(location.resolve("photos/original_phone"))).singleElement().asString().startsWith(loc12 + "-img_").endsWith(".jpg");
        assertThat(names(location.resolve("photos/original_camera"))).hasSize(1);
        assertThat(names(location.resolve("photos/original_go-pro"))).hasSize(1);
        assertThat(names(location.resolve("photos/original_film"))).hasSize(1);
        assertThat(names(location.resolve("photos/original_drone"))).hasSize(1);
        assertThat(names(location.resolve("videos/original_drone"))).singleElement().asString().endsWith(".mp4");
        assertThat(names(location.resolve("videos/original_other"))).singleElement().asString().endsWith(".mov");
        assertThat(names(location.resolve("documents/file-extensions/srt"))).hasSize(1);
        assertThat(names(location.resolve("documents/file-extensions/txt"))).hasSize(1);
        assertThat(names(location.resolve("documents/websites"))).singleElement().asString().startsWith("username.smugmug.com_");
        assertThat(location.resolve("documents/" + loc12 + "_master.json")).exists();

        assertThat(invariants.query("SELECT img_vids FROM images WHERE img_nameo = 'IMG_0001.JPG'")).singleElement()
                .asString().contains(ArchiveInvariants.sha256(card.resolve("IMG_0001.MOV")));
        assertThat(invariants.query("SELECT docs_vid FROM documents WHERE doc_ext = 'srt'")).singleElement().asString()
                .contains(ArchiveInvariants.sha256(home.resolve("card/DJI/DJI_0043.MP4")));
        assertThat(invariants.query("SELECT img_taken || ' ' || img_gps_lat || ' ' || img_gps_lon FROM images"
                + " WHERE img_nameo = 'IMG_0001.JPG'")).containsExactly("2023-05-01T14:00:00.000Z 42.9 -78.8");
    }

    @Test
    void runningTheSameImportAgainAddsNothing() throws Exception {
        assertThat(pipeline(inProcess).exit()).isZero();
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        var before = invariants.recordedFiles();
        JarRunner.Result again = pipeline(inProcess);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Added to location").contains("0 imported").contains("10 duplicates");
        assertThat(again.err()).doesNotContain("Wrote");
        assertThat(invariants.recordedFiles()).isEqualTo(before);
        assertThat(invariants.query("SELECT count(*) FROM locations")).containsExactly("1");
        invariants.assertArchivedExactlyOnce(archivable);
    }

    @Test
    void aDamagedAndAnEmptyFileAreReportedAndEverythingElseArchived() throws Exception {
        MediaFactory dcim = new MediaFactory(card);
        Path junk = dcim.randomBytes("junk.jpg", 5000);
        dcim.zeroBytes("empty.jpg");
        JarRunner.Result r = pipeline(inProcess);
        assertThat(r.exit()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("1 failed");
        assertThat(r.err()).contains("empty.jpg").doesNotContain("\tat ");
        List<Path> expected = new ArrayList<>(archivable);
        expected.add(junk);
        ArchiveInvariants.ofHome(home).assertArchivedExactlyOnce(expected);
        assertThat(names(location().resolve("photos/original_other"))).hasSize(1);
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains("empty.jpg").contains("junk.jpg");
    }

    @Test
    void aSubLocationImportAddsToTheLocationAndOtherLocationsOwnTheirBytes() throws Exception {
        assertThat(pipeline(inProcess).exit()).isZero();
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        String location = invariants.query("SELECT loc_uuid FROM locations").get(0);
        Path buildingC = Files.createDirectories(home.resolve("card2"));
        Path still = new MediaFactory(buildingC).photo("IMG_0200.JPG", "Apple", "iPhone 13 Pro");
        Files.copy(card.resolve("DSC_0100.JPG"), buildingC.resolve("DSC_0100.JPG"));
        String card2 = "--source=" + source(inProcess, "card2");
        JarRunner.Result added = inProcess.run("--script=pipeline", card2, "--location=" + location,
                "--sub-location=building c");
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).contains("1 imported").contains("1 duplicates");
        assertThat(invariants.query("SELECT sub_name FROM sub_locations")).containsExactly("Building C");
        String sub12 = invariants.query("SELECT replace(sub_uuid, '-', '') FROM sub_locations").get(0).substring(0, 12);
        String loc12 = location.replace("-", "").substring(0, 12);
        assertThat(names(location().resolve("photos/original_phone")))
                .anyMatch(name -> name.startsWith(loc12 + "-" + sub12 + "-img_"));

        JarRunner.Result other = inProcess.run("--script=pipeline", card2, "--name=Another Mill", "--state=pa",
                "--type=industrial");
        assertThat(other.exit()).as(other.err()).isZero();
        assertThat(other.out()).contains("0 imported").contains("2 duplicates");
        assertThat(invariants.query("SELECT count(*) FROM locations")).containsExactly("2");
        List<Path> expected = new ArrayList<>(archivable);
        expected.add(still);
        invariants.assertArchivedExactlyOnce(expected);
        invariants.assertCleanAndSound();
    }

    @Test
    void badOptionsStopBeforeAnythingIsWritten() throws Exception {
        for (String[] bad : new String[][] {{"--state=Atlantis"}, {"--type=spaceship"}, {"--url=ftp://x.org/a"}}) {
            List<String> args = new ArrayList<>(List.of("--script=pipeline", "--source=card", "--name=Mill", "--state=ny",
                    "--type=industrial"));
            String option = bad[0].substring(0, bad[0].indexOf('='));
            args.removeIf(a -> a.startsWith(option + "="));
            args.add(bad[0]);
            JarRunner.Result r = aupat.run(args.toArray(String[]::new));
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err().lines().count()).isLessThanOrEqualTo(2);
            assertThat(r.err()).doesNotContain("\tat ");
        }
        JarRunner.Result missing = aupat.run("--script=pipeline", "--source=nowhere", "--name=Mill", "--state=ny", "--type=industrial");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere").contains("does not exist");
        assertThat(home.resolve("data/aupat.db")).doesNotExist();
    }

    @Test
    void aJpegCutShortIsArchivedFlaggedDamagedNamedAndTheRunExits4() throws Exception {
        Path cut = new MediaFactory(card).jpegCutInHalf("IMG_0300.JPG");
        JarRunner.Result r = pipeline(inProcess);
        assertThat(r.exit()).as(r.err()).isEqualTo(4);
        assertThat(r.out()).contains("1 damaged file(s) archived").contains("IMG_0300.JPG");
        assertThat(r.err()).doesNotContain("\tat ");
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        assertThat(invariants.query("SELECT img_damaged || ' ' || img_taken_local FROM images WHERE img_nameo = 'IMG_0300.JPG'"))
                .containsExactly("1 2019-04-05T06:07:08");
        assertThat(invariants.archivedContent()).containsKey(ArchiveInvariants.sha256(cut));
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains("IMG_0300.JPG").contains("damaged");
    }
}
