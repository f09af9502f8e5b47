package org.aupat.archive.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aupat.archive.metadata.CaptureTime.OffsetSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.aupat.testing.MediaFactory;

/** Real exiftool on real camera files (src/test/resources/camera-files, see the README there). */
class CameraFilesTest {
    static final Path FILES = Path.of("src/test/resources/camera-files");
    private static ExiftoolPool pool;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    static ExifMetadata read(String name) {
        ExifReading reading = pool.read(FILES.resolve(name));
        assertThat(reading.failed()).as(name).isFalse();
        return reading.metadata();
    }

    /** The camera's clock is kept whatever its zone; the offset says where it came from. */
    @ParameterizedTest(name = "{0}: {1} from {2}, offset {3} ({4})")
    @CsvSource(nullValues = "NULL", value = {
        "Canon.jpg, 2003-12-04T06:46:52, DateTimeOriginal, NULL, unknown",
        "CanonRaw.cr2, 2005-08-03T18:59:18, DateTimeOriginal, NULL, unknown",
        "CanonRaw.cr3, 2018-02-21T12:08:56, DateTimeOriginal, +00:00, offset_tag",
        "CanonRaw.crw, 2003-11-10T17:39:26, DateTimeOriginal, NULL, unknown",
        "Nikon.nef, 2004-06-09T16:02:35, DateTimeOriginal, NULL, unknown",
        "Google.jpg, 2023-10-06T22:53:51, DateTimeOriginal, +02:00, offset_tag",
        "Apple.jpg, 2016-09-28T18:18:05, DateTimeOriginal, +01:00, gps_time",
        "GoPro.jpg, 2017-10-03T10:58:29, DateTimeOriginal, -04:00, gps_time",
        "GPS.jpg, 2002-07-13T15:58:28, DateTimeOriginal, +01:00, gps_time",
        "M2TS.mts, 2008-12-31T23:16:24, DateTimeOriginal, +01:00, offset_tag",
        "PentaxQuickTime.mov, 2005-08-11T14:03:54, CreateDate, +00:00, quicktime_utc",
        "PentaxKx.avi, 2009-10-27T12:14:00, DateTimeOriginal, NULL, unknown",
        "Red.r3d, 2016-01-18T21:35:55, DateTimeOriginal, NULL, unknown",
        "XMP.xmp, 2005-06-09T20:09:27, DateTimeOriginal, +02:00, offset_tag",
        "KyoceraRaw.raw, 2005-07-16T18:14:30, DateTimeOriginal, NULL, unknown",
        "PhaseOne.iiq, 2013-06-19T15:44:21, DateTimeOriginal, NULL, unknown",
    })
    void everyCameraTimeIsKeptWithWhereItsOffsetCameFrom(String file, String local, String tag, String offset,
                                                        String source) {
        CaptureTime capture = read(file).capture();
        assertThat(capture.localText()).isEqualTo(local);
        assertThat(capture.localTag()).isEqualTo(tag);
        assertThat(capture.offsetText()).isEqualTo(offset);
        assertThat(capture.offsetSource().code()).isEqualTo(source);
        if (offset == null) {
            assertThat(capture.utc()).isNull();
        } else {
            assertThat(capture.utc()).isEqualTo(capture.local().toInstant(java.time.ZoneOffset.of(offset)));
        }
    }

    @Test
    void aFileWithoutAnyDateHasNoCaptureTime() {
        for (String file : List.of("QuickTime.heic", "JXL2.jxl", "Photoshop.psd")) {
            assertThat(read(file).capture()).as(file).isEqualTo(CaptureTime.NONE);
        }
    }

    @Test
    void aGpsClockFarFromTheCameraClockIsNoOffset() {
        Path photo = new MediaFactory(dir).tag(new MediaFactory(dir).jpeg("far.jpg"),
                "-DateTimeOriginal=2020:06:01 12:00:00", "-GPSDateStamp=2020:06:03", "-GPSTimeStamp=12:00:00");
        CaptureTime capture = pool.read(photo).metadata().capture();
        assertThat(capture.localText()).isEqualTo("2020-06-01T12:00:00");
        assertThat(capture.offsetSource()).isEqualTo(OffsetSource.UNKNOWN);
        assertThat(capture.utc()).isNull();
    }

    @Test
    void exposureDataIsRecognisedAndItsAbsenceToo() {
        assertThat(read("Sanyo.jpg").exposure()).isTrue();
        assertThat(read("KyoceraRaw.raw").exposure()).isTrue();
        assertThat(read("Photoshop.psd").exposure()).isFalse();
        assertThat(read("PentaxKx.avi").exposure()).isFalse();
    }

    @Test
    void aWholeCameraFileIsNotDamagedAndAHalfJpegIs() throws Exception {
        assertThat(read("Canon.jpg").damage()).isNull();
        assertThat(read("GoPro.jpg").damage()).as("a [minor] warning is no damage").isNull();
        Path whole = new MediaFactory(dir).photo("whole.jpg", "Canon", "Canon EOS 5D");
        Path half = new MediaFactory(dir).jpegCutInHalf("half.jpg");
        assertThat(pool.read(whole).metadata().damage()).isNull();
        ExifMetadata halfRead = pool.read(half).metadata();
        assertThat(halfRead.make()).isEqualTo("Canon");
        assertThat(halfRead.damage()).contains("truncated");
        Path nef = java.nio.file.Files.write(dir.resolve("half.nef"), java.util.Arrays.copyOf(
                java.nio.file.Files.readAllBytes(FILES.resolve("Nikon.nef")), 3000));
        assertThat(pool.read(nef).metadata().damage()).isNotNull();
    }

    @Test
    void firmwareSoftwareAndVideoHandlerAreRead() {
        ExifMetadata pentax = read("PentaxKx.avi");
        assertThat(pentax.make()).isNull();
        assertThat(pentax.firmware()).isEqualTo("K-x Ver 1.00");
        assertThat(pentax.software()).isEqualTo("PENTAX K-x");
        assertThat(read("GoPro.jpg").firmware()).isEqualTo("HD6.01.01.51.00");
    }
}
