package org.aupat.archive.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worked examples of names and folders (docs/rules.md), and the refusals that keep every path inside its root. */
class ArchiveLayoutTest {
    static final String LOC = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String SUB = "b81d4e02-55aa-4c3e-8f19-0c6d2e7a4b13";
    static final String HEIC_SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    static final String MP4_SHA = "13846df1d4c9" + "0".repeat(52);

    @TempDir
    Path root;

    ArchiveLayout layout() {
        return new ArchiveLayout(Rules.from(root.resolve("rules")), root.resolve("archive"), root.resolve("staging"));
    }

    @Test
    void exampleA_iPhoneLivePhoto() {
        ArchiveLayout layout = layout();
        String name = layout.fileName(MediaType.IMAGE, LOC, null, HEIC_SHA, "HEIC");
        assertThat(name).isEqualTo("3f2a9c417b0e-img_2cf24dba5fb0.heic");
        assertThat(layout.stagingPath(LOC, name)).isEqualTo(root.resolve("staging/3f2a9c417b0e/" + name));
        Path location = layout.locationFolder("ny", "healthcare", "Richard Olmsted Complex", LOC);
        assertThat(location).isEqualTo(root.resolve("archive/ny-healthcare/richard-olmsted-complex_3f2a9c417b0e"));
        assertThat(layout.categoryFolder(location, MediaType.IMAGE, HardwareCategory.PHONE).resolve(name))
                .isEqualTo(location.resolve("photos/original_phone/3f2a9c417b0e-img_2cf24dba5fb0.heic"));
        assertThat(layout.categoryFolder(location, MediaType.VIDEO, HardwareCategory.OTHER))
                .isEqualTo(location.resolve("videos/original_other"));
    }

    @Test
    void exampleB_droneFlightInASubLocation() {
        ArchiveLayout layout = layout();
        Path location = layout.locationFolder("ny", "healthcare", "Richard Olmsted Complex", LOC);
        assertThat(layout.fileName(MediaType.VIDEO, LOC, SUB, MP4_SHA, "MP4"))
                .isEqualTo("3f2a9c417b0e-b81d4e0255aa-vid_13846df1d4c9.mp4");
        assertThat(layout.categoryFolder(location, MediaType.VIDEO, HardwareCategory.DRONE))
                .isEqualTo(location.resolve("videos/original_drone"));
        assertThat(layout.documentFolder(location, "SRT")).isEqualTo(location.resolve("documents/file-extensions/srt"));
        assertThat(layout.categoryFolder(location, MediaType.VIDEO, HardwareCategory.DASH_CAM))
                .isEqualTo(location.resolve("videos/original_dash-cam"));
    }

    @Test
    void exampleC_pdfUrlAndMasterJson() {
        ArchiveLayout layout = layout();
        String loc = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";
        Path location = layout.locationFolder("pa", "recreational", "Cafe Elan Theatre", loc);
        assertThat(location).isEqualTo(root.resolve("archive/pa-recreational/cafe-elan-theatre_0c6d2e7a4b13"));
        assertThat(layout.documentFolder(location, "PDF")).isEqualTo(location.resolve("documents/pdfs"));
        assertThat(layout.documentFolder(location, "zip")).isEqualTo(location.resolve("documents/zips"));
        assertThat(layout.websiteFolder(location, "Username.SmugMug.com", "5e9f7a10-3c2b-4d8e-9f01-a2b3c4d5e6f7"))
                .isEqualTo(location.resolve("documents/websites/username.smugmug.com_5e9f7a103c2b"));
        assertThat(layout.masterJsonName(loc)).isEqualTo("0c6d2e7a4b13_master.json");
        assertThat(layout.masterJson(location, loc)).isEqualTo(location.resolve("documents/0c6d2e7a4b13_master.json"));
    }

    @Test
    void aCollidingNameFallsBackToA16CharacterSha() {
        assertThat(layout().collisionFileName(MediaType.DOCUMENT, LOC, null, HEIC_SHA, "txt"))
                .isEqualTo("3f2a9c417b0e-doc_2cf24dba5fb0a30e.txt");
    }

    @Test
    void thePrefixLengthComesFromNameJson() throws Exception {
        Path rules = Files.createDirectories(root.resolve("rules"));
        String json = new String(ArchiveLayoutTest.class.getResourceAsStream("/rules/name.json").readAllBytes());
        Files.writeString(rules.resolve("name.json"), json.replace("\"prefix_length\": 12", "\"prefix_length\": 8"));
        assertThat(layout().fileName(MediaType.IMAGE, LOC, SUB, HEIC_SHA, "jpg")).isEqualTo("3f2a9c41-b81d4e02-img_2cf24dba.jpg");
    }

    @Test
    void slugKeepsOnlyLettersDigitsAndSingleHyphens() {
        assertThat(ArchiveLayout.slug("  St. Mary's -- Church (Old) ")).isEqualTo("st-marys-church-old");
        assertThat(ArchiveLayout.slug("../../etc")).isEqualTo("etc");
        assertThatThrownBy(() -> ArchiveLayout.slug("!!!")).isInstanceOf(ValidationError.class)
                .hasMessageContaining("location name");
    }

    @Test
    void badInputsAreRefusedNamingTheInput() {
        ArchiveLayout layout = layout();
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, "3f2a9c41-7b0e-1d2a-9c55-1e8f6a2b7d90", null, HEIC_SHA, "jpg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("loc_uuid").hasMessageContaining("UUID v4");
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, LOC, "nope", HEIC_SHA, "jpg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("sub_uuid");
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, LOC, null, HEIC_SHA.substring(1), "jpg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("sha256");
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, LOC, null, HEIC_SHA.toUpperCase(), "jpg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("sha256");
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, LOC, null, HEIC_SHA, ".jpg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("extension");
        assertThatThrownBy(() -> layout.fileName(MediaType.IMAGE, LOC, null, HEIC_SHA, "j/pg"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("extension");
        assertThatThrownBy(() -> layout.locationFolder("..", "industrial", "Mill", LOC))
                .isInstanceOf(ValidationError.class).hasMessageContaining("state");
        assertThatThrownBy(() -> layout.locationFolder("ny", "in/dustrial", "Mill", LOC))
                .isInstanceOf(ValidationError.class).hasMessageContaining("type");
        assertThatThrownBy(() -> layout.websiteFolder(root.resolve("archive/x"), "..", LOC))
                .isInstanceOf(ValidationError.class).hasMessageContaining("domain");
        assertThatThrownBy(() -> layout.stagingPath(LOC, "../escape.jpg"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("unsafe name");
    }

    @Test
    void aPathOutsideTheArchiveIsRefused() {
        ArchiveLayout layout = layout();
        assertThatThrownBy(() -> layout.documentFolder(root.resolve("elsewhere"), "pdf"))
                .hasMessageContaining("not inside").hasMessageContaining(root.resolve("archive").toString());
    }

    @Test
    void aTemplateThatBuildsAnUnsafeNameIsRefused() throws Exception {
        Path rules = Files.createDirectories(root.resolve("rules"));
        String json = new String(ArchiveLayoutTest.class.getResourceAsStream("/rules/folder.json").readAllBytes());
        Files.writeString(rules.resolve("folder.json"), json.replace("\"format\": \"{state}-{type}\"", "\"format\": \"{state} {type}\""));
        assertThatThrownBy(() -> layout().locationFolder("ny", "industrial", "Mill", LOC))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("'ny industrial'");
    }
}
