package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.aupat.foundation.error.UserConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.EnvironmentPostProcessorApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The settings as a run gets them: application.yml, the profile files, the per-user settings file and the
 * home's defaults (HomeEnvironment), bound into AupatProperties. Logging is left out (no listener but the
 * environment's), so that nothing is written.
 */
class ProfilesTest {
    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AupatProperties.class)
    static class Settings {
    }

    private void run(Consumer<ConfigurableApplicationContext> check, String... args) {
        SpringApplication app = new SpringApplication(Settings.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setListeners(List.of(new EnvironmentPostProcessorApplicationListener()));
        app.setRegisterShutdownHook(false);
        try (ConfigurableApplicationContext context = app.run(args)) {
            check.accept(context);
        }
    }

    /** A settings folder of the test's own: the developer's ~/.config/aupat is never read. */
    private String ownConfig() {
        return "--aupat.config-home=" + dir.resolve("config");
    }

    @Test
    void devKeepsEverythingInTheProjectFolderAndLogsDebug() {
        run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.home()).isEqualTo(Path.of("data").toAbsolutePath());
            assertThat(p.databaseFile()).isEqualTo(Path.of("data/aupat.db").toAbsolutePath());
            assertThat(p.checkpointDatabase()).isEqualTo(Path.of("data/checkpoint_state.db").toAbsolutePath());
            assertThat(p.staging()).isEqualTo(Path.of("data/staging").toAbsolutePath());
            assertThat(p.archive()).isEqualTo(Path.of("data/archive").toAbsolutePath());
            assertThat(p.backups()).isEqualTo(Path.of("data/backups").toAbsolutePath());
            assertThat(p.logs()).isEqualTo(Path.of("logs").toAbsolutePath());
            assertThat(p.rules()).isEqualTo(Path.of("config/rules").toAbsolutePath());
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isEqualTo("DEBUG");
        }, "--spring.profiles.active=dev", ownConfig());
    }

    @Test
    void withoutAProfileEverythingIsInTheUsersHomeNotTheWorkingFolder() {
        run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            Path home = AupatHome.dataHome(System.getenv(), System.getProperty("user.home"));
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(p.home()).isEqualTo(home).isNotEqualTo(Path.of("data").toAbsolutePath());
            assertThat(p.databaseFile()).isEqualTo(home.resolve("aupat.db"));
            assertThat(p.checkpointDatabase()).isEqualTo(home.resolve("checkpoint_state.db"));
            assertThat(p.journals()).isEqualTo(home.resolve("journal"));
            assertThat(p.runLock()).isEqualTo(home.resolve("aupat.db.lock"));
            assertThat(p.staging()).isEqualTo(home.resolve("staging"));
            assertThat(p.archive()).isEqualTo(home.resolve("archive"));
            assertThat(p.backups()).isEqualTo(home.resolve("backups"));
            assertThat(p.logs()).isEqualTo(home.resolve("logs"));
            assertThat(p.rules()).isEqualTo(dir.resolve("config/rules"));
            assertThat(context.getEnvironment().getProperty("aupat.logs")).isEqualTo(home.resolve("logs").toString());
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isNull();
        }, ownConfig());
    }

    @Test
    void aChosenHomeHoldsEveryPathAndASinglePathSettingStillWins() {
        Path home = dir.resolve("photos/aupat");
        run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.home()).isEqualTo(home);
            assertThat(p.databaseFile()).isEqualTo(home.resolve("aupat.db"));
            assertThat(p.logs()).isEqualTo(home.resolve("logs"));
            assertThat(p.archive()).isEqualTo(dir.resolve("nas/archive"));
        }, "--aupat.home=" + home, "--aupat.archive=" + dir.resolve("nas/archive"), ownConfig());
    }

    @Test
    void thePerUserSettingsFileMovesTheHomeAndTheCommandLineWinsOverIt() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "aupat:\n  home: " + dir.resolve("mine") + "\n  backups: "
                + dir.resolve("usb/backups") + "\n  exiftool: /opt/exiftool/exiftool\n");
        run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.home()).isEqualTo(dir.resolve("mine"));
            assertThat(p.databaseFile()).isEqualTo(dir.resolve("mine/aupat.db"));
            assertThat(p.backups()).isEqualTo(dir.resolve("usb/backups"));
            assertThat(p.exiftool()).isEqualTo("/opt/exiftool/exiftool");
        }, ownConfig());
        run(context -> assertThat(context.getBean(AupatProperties.class).backups()).isEqualTo(dir.resolve("b")),
                ownConfig(), "--aupat.backups=" + dir.resolve("b"));
    }

    @Test
    void aBrokenPerUserSettingsFileIsNamed() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("application.yml"), "aupat:\n  home: [unclosed\n");
        assertThatThrownBy(() -> run(context -> { }, ownConfig())).isInstanceOf(UserConfigError.class)
                .hasMessageContaining("the settings file " + config.resolve("application.yml") + " cannot be read");
    }

    @Test
    void prodUsesTheSystemFoldersLogsInfoAndNoColours() {
        run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.home()).isEqualTo(Path.of("/var/lib/aupat"));
            assertThat(p.databaseFile()).isEqualTo(Path.of("/var/lib/aupat/aupat.db"));
            assertThat(p.checkpointDatabase()).isEqualTo(Path.of("/var/lib/aupat/checkpoint_state.db"));
            assertThat(p.staging()).isEqualTo(Path.of("/var/lib/aupat/staging"));
            assertThat(p.archive()).isEqualTo(Path.of("/var/lib/aupat/archive"));
            assertThat(p.backups()).isEqualTo(Path.of("/var/lib/aupat/backups"));
            assertThat(p.logs()).isEqualTo(Path.of("/var/log/aupat"));
            assertThat(p.rules()).isEqualTo(Path.of("/etc/aupat/rules"));
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isEqualTo("INFO");
            assertThat(context.getEnvironment().getProperty("spring.output.ansi.enabled")).isEqualTo("never");
        }, "--spring.profiles.active=prod", ownConfig());
    }
}
