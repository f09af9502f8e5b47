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
        "DJI, OsmoAction, GOPRO",
        "DJI, Pocket 2, ACTION_CAMERA",
        "DJI, Osmo Action 3, GOPRO",
        "GoPro, HERO9 Black, GOPRO",
        "GoPro, MAX, GOPRO",
        "Insta360, ONE X2, GOPRO",
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
    void aMakeThatAlsoBuildsCamerasIsFilmOnlyByItsScannerModel() {
        // Film needs a scanner model, a maker of nothing but scanners, or the import flag: Nikon also makes cameras.
        assertThat(classifier().classify("Nikon", "Unknown Model", false).category()).isEqualTo(HardwareCategory.DSLR);
        assertThat(classifier().classify("Plustek", "Unknown Model", false).category()).isEqualTo(HardwareCategory.FILM);
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

    /** Makes and models as real devices write them, which the rules before aliases and patterns got wrong. */
    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(nullValues = "NULL", value = {
        "'ASAHI OPTICAL CO.,LTD', PENTAX Optio 330, DSLR",
        "'JK Imaging, Ltd.', KODAK PIXPRO AZ421, DSLR",
        "SAMSUNG TECHWIN, Digimax V3, POINT_SHOOT",
        "'SAMSUNG TECHWIN CO., LTD.', <Digimax i5>, DSLR",
        "SAMSUNG, NX300, DSLR",
        "SAMSUNG, WB150F, POINT_SHOOT",
        "SAMSUNG, SM-G991B, PHONE",
        "SAMSUNG, GT-I9300, PHONE",
        "Sony, D6503, PHONE",
        "Sony, E6653, PHONE",
        "Sony, SO-01J, PHONE",
        "Sony, ILCE-7M3, DSLR",
        "LGE, Nexus 5, PHONE",
        "LG Electronics, LG-H815, PHONE",
        "Jolla, Jolla, PHONE",
        "TCL, T790Y, PHONE",
        "KYOCERA, E6560, PHONE",
        "KYOCERA, N DIGITAL, DSLR",
        "'SANYO Electric Co.,Ltd.', VPC-MZ3, POINT_SHOOT",
        "JVC, GR-DV500, POINT_SHOOT",
        "Konica Corporation, KD-400Z, DSLR",
        "Hewlett-Packard, HP PhotoSmart 935, POINT_SHOOT",
        "Leaf, Credo 40, DSLR",
        "Rollei, Rolleiflex 2.8, DSLR",
        "EPSON, PhotoPC 3000Z, POINT_SHOOT",
        "DJI, FC8284, DRONE",
        "DJI, L2D-20c, DRONE",
        "DJI, AC002, GOPRO",
        "Autel Robotics, XT705, DRONE",
        "Parrot, Anafi, DRONE",
        "Skydio, Skydio 2, DRONE",
        "YUNEEC, E90, DRONE",
        "Arashi Vision, Insta360 X3, GOPRO",
        "Insta360, X4, GOPRO",
        "Nikon, LS-5000, FILM",
        "Nikon, SuperCoolscan 5000 ED, FILM",
        "NORITSU KOKI, QSS-32, FILM",
        "NORITSU KOKI, EZ Controller, FILM",
        "'FUJI PHOTO FILM CO., LTD.', SP-3000, FILM",
        "EASTMAN KODAK COMPANY, KODAK PROFESSIONAL RFS 3600 FILM SCANNER, FILM",
        "Pakon, F135 Plus, FILM",
        "Plustek, OpticFilm 8200i, FILM",
    })
    void aliasesPatternsAndScannersSortAsAPhotographerWould(String make, String model, HardwareCategory expected) {
        assertThat(classifier().classify(make, model, false).category()).isEqualTo(expected);
    }

    @Test
    void aMakeNoRuleKnowsIsACameraWhenItsFileHasExposureData() {
        HardwareClues exposure = new HardwareClues(null, null, null, true);
        assertThat(classifier().classify("Acme Optical", "AX-1", false, exposure).category())
                .isEqualTo(HardwareCategory.POINT_SHOOT);
        assertThat(classifier().classify("Acme Optical", "AX-1", false, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.OTHER);
        assertThat(classifier().classify(null, null, false, exposure).category()).as("nothing names a maker")
                .isEqualTo(HardwareCategory.OTHER);
    }

    @Test
    void aFileWithoutAMakeGetsOneFromItsHandlerFirmwareOrModel() {
        assertThat(classifier().classify(null, null, false, new HardwareClues(null, null, "GoPro AVC", false)))
                .isEqualTo(new Hardware("GoPro", null, HardwareCategory.GOPRO));
        assertThat(classifier().classify(null, null, false, new HardwareClues("HD9.01.01.60.00", null, null, false))
                .category()).isEqualTo(HardwareCategory.GOPRO);
        assertThat(classifier().classify(null, "HERO11 Black", false, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.GOPRO);
        assertThat(classifier().classify(null, null, false, new HardwareClues("K-x Ver 1.00", "PENTAX K-x", null, false))
                .category()).isEqualTo(HardwareCategory.DSLR);
        assertThat(classifier().classify(null, "S-WEAPON", false, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.DSLR);
        assertThat(classifier().classify(null, null, false, new HardwareClues("1.0", "Adobe Photoshop 7.0", null, false))
                .category()).isEqualTo(HardwareCategory.OTHER);
    }

    @Test
    void aBrokenModelPatternStopsStartUpNamingTheField(@TempDir Path rules) throws java.io.IOException {
        java.nio.file.Files.writeString(rules.resolve("camera_hardware.json"), """
                {"version": "test",
                 "category_priorities": {"order": ["phone"]},
                 "categories": {"phone": {"makes": ["Sony"], "model_patterns": {"Sony": ["^[C-J"]}}}}
                """);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.from(rules).cameraHardware())
                .hasMessageContaining("camera_hardware.json").hasMessageContaining("categories.phone.model_patterns.Sony")
                .hasMessageContaining("regular expression");
    }

    @Test
    void aVideosOwnStreamNamesItsMakerBeforeItsTagsAndOnlyImagesAreFilm() {
        HardwareClassifier classifier = classifier();
        assertThat(classifier.classify(MediaType.VIDEO, "Apple", "iPhone 12", "DJI", "FC3170", false, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.DRONE);
        assertThat(classifier.classify(MediaType.VIDEO, "Apple", "iPhone 12", null, null, true, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.PHONE);
        assertThat(classifier.classify(MediaType.IMAGE, "Apple", "iPhone 12", "DJI", "FC3170", false, HardwareClues.NONE).category())
                .isEqualTo(HardwareCategory.PHONE);
        assertThat(classifier.classify(MediaType.IMAGE, "Apple", "iPhone 12", null, null, true, HardwareClues.NONE).category())
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
