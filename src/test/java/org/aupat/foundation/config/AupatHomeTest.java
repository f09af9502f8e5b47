package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the home and the settings folder are, from the environment alone (never the working folder). */
class AupatHomeTest {
    private static final String ACCOUNT = "/home/account";

    @Test
    void aupatHomeWinsThenXdgThenHome() {
        assertThat(AupatHome.dataHome(Map.of("AUPAT_HOME", "/srv/aupat", "XDG_DATA_HOME", "/x", "HOME", "/h"), ACCOUNT))
                .isEqualTo(Path.of("/srv/aupat"));
        assertThat(AupatHome.dataHome(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/h"), ACCOUNT))
                .isEqualTo(Path.of("/x/data/aupat"));
        assertThat(AupatHome.dataHome(Map.of("HOME", "/h"), ACCOUNT)).isEqualTo(Path.of("/h/.local/share/aupat"));
        assertThat(AupatHome.dataHome(Map.of(), ACCOUNT)).isEqualTo(Path.of("/home/account/.local/share/aupat"));
    }

    @Test
    void emptyOrRelativeVariablesCountAsUnsetAsXdgSays() {
        assertThat(AupatHome.dataHome(Map.of("AUPAT_HOME", " ", "XDG_DATA_HOME", "rel", "HOME", ""), ACCOUNT))
                .isEqualTo(Path.of("/home/account/.local/share/aupat"));
        assertThat(AupatHome.configHome(Map.of("XDG_CONFIG_HOME", "rel/config", "HOME", "/h"), ACCOUNT))
                .isEqualTo(Path.of("/h/.config/aupat"));
    }

    @Test
    void aRelativeAupatHomeIsTheUsersChoiceMadeAbsolute() {
        assertThat(AupatHome.dataHome(Map.of("AUPAT_HOME", "archive"), ACCOUNT))
                .isEqualTo(Path.of("archive").toAbsolutePath());
    }

    @Test
    void theSettingsFolderFollowsXdgConfigHome() {
        assertThat(AupatHome.configHome(Map.of("XDG_CONFIG_HOME", "/c", "HOME", "/h"), ACCOUNT)).isEqualTo(Path.of("/c/aupat"));
        assertThat(AupatHome.configHome(Map.of(), ACCOUNT)).isEqualTo(Path.of("/home/account/.config/aupat"));
    }

    @Test
    void theHomeHoldsEveryPathAndTheRulesAreInTheSettingsFolder() {
        assertThat(AupatHome.pathSettings(Path.of("/h/aupat"), Path.of("/c/aupat"))).containsEntry("aupat.database",
                "/h/aupat/aupat.db").containsEntry("aupat.staging", "/h/aupat/staging")
                .containsEntry("aupat.archive", "/h/aupat/archive").containsEntry("aupat.backups", "/h/aupat/backups")
                .containsEntry("aupat.logs", "/h/aupat/logs").containsEntry("aupat.rules", "/c/aupat/rules");
    }
}
