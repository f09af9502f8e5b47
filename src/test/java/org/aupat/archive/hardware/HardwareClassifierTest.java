package org.aupat.archive.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HardwareClassifierTest {
    @TempDir
    static Path noOverrides;

    private HardwareClassifier classifier() {
        return new HardwareClassifier(Rules.from(noOverrides));
    }

    /** Make and model as real devices write them into EXIF or QuickTime tags. */
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
        "Canon, Canon EOS 5D Mark IV, DSLR",
        "Canon, EOS R5, DSLR",
        "NIKON CORPORATION, NIKON D850, DSLR",
        "NIKON CORPORATION, D850, DSLR",
        "SONY, ILCE-7M3, DSLR",
        "Sony, ILCE-7M3, DSLR",
        "Canon, Canon PowerShot G7 X Mark III, POINT_SHOOT",
        "Canon, Canon EOS 90D, DSLR",
        "Apple, iPhone 13 Pro, PHONE",
        "Apple, 'iPhone 14,2', PHONE",
        "samsung, SM-G991B, PHONE",
        "Google, Pixel 7, PHONE",
        "Sony, XQ-AT51, PHONE",
        "Sony, Xperia 1 IV, PHONE",
        "Sony Ericsson, K800i, PHONE",
        "DJI, FC3170, DRONE",
        "DJI, FC7303, DRONE",
        "DJI, FC220, DRONE",
        "DJI, NULL, DRONE",
        "DJI, Mavic 3 Pro, DRONE",
        "Hasselblad, L1D-20c, DRONE",
        "Hasselblad, L2D-20c, DRONE",
        "Hasselblad, X2D 100C, DSLR",
        "DJI, Osmo Pocket, ACTION_CAMERA",
        "DJI, OsmoAction, ACTION_CAMERA",
        "DJI, Pocket 2, ACTION_CAMERA",
        "DJI, Osmo Action 3, ACTION_CAMERA",
        "GoPro, HERO9 Black, GOPRO",
        "GoPro, MAX, GOPRO",
        "Insta360, ONE X2, ACTION_CAMERA",
        "BlackVue, DR900X, DASH_CAM",
        "Ricoh, Theta Z1, POINT_SHOOT",
        "Logitech, C920, WEBCAM",
        "Ring, Video Doorbell Pro, SECURITY_CAMERA",
        "EPSON, Perfection V600 Photo, FILM",
        "Nikon, Super Coolscan 5000 ED, FILM",
        "Canon, CanoScan 9000F Mark II, FILM",
        "Kodak, EasyShare Z990, DSLR",
        "Acme Widgets, Thing 3000, OTHER",
        "HPX Imaging, Q1, OTHER",
        "Ringo, R1, OTHER",
        "NULL, NULL, OTHER",
        "'   ', '  ', OTHER",
    })
    void categoryFollowsModelThenMakeInPriorityOrder(String make, String model, HardwareCategory expected) {
        assertThat(classifier().classify(make, model, false).category()).isEqualTo(expected);
    }

    @Test
    void makeAndModelAreTrimmedAndSpacesCollapsed() {
        Hardware h = classifier().classify("  NIKON   CORPORATION ", " NIKON  D850 ", false);
        assertThat(h).isEqualTo(new Hardware("NIKON CORPORATION", "NIKON D850", HardwareCategory.DSLR));
    }

    /** The rule file is compared as EXIF is: spaces trimmed and collapsed on both sides, once per run. */
    @Test
    void ruleFileNamesAreNormalisedLikeExifValues(@TempDir Path rules) throws java.io.IOException {
        java.nio.file.Files.writeString(rules.resolve("camera_hardware.json"), """
                {"version": "test",
                 "category_priorities": {"order": ["drone", "phone"]},
                 "categories": {
                   "drone": {"makes": [" Sky   Works "], "models": {"Sky  Works": ["  Flyer   2 "], " Sky Works": ["Hover 9"]}},
                   "phone": {"makes": ["Sky Works Mobile", "  Acme\\tPhones  "]}}}
                """);
        HardwareClassifier classifier = new HardwareClassifier(Rules.from(rules));
        assertThat(classifier.classify("Sky Works Mobile", "Flyer 2 Pro", false).category()).isEqualTo(HardwareCategory.DRONE);
        assertThat(classifier.classify("SKY WORKS", "Hover 9", false).category()).isEqualTo(HardwareCategory.DRONE);
        assertThat(classifier.classify("Acme  Phones", "A1", false).category()).isEqualTo(HardwareCategory.PHONE);
        assertThat(classifier.classify("Sky Works Mobile", "S5", false).category()).isEqualTo(HardwareCategory.PHONE);
    }

    @Test
    void theFilmImportFlagWinsOverTheCamera() {
        assertThat(classifier().classify("Canon", "EOS R5", true).category()).isEqualTo(HardwareCategory.FILM);
        assertThat(classifier().classify(null, null, true).category()).isEqualTo(HardwareCategory.FILM);
    }

    @Test
    void aFilmScannerMakeAloneIsACameraNotFilm() {
        // Film needs a scanner model or the import flag: Nikon also makes cameras.
        assertThat(classifier().classify("Nikon", "Unknown Model", false).category()).isEqualTo(HardwareCategory.DSLR);
        assertThat(classifier().classify("Plustek", "Unknown Model", false).category()).isEqualTo(HardwareCategory.OTHER);
    }

    @ParameterizedTest(name = "{0}: image {1} in {2}, video {3} in {4}")
    @CsvSource({
        "DSLR, camera, original_camera, camera, original_camera",
        "POINT_SHOOT, camera, original_camera, camera, original_camera",
        "PHONE, phone, original_phone, phone, original_phone",
        "DRONE, drone, original_drone, drone, original_drone",
        "GOPRO, go_pro, original_go-pro, go_pro, original_go-pro",
        "ACTION_CAMERA, camera, original_camera, camera, original_camera",
        "DASH_CAM, other, original_other, dash_cam, original_dash-cam",
        "FILM, film, original_film, other, original_other",
        "CAMERA_360, other, original_other, other, original_other",
        "WEBCAM, other, original_other, other, original_other",
        "SECURITY_CAMERA, other, original_other, other, original_other",
        "OTHER, other, original_other, other, original_other",
    })
    void categoryLeadsToOneFlagAndFolderPerMediaType(HardwareCategory category, String imageFlag, String imageFolder,
                                                   String videoFlag, String videoFolder) {
        assertThat(category.flag(MediaType.IMAGE)).isEqualTo(imageFlag);
        assertThat(category.folder(MediaType.IMAGE)).isEqualTo(imageFolder);
        assertThat(category.flag(MediaType.VIDEO)).isEqualTo(videoFlag);
        assertThat(category.folder(MediaType.VIDEO)).isEqualTo(videoFolder);
    }

    @Test
    void aVideosOwnStreamNamesItsMakerBeforeItsTagsAndOnlyImagesAreFilm() {
        HardwareClassifier classifier = classifier();
        assertThat(classifier.classify(MediaType.VIDEO, "Apple", "iPhone 12", "DJI", "FC3170", false).category())
                .isEqualTo(HardwareCategory.DRONE);
        assertThat(classifier.classify(MediaType.VIDEO, "Apple", "iPhone 12", null, null, true).category())
                .isEqualTo(HardwareCategory.PHONE);
        assertThat(classifier.classify(MediaType.IMAGE, "Apple", "iPhone 12", "DJI", "FC3170", false).category())
                .isEqualTo(HardwareCategory.PHONE);
        assertThat(classifier.classify(MediaType.IMAGE, "Apple", "iPhone 12", null, null, true).category())
                .isEqualTo(HardwareCategory.FILM);
    }

    @Test
    void everyCategorySetsAFlagColumnItsTableHas() {
        for (HardwareCategory category : HardwareCategory.values()) {
            for (MediaType type : new MediaType[] {MediaType.IMAGE, MediaType.VIDEO}) {
                assertThat(type.flagColumns()).as(category + " " + type).contains(category.flag(type));
            }
        }
        assertThat(MediaType.IMAGE.flagColumns()).endsWith("other");
        assertThat(MediaType.VIDEO.flagColumns()).endsWith("other");
    }
}
