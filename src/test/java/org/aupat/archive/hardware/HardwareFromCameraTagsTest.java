package org.aupat.archive.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.ExifMetadata;
import org.aupat.archive.metadata.ExifReading;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.rules.Rules;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hardware rules added after measuring public test-image collections (bench/cameras.sh), each on a
 * JPEG whose Make, Model and exposure tags exiftool wrote as those devices write them, read back
 * through the same exiftool pool db_organize uses.
 */
class HardwareFromCameraTagsTest {
    @TempDir
    static Path dir;
    private static ExiftoolPool pool;
    private static HardwareClassifier classifier;

    @BeforeAll
    static void start() throws java.io.IOException {
        pool = new ExiftoolPool("exiftool", 1, Duration.ofSeconds(30));
        classifier = new HardwareClassifier(Rules.from(Files.createDirectory(dir.resolve("no-rule-overrides"))));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @ParameterizedTest(name = "{0} / {1} (exposure {2}) -> {3}, flag {4}")
    @CsvSource(nullValues = "NULL", value = {
        // Thermal cameras: FLIR writes no model in some of its files, and no exposure data.
        "FLIR Systems AB, NULL, false, POINT_SHOOT, camera",
        "FLIR, NULL, false, POINT_SHOOT, camera",
        "Infisense, P2_USB_IR, false, POINT_SHOOT, camera",
        // A children's camera.
        "VTech, Kidizoom camera, false, POINT_SHOOT, camera",
        // Océ wide-format scanners: scans.
        "Oce, 9400, false, FILM, film",
        "Oce, NULL, false, FILM, film",
        // A video game's photo mode writes a make and exposure data, but no device made the picture.
        "Polyphony Digital Inc., Gran Turismo 5, true, OTHER, other",
        "techsoft as - P.O.BOX 132, NULL, false, OTHER, other",
        // An unknown make with exposure data stays a camera.
        "Acme Optical, AX-1, true, POINT_SHOOT, camera",
    })
    void aDeviceIsSortedAsAPhotographerWould(String make, String model, boolean exposure, HardwareCategory expected,
                                            String flag) throws Exception {
        Path folder = Files.createTempDirectory(dir, "photo");
        MediaFactory media = new MediaFactory(folder);
        List<String> tags = new ArrayList<>(List.of("-Make=" + make));
        if (model != null) {
            tags.add("-Model=" + model);
        }
        if (exposure) {
            tags.addAll(List.of("-ExposureTime=1/250", "-FNumber=2.8", "-FocalLength=35"));
        }
        Path photo = media.tag(media.jpeg("photo.jpg"), tags.toArray(String[]::new));
        ExifReading reading = pool.read(photo);
        assertThat(reading.failed()).isFalse();
        ExifMetadata exif = reading.metadata();
        assertThat(exif.make()).isEqualTo(make);
        Hardware hardware = classifier.classify(MediaType.IMAGE, exif.make(), exif.model(),
                null, null, false, HardwareClues.of(exif));
        assertThat(hardware.category()).isEqualTo(expected);
        assertThat(hardware.category().flag(MediaType.IMAGE)).isEqualTo(flag);
    }
}
