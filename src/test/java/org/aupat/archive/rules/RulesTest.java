package org.aupat.archive.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesTest {
    @TempDir
    Path folder;

    @Test
    void theBuiltInRulesLoadIntoTypedRecords() {
        Rules rules = Rules.from(folder);
        assertThat(rules.names().prefixLength()).isEqualTo(12);
        assertThat(rules.names().images().withSub()).isEqualTo("{loc_uuidN}-{sub_uuidN}-img_{shaN}.{ext}");
        assertThat(rules.fileTypes().imageExtensions()).contains("jpg", "heic", "dng").doesNotContain("mp4");
        assertThat(rules.fileTypes().videoExtensions()).contains("mp4", "mov", "mts").doesNotContain("jpg");
        assertThat(rules.fileTypes().ignored()).extracting(FileTypeRules.Ignored::entry)
                .contains(".lrf", ".thm", "Thumbs.db");
        assertThat(rules.cameraHardware().categoriesByPriority().get(0).name()).isEqualTo("film");
        assertThat(rules.cameraHardware().categoriesByPriority().get(0).models()).containsKey("Epson");
        assertThat(rules.folders().photoFolders()).contains("original_go-pro", "original_film");
        assertThat(rules.folders().locationFolder()).isEqualTo("{location_name}_{loc_uuidN}");
        rules.checkAll();
    }

    @Test
    void onlyVideosFfmpegHasNoReaderForExcuseAnFfprobeFailure() {
        FileTypeRules types = Rules.from(folder).fileTypes();
        assertThat(types.ffprobeCannotRead("A001_C001.R3D")).isTrue();
        assertThat(types.ffprobeCannotRead("a001.braw")).isTrue();
        assertThat(types.ffprobeCannotRead("clip.mp4")).isFalse();
        assertThat(types.ffprobeCannotRead("R3D")).as("no extension").isFalse();
    }

    @Test
    void aFileInTheRulesFolderOverridesTheBuiltInCopy() throws Exception {
        Files.writeString(folder.resolve("name.json"), builtInNameJson().replace("\"prefix_length\": 12", "\"prefix_length\": 16"));
        assertThat(Rules.from(folder).names().prefixLength()).isEqualTo(16);
    }

    @Test
    void invalidJsonNamesTheFileAndLine() throws Exception {
        Files.writeString(folder.resolve("folder.json"), "{\n  \"version\": \"1\",\n  oops\n}");
        assertThatThrownBy(() -> Rules.from(folder).folders()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("folder.json").hasMessageContaining("line 3").hasMessageContaining("not valid JSON");
    }

    @Test
    void aMissingFieldNamesFileAndField() throws Exception {
        Files.writeString(folder.resolve("name.json"), builtInNameJson().replace("\"prefix_length\": 12,", ""));
        assertThatThrownBy(() -> Rules.from(folder).names()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("name.json").hasMessageContaining("'prefix_length'");
    }

    @Test
    void anUnknownTemplateVariableIsRefused() throws Exception {
        Files.writeString(folder.resolve("name.json"), builtInNameJson().replace("{loc_uuidN}-vid_{shaN}.{ext}", "{loc_uuid8}-vid_{shaN}.{ext}"));
        assertThatThrownBy(() -> Rules.from(folder).names()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("naming_patterns.videos.without_sub.format").hasMessageContaining("{loc_uuid8}");
    }

    @Test
    void anIgnoredConditionAuPatCannotEvaluateIsRefused() throws Exception {
        Files.writeString(folder.resolve("ignored_ext.json"),
                "{\"extensions\": {\".lrf\": {\"condition\": \"when it rains\", \"reason\": \"x\"}}}");
        assertThatThrownBy(() -> Rules.from(folder).fileTypes()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("ignored_ext.json").hasMessageContaining("extensions..lrf.condition");
    }

    @Test
    void aCategoryMissingFromThePriorityOrderIsRefused() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RulesTest.class.getResourceAsStream("/rules/camera_hardware.json"));
        ArrayNode order = (ArrayNode) json.path("category_priorities").path("order");
        order.remove(order.size() - 1); // security_camera
        Files.writeString(folder.resolve("camera_hardware.json"), json.toString());
        assertThatThrownBy(() -> Rules.from(folder).cameraHardware()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("camera_hardware.json").hasMessageContaining("categories.security_camera");
    }

    @Test
    void everyStateCodeHasAZoneAndTheOffsetFollowsDaylightSaving() {
        StateTimeZoneRules zones = Rules.from(folder).stateTimeZones();
        assertThat(zones.zonesByState().keySet())
                .containsExactlyInAnyOrderElementsOf(org.aupat.foundation.validation.StateCodes.codes());
        java.time.ZoneId ny = zones.zone("ny");
        assertThat(ny.getRules().getOffset(java.time.LocalDateTime.parse("2024-07-04T12:00:00"))).hasToString("-04:00");
        assertThat(ny.getRules().getOffset(java.time.LocalDateTime.parse("2024-01-04T12:00:00"))).hasToString("-05:00");
        assertThat(zones.zone("az").getRules().getOffset(java.time.LocalDateTime.parse("2024-07-04T12:00:00")))
                .hasToString("-07:00");
    }

    @Test
    void aStateTimeZoneThatIsNoZoneOrAStateWithoutAZoneIsRefused() throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(RulesTest.class.getResourceAsStream("/rules/state_time_zones.json"));
        ((ObjectNode) json.path("zones")).put("ny", "America/Upstate");
        Files.writeString(folder.resolve("state_time_zones.json"), json.toString());
        assertThatThrownBy(() -> Rules.from(folder).stateTimeZones()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("state_time_zones.json").hasMessageContaining("zones.ny")
                .hasMessageContaining("America/Upstate");
        ((ObjectNode) json.path("zones")).remove("ny");
        Files.writeString(folder.resolve("state_time_zones.json"), json.toString());
        assertThatThrownBy(() -> Rules.from(folder).checkAll()).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("state_time_zones.json").hasMessageContaining("'ny'");
    }

    private static String builtInNameJson() throws Exception {
        return new String(RulesTest.class.getResourceAsStream("/rules/name.json").readAllBytes());
    }
}
