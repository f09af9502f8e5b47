package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.organizing.OrganizeService;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shipped real camera files (src/test/resources/camera-files, sources and licences in its README)
 * imported, organised, archived and exported in process, with a real database, exiftool and ffprobe:
 * what each file becomes is asserted row by row.
 */
class CameraArchiveTest {
    /** Every source file's modification time, set before the import: the archive must keep it. */
    static final Instant MODIFIED = Instant.parse("2011-02-03T04:05:06Z");

    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static ArchiveInvariants invariants;
    static OrganizeService.Summary organized;
    static long failuresAfterOrganize;
    static JsonNode master;
    static final java.util.Set<String> plannedByIngestDryRun = new java.util.HashSet<>();
    static org.aupat.archive.verify.VerifySummary verified;
    static org.aupat.archive.maintenance.CleanupReport cleanup;

    @BeforeAll
    static void archiveTheCameraFiles() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/camera-files"))) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("README.md")).toList()) {
                Files.copy(file, card.resolve(file.getFileName()));
            }
        }
        // A sidecar beside Canon's three RAW files (which share the stem CanonRaw, as a RAW+JPEG pair would).
        Files.copy(card.resolve("XMP.xmp"), card.resolve("CanonRaw.xmp"));
        // A second sidecar of the same extension for the same photos (another spelling, other bytes).
        Files.writeString(card.resolve("CanonRaw.XMP"), Files.readString(card.resolve("XMP.xmp")) + "\n");
        new MediaFactory(card).jpegCutInHalf("half.jpg");
        // A Canon compact's clip: an AVI without metadata, its EXIF in the same-stem thumbnail beside it.
        Path canonClip = Files.createDirectories(card.resolve("100CANON"));
        new MediaFactory(canonClip).avi("MVI_1234.AVI");
        new MediaFactory(canonClip).tag(new MediaFactory(canonClip).jpeg("MVI_1234.THM"), "-Make=Canon",
                "-Model=Canon PowerShot SD1000", "-DateTimeOriginal=2008:07:14 15:30:00");
        try (Stream<Path> files = Files.walk(card)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
            }
        }
        context = FoundationContext.start(home);
        context.getBean(MigrationService.class).migrate(context.getBean(MigrationService.class).check());
        invariants = ArchiveInvariants.ofHome(home);
        ImportRequest request = new ImportRequest(card, new LocationService.Request(null, "Camera Files", null, "ny",
                "industrial", null, "tester", null, List.of(), card, false, false), false, null, false);
        running("db_import", () -> org.aupat.testing.InProcessRuns.imported(context, request, new RunIdentity("db_import", "source=" + card, false)));
        // The card is gone by the time db_organize runs: what the thumbnail says was kept at import.
        Files.delete(canonClip.resolve("MVI_1234.THM"));
        organized = running("db_organize", () -> {
            OrganizeService.Summary summary = context.getBean(OrganizeService.class).organize();
            failuresAfterOrganize = context.getBean(FailureLog.class).skippedCount();
            return summary;
        });
        running("db_ingest", () -> context.getBean(IngestService.class)
                .preview((staged, target) -> plannedByIngestDryRun.add(target.toString())));
        running("db_ingest", () -> context.getBean(IngestService.class).ingest());
        IdentifyService.Result identified = running("db_identify",
                () -> context.getBean(IdentifyService.class).identify(null, true));
        master = new ObjectMapper().readTree(identified.written().get(0).toFile());
        verified = running("db_verify", () -> context.getBean(org.aupat.archive.verify.VerifyService.class)
                .verify(org.aupat.archive.verify.VerifyRequest.unverified(null).keepingStaging()));
        cleanup = running("db_cleanup", () -> context.getBean(org.aupat.archive.maintenance.CleanupService.class)
                .clean(new org.aupat.archive.maintenance.CleanupService.Options(7, false, false, 30)));
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static <T> T running(String script, Supplier<T> work) {
        return org.aupat.testing.InProcessRuns.asScript(context, script, work);
    }

    /** name → the image or video row's columns, by column name without its img_/vid_ prefix. */
    private static Map<String, String> row(String name) throws Exception {
        for (String table : List.of("images", "videos")) {
            String p = table.equals("images") ? "img_" : "vid_";
            List<List<String>> rows = invariants.rows("SELECT " + p + "taken_local, " + p + "taken_tag, " + p + "taken_offset, "
                    + p + "offset_source, " + p + "taken, " + p + "damaged, " + p + "mtime, " + p + "loc FROM " + table
                    + " WHERE " + p + "nameo = '" + name + "'");
            if (!rows.isEmpty()) {
                List<String> r = rows.get(0);
                Map<String, String> out = new HashMap<>();
                String[] keys = {"local", "tag", "offset", "source", "utc", "damaged", "mtime", "loc"};
                for (int i = 0; i < keys.length; i++) {
                    out.put(keys[i], r.get(i));
                }
                out.put("table", table);
                return out;
            }
        }
        throw new AssertionError(name + " is neither an image nor a video row");
    }

    @ParameterizedTest(name = "{0}: {1} {2}, offset {3} from {4}")
    @CsvSource({
        "Canon.jpg, images, 2003-12-04T06:46:52, -05:00, location_state, 2003-12-04T11:46:52.000Z",
        "CanonRaw.cr3, images, 2018-02-21T12:08:56, +00:00, offset_tag, 2018-02-21T12:08:56.000Z",
        "Google.jpg, images, 2023-10-06T22:53:51, +02:00, offset_tag, 2023-10-06T20:53:51.000Z",
        "GoPro.jpg, images, 2017-10-03T10:58:29, -04:00, gps_time, 2017-10-03T14:58:29.000Z",
        "Nikon.nef, images, 2004-06-09T16:02:35, -04:00, location_state, 2004-06-09T20:02:35.000Z",
        "PentaxKx.avi, videos, 2009-10-27T12:14:00, -04:00, location_state, 2009-10-27T16:14:00.000Z",
        "M2TS.mts, videos, 2008-12-31T23:16:24, +01:00, offset_tag, 2008-12-31T22:16:24.000Z",
    })
    void everyCaptureTimeIsStoredWithItsOffsetSource(String name, String table, String local, String offset,
                                                     String source, String utc) throws Exception {
        Map<String, String> row = row(name);
        assertThat(row.get("table")).isEqualTo(table);
        assertThat(row.get("local")).isEqualTo(local);
        assertThat(row.get("offset")).isEqualTo(offset);
        assertThat(row.get("source")).isEqualTo(source);
        assertThat(row.get("utc")).isEqualTo(utc);
    }

    @Test
    void theMasterJsonCarriesTheLocalTimeAndTheOffsetSource() {
        JsonNode canon = null;
        for (JsonNode image : master.path("images")) {
            if (image.path("img_nameo").asText().equals("Canon.jpg")) {
                canon = image;
            }
        }
        assertThat(canon).isNotNull();
        assertThat(canon.path("img_taken_local").asText()).isEqualTo("2003-12-04T06:46:52");
        assertThat(canon.path("img_taken_tag").asText()).isEqualTo("DateTimeOriginal");
        assertThat(canon.path("img_offset_source").asText()).isEqualTo("location_state");
        assertThat(canon.path("img_mtime").asText()).isEqualTo("2011-02-03T04:05:06.000Z");
        assertThat(canon.path("img_damaged").asInt()).isZero();
    }

    @Test
    void theArchivedCopyKeepsTheSourceModificationTimeAndTheRowRecordsIt() throws Exception {
        for (String name : List.of("Canon.jpg", "CanonRaw.cr3", "PentaxKx.avi")) {
            Map<String, String> row = row(name);
            assertThat(row.get("mtime")).as(name).isEqualTo("2011-02-03T04:05:06.000Z");
            assertThat(Files.getLastModifiedTime(Path.of(row.get("loc"))).toInstant()).as(name).isEqualTo(MODIFIED);
        }
        assertThat(invariants.query("SELECT doc_mtime FROM documents WHERE doc_nameo = 'PLIST.aae'"))
                .containsExactly("2011-02-03T04:05:06.000Z");
    }

    @Test
    void aDamagedFileIsArchivedFlaggedAndReported() throws Exception {
        Map<String, String> row = row("half.jpg");
        assertThat(row.get("damaged")).isEqualTo("1");
        assertThat(row.get("local")).isEqualTo("2019-04-05T06:07:08");
        assertThat(Path.of(row.get("loc"))).exists();
        assertThat(row(("Canon.jpg")).get("damaged")).isEqualTo("0");
        assertThat(failuresAfterOrganize).isGreaterThanOrEqualTo(1);
        assertThat(organized.damaged()).containsExactly(home.resolve("card/half.jpg").toString());
    }

    /** The one flag set for a row: camera, phone, drone, go_pro, film, dash_cam or other. */
    private static String flag(String name) throws Exception {
        List<String> flags = invariants.query("SELECT CASE WHEN camera = 1 THEN 'camera' WHEN phone = 1 THEN 'phone'"
                + " WHEN drone = 1 THEN 'drone' WHEN go_pro = 1 THEN 'go_pro' WHEN film = 1 THEN 'film'"
                + " WHEN other = 1 THEN 'other' END FROM images WHERE img_nameo = '" + name + "'"
                + " UNION ALL SELECT CASE WHEN camera = 1 THEN 'camera' WHEN phone = 1 THEN 'phone'"
                + " WHEN drone = 1 THEN 'drone' WHEN go_pro = 1 THEN 'go_pro' WHEN dash_cam = 1 THEN 'dash_cam'"
                + " WHEN other = 1 THEN 'other' END FROM videos WHERE vid_nameo = '" + name + "'");
        assertThat(flags).as(name + " is one image or video").hasSize(1);
        return flags.get(0);
    }

    /** What a photographer would call each file, and that it is an image or a video, not a document. */
    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
        "Apple.jpg, images, phone",
        "Canon.jpg, images, camera",
        "CanonRaw.cr2, images, camera",
        "CanonRaw.cr3, images, camera",
        "CanonRaw.crw, images, camera",
        "Casio.jpg, images, camera",
        "DNG.dng, images, camera",
        "FujiFilm.raf, images, camera",
        "GPS.jpg, images, camera",
        "GoPro.jpg, images, go_pro",
        "Google.jpg, images, phone",
        "JVC.jpg, images, camera",
        "JXL2.jxl, images, other",
        "Kodak.jpg, images, camera",
        "KyoceraRaw.raw, images, camera",
        "Minolta.mrw, images, camera",
        "Motorola.jpg, images, phone",
        "Nikon.jpg, images, camera",
        "Nikon.nef, images, camera",
        "Olympus.jpg, images, camera",
        "Panasonic.rw2, images, camera",
        "Pentax.jpg, images, camera",
        "PhaseOne.iiq, images, camera",
        "Photoshop.psd, images, other",
        "QuickTime.heic, images, other",
        "Sanyo.jpg, images, camera",
        "Sigma.x3f, images, camera",
        "Sony.jpg, images, camera",
        "M2TS.mts, videos, camera",
        "PentaxKx.avi, videos, camera",
        "PentaxQuickTime.mov, videos, camera",
        "Red.r3d, videos, camera",
    })
    void everyCameraFileIsSortedAsAPhotographerWould(String name, String table, String flag) throws Exception {
        assertThat(row(name).get("table")).isEqualTo(table);
        assertThat(flag(name)).isEqualTo(flag);
    }

    @Test
    void aFormatFfmpegCannotReadIsNotDamage() throws Exception {
        assertThat(row("Red.r3d").get("damaged")).isEqualTo("0");
        assertThat(row("Red.r3d").get("local")).isEqualTo("2016-01-18T21:35:55");
    }

    @Test
    void aSidecarAndPhotosWithTheSameStemAreLinkedBothWaysInTheDatabaseAndTheMasterJson() throws Exception {
        String cr2 = ArchiveInvariants.sha256(home.resolve("card/CanonRaw.cr2"));
        String cr3 = ArchiveInvariants.sha256(home.resolve("card/CanonRaw.cr3"));
        String xmp = ArchiveInvariants.sha256(home.resolve("card/CanonRaw.xmp"));
        assertThat(invariants.query("SELECT img_pairs FROM images WHERE img_nameo = 'CanonRaw.cr3'")).singleElement()
                .asString().contains(cr2);
        assertThat(invariants.query("SELECT img_pairs FROM images WHERE img_nameo = 'CanonRaw.cr2'")).singleElement()
                .asString().contains(cr3);
        assertThat(invariants.query("SELECT img_docs FROM images WHERE img_nameo = 'CanonRaw.cr3'")).singleElement()
                .asString().contains(xmp);
        assertThat(invariants.query("SELECT docs_img FROM documents WHERE doc_nameo = 'CanonRaw.xmp'")).singleElement()
                .asString().contains(cr3).contains(cr2);
        assertThat(invariants.query("SELECT img_pairs FROM images WHERE img_nameo = 'Canon.jpg'")).containsExactly((String) null);
        assertThat(organized.photoPairs()).as("CanonRaw.cr2/cr3/crw, and Nikon.jpg with Nikon.nef").isEqualTo(4);
        for (JsonNode image : master.path("images")) {
            if (image.path("img_nameo").asText().equals("CanonRaw.cr3")) {
                assertThat(image.path("img_pairs").isArray()).isTrue();
                assertThat(image.path("img_pairs").toString()).contains(cr2);
            }
        }
    }

    @Test
    void aVideoWithoutMetadataTakesCaptureTimeAndCameraFromItsThumbnailWhichStaysIgnored() throws Exception {
        Map<String, String> clip = row("MVI_1234.AVI");
        assertThat(clip.get("local")).isEqualTo("2008-07-14T15:30:00");
        assertThat(clip.get("tag")).isEqualTo("THM:DateTimeOriginal");
        assertThat(clip.get("source")).isEqualTo("location_state");
        assertThat(clip.get("offset")).isEqualTo("-04:00");
        assertThat(flag("MVI_1234.AVI")).isEqualTo("camera");
        assertThat(invariants.query("SELECT vid_hardware FROM videos WHERE vid_nameo = 'MVI_1234.AVI'")).singleElement()
                .asString().contains("\"make\":\"Canon\"").contains("\"metadata_from\":\"thumbnail\"");
        assertThat(invariants.query("SELECT vid_hardware FROM videos WHERE vid_nameo = 'PentaxKx.avi'")).singleElement()
                .asString().doesNotContain("metadata_from");
        assertThat(invariants.query("SELECT count(*) FROM images WHERE img_nameo = 'MVI_1234.THM'")).containsExactly("0");
        assertThat(invariants.query("SELECT count(*) FROM documents WHERE doc_nameo = 'MVI_1234.THM'")).containsExactly("0");
        for (JsonNode video : master.path("videos")) {
            if (video.path("vid_nameo").asText().equals("MVI_1234.AVI")) {
                assertThat(video.path("vid_taken_tag").asText()).isEqualTo("THM:DateTimeOriginal");
            }
        }
    }

    @Test
    void aLinkedSidecarIsArchivedBesideItsPhotoUnderThePhotosNameAndASecondOneKeepsItsOwn() throws Exception {
        // CanonRaw.XMP and CanonRaw.xmp: the one imported first (in walk order) takes the photo's name.
        List<List<String>> sidecars = invariants.rows("SELECT doc_sha256, doc_name, doc_loc FROM documents"
                + " WHERE doc_nameo IN ('CanonRaw.xmp', 'CanonRaw.XMP') ORDER BY rowid");
        assertThat(sidecars).hasSize(2);
        String xmp = sidecars.get(0).get(0);
        List<String> photo = invariants.rows("SELECT img_name, img_loc FROM images WHERE img_sha256 = (SELECT j.value"
                + " FROM documents d, json_each(d.docs_img) j WHERE d.doc_sha256 = '" + xmp + "' ORDER BY j.key LIMIT 1)").get(0);
        List<String> sidecar = sidecars.get(0).subList(1, 3);
        String photoStem = photo.get(0).substring(0, photo.get(0).lastIndexOf('.'));
        assertThat(photoStem).contains("-img_");
        assertThat(sidecar.get(0)).isEqualTo(photoStem + ".xmp");
        assertThat(Path.of(sidecar.get(1))).isEqualTo(Path.of(photo.get(1)).resolveSibling(photoStem + ".xmp"));
        assertThat(ArchiveInvariants.sha256(Path.of(sidecar.get(1)))).isEqualTo(xmp);

        String secondXmp = sidecars.get(1).get(0);
        List<String> second = sidecars.get(1).subList(1, 3);
        assertThat(second.get(0)).contains("-doc_" + secondXmp.substring(0, 12)).endsWith(".xmp");
        assertThat(second.get(1)).contains("/documents/file-extensions/xmp/");
        assertThat(invariants.query("SELECT doc_loc FROM documents WHERE doc_nameo = 'PLIST.aae'")).as("a sidecar of no photo")
                .singleElement().asString().contains("/documents/file-extensions/aae/").contains("-doc_");

        assertThat(plannedByIngestDryRun).as("db_ingest --dry-run planned the same places")
                .contains(sidecar.get(1), second.get(1), photo.get(1));
        for (JsonNode document : master.path("documents")) {
            if (document.path("doc_sha256").asText().equals(xmp)) {
                assertThat(document.path("doc_loc").asText()).isEqualTo(sidecar.get(1));
                assertThat(document.path("doc_name").asText()).isEqualTo(photoStem + ".xmp");
            }
        }
        assertThat(verified.failures()).as("db_verify finds every archived file, sidecars included").isEmpty();
        assertThat(cleanup.problems()).as("db_cleanup's orphan report").noneMatch(p -> p.contains(".xmp"));
    }
}
