package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalogue script without a browser: where it writes, what a second run does, the copy without GPS, and
 * thumbnails taken from a file's embedded preview.
 */
class CatalogueScriptTest {
    @TempDir
    static Path home;
    static CatalogueHome archive;

    @BeforeAll
    static void archive() throws Exception {
        archive = CatalogueHome.build(home);
    }

    private static Map<Path, FileTime> stamps(Path folder) throws Exception {
        Map<Path, FileTime> stamps = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                stamps.put(file, Files.getLastModifiedTime(file));
            }
        }
        return stamps;
    }

    @Test
    void thePipelineWroteTheCatalogueBesideTheArchiveAndASecondRunChangesNothing() throws Exception {
        Path data = home.resolve("data");
        assertThat(data.resolve("catalogue/index.html")).isRegularFile();
        long media = archive.count("SELECT (SELECT count(*) FROM images) + (SELECT count(*) FROM videos)");
        try (Stream<Path> thumbs = Files.walk(data.resolve("thumbnails"))) {
            assertThat(thumbs.filter(p -> p.toString().endsWith(".jpg")).count()).isEqualTo(media);
        }
        try (Stream<Path> inArchive = Files.walk(data.resolve("archive"))) {
            assertThat(inArchive.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".html") || n.startsWith("catalogue") || n.startsWith("thumbnails"));
        }
        Map<Path, FileTime> catalogue = stamps(data.resolve("catalogue"));
        Map<Path, FileTime> thumbnails = stamps(data.resolve("thumbnails"));
        Thread.sleep(20);
        JarRunner.Result again = archive.aupat.run("--script=catalogue");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 new thumbnail(s)", " 0 file(s) written");
        assertThat(stamps(data.resolve("catalogue"))).isEqualTo(catalogue);
        assertThat(stamps(data.resolve("thumbnails"))).isEqualTo(thumbnails);
    }

    @Test
    void theCopyWithoutGpsHoldsNoCoordinateAnywhere() throws Exception {
        JarRunner.Result run = archive.aupat.run("--script=catalogue", "--redact-gps");
        assertThat(run.exit()).as(run.err()).isZero();
        Path copy = home.resolve("data/catalogue-no-gps");
        List<String> coordinates = List.of(String.valueOf(CatalogueHome.HOSTILE_LAT).substring(0, 6),
                String.valueOf(CatalogueHome.HOSTILE_LON).substring(0, 7), "42.886", "-78.878");
        // The full catalogue does hold them, so the check below can see them.
        assertThat(Files.readString(home.resolve("data/catalogue/index.html"))).contains("\"lat\"");
        try (Stream<Path> files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(coordinates).doesNotContain("leaflet", "\"g\"", "\"lat\"",
                        "id=\"map\"");
            }
        }
    }

    @Test
    void aPhotoWithAnEmbeddedPreviewGetsThatPreviewAsItsThumbnail() throws Exception {
        Path card = Files.createDirectories(home.resolve("preview-card"));
        MediaFactory media = new MediaFactory(card);
        Path preview = media.jpeg("preview-source.jpg");
        Path photo = media.photo("WITH_PREVIEW.JPG", "Canon", "Canon EOS R5");
        media.tag(photo, "-ThumbnailImage<=" + preview);
        Files.move(preview, home.resolve("preview-source.jpg"));
        JarRunner.Result run = archive.aupat.run("--script=pipeline", "--source=" + card, "--name=Preview Barn",
                "--state=ny", "--type=agricultural");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 new thumbnail(s)");
        String sha = archive.text("SELECT img_sha256 FROM images WHERE img_nameo = 'WITH_PREVIEW.JPG'");
        Path thumbnail = home.resolve("data/thumbnails").resolve(sha.substring(0, 2)).resolve(sha + ".jpg");
        assertThat(thumbnail).hasSameBinaryContentAs(home.resolve("preview-source.jpg"));
    }

    /**
     * Photos stored on their side (EXIF Orientation 6 and 8) or upside down (3), as cameras store them, get an
     * upright thumbnail whether it comes from ffmpeg's decoding or from the embedded preview: a red corner at the
     * top left of the stored image is where the turn puts it, and a side-turned thumbnail is taller than wide.
     */
    @Test
    void thumbnailsAreTurnedUprightByTheirExifOrientation() throws Exception {
        Path card = Files.createDirectories(home.resolve("turned-card"));
        Path preview = cornered(home.resolve("turned-preview.jpg"));
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        for (String[] photo : new String[][] {{"SIDE_6.JPG", "6", "top-right"}, {"SIDE_8.JPG", "8", "bottom-left"},
                {"DOWN_3.JPG", "3", "bottom-right"}, {"UPRIGHT_1.JPG", "1", "top-left"},
                {"PREVIEW_6.JPG", "6", "top-right"}}) {
            Path file = cornered(card.resolve(photo[0]));
            new MediaFactory(card).tag(file, "-Make=Canon", "-Model=Canon EOS R5", "-Orientation#=" + photo[1]);
            if (photo[0].startsWith("PREVIEW")) {
                new MediaFactory(card).tag(file, "-ThumbnailImage<=" + preview);
            }
            expected.put(photo[0], photo[2]);
        }
        JarRunner.Result run = archive.aupat.run("--script=pipeline", "--source=" + card, "--name=Turned Barn",
                "--state=ny", "--type=agricultural");
        assertThat(run.exit()).as(run.err()).isZero();
        for (Map.Entry<String, String> photo : expected.entrySet()) {
            String sha = archive.text("SELECT img_sha256 FROM images WHERE img_nameo = '" + photo.getKey() + "'");
            java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(home.resolve("data/thumbnails")
                    .resolve(sha.substring(0, 2)).resolve(sha + ".jpg").toFile());
            boolean sideways = photo.getKey().startsWith("SIDE") || photo.getKey().startsWith("PREVIEW");
            assertThat(thumbnail.getHeight() > thumbnail.getWidth()).as(photo.getKey() + " taller than wide")
                    .isEqualTo(sideways);
            assertThat(redCorner(thumbnail)).as(photo.getKey()).isEqualTo(photo.getValue());
        }
    }

    /** A 64x32 JPEG, blue with a red top-left corner (as stored, before any orientation). */
    private static Path cornered(Path file) throws Exception {
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
                "color=c=blue:s=64x32,drawbox=x=0:y=0:w=16:h=16:color=red:t=fill", "-frames:v", "1", "-f", "image2",
                "-c:v", "mjpeg", file.toString()).redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor()).isZero();
        return file;
    }

    /** Which corner of the image is red. */
    private static String redCorner(java.awt.image.BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int dx = Math.max(1, w / 10);
        int dy = Math.max(1, h / 10);
        List<String> red = new java.util.ArrayList<>();
        for (Object[] corner : new Object[][] {{"top-left", dx, dy}, {"top-right", w - 1 - dx, dy},
                {"bottom-left", dx, h - 1 - dy}, {"bottom-right", w - 1 - dx, h - 1 - dy}}) {
            int rgb = image.getRGB((Integer) corner[1], (Integer) corner[2]);
            if (((rgb >> 16) & 0xff) > 150 && (rgb & 0xff) < 100) {
                red.add((String) corner[0]);
            }
        }
        return String.join(",", red);
    }

    /**
     * A missing ffmpeg stops a run that has thumbnails to make before it writes anything (exit 3); a run with
     * nothing to make does not need the tools, so it starts none (a rebuild with nothing new stays fast).
     */
    @Test
    void aMissingFfmpegStopsARunWithThumbnailsToMakeBeforeAnythingIsWritten() throws Exception {
        Path card = Files.createDirectories(home.resolve("late-card"));
        new MediaFactory(card).photo("LATE_0001.JPG", "Canon", "Canon EOS R5");
        JarRunner.Result imported = archive.aupat.run("--script=pipeline", "--source=" + card, "--name=Late Barn",
                "--state=ny", "--type=agricultural", "--no-catalogue");
        assertThat(imported.exit()).as(imported.err()).isZero();
        Path index = home.resolve("data/catalogue/index.html");
        Map<Path, FileTime> before = stamps(home.resolve("data/catalogue"));
        JarRunner.Result run = archive.aupat.run("--script=catalogue", "--aupat.ffprobe=/nonexistent/ffprobe");
        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("ffmpeg", "/nonexistent/ffmpeg", "install");
        assertThat(stamps(home.resolve("data/catalogue"))).isEqualTo(before);
        assertThat(Files.readString(index)).doesNotContain("Late Barn");

        JarRunner.Result done = archive.aupat.run("--script=catalogue");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("1 new thumbnail(s)");
        JarRunner.Result nothingNew = archive.aupat.run("--script=catalogue", "--aupat.ffprobe=/nonexistent/ffprobe");
        assertThat(nothingNew.exit()).as(nothingNew.err()).isZero();
        assertThat(nothingNew.out()).contains("0 location(s) read again");
    }

    @Test
    void whatAKilledRunLeftHalfWrittenIsRemoved() throws Exception {
        Path page = Files.writeString(home.resolve("data/catalogue/index.html.aupat-tmp"), "half");
        Path still = Files.writeString(Files.createDirectories(home.resolve("data/thumbnails/ab"))
                .resolve("ab".repeat(32) + ".jpg.aupat-tmp"), "half");
        JarRunner.Result run = archive.aupat.run("--script=catalogue");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(page).doesNotExist();
        assertThat(still).doesNotExist();
    }
}
