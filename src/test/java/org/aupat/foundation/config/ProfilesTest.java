package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dev and prod profiles as Spring Boot loads them: application.yml, then config/application-PROFILE.yml. */
class ProfilesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AupatProperties.class)
    static class Settings {
    }

    private ApplicationContextRunner runner(String... properties) {
        return new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withPropertyValues(properties)
                .withUserConfiguration(Settings.class);
    }

    @Test
    void devKeepsEverythingInTheProjectFolderAndLogsDebug() {
        runner("spring.profiles.active=dev").run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.database()).isEqualTo(Path.of("data/aupat.db").toAbsolutePath());
            assertThat(p.checkpointDatabase()).isEqualTo(Path.of("data/checkpoint_state.db").toAbsolutePath());
            assertThat(p.staging()).isEqualTo(Path.of("data/staging").toAbsolutePath());
            assertThat(p.archive()).isEqualTo(Path.of("data/archive").toAbsolutePath());
            assertThat(p.backups()).isEqualTo(Path.of("data/backups").toAbsolutePath());
            assertThat(p.logs()).isEqualTo(Path.of("logs").toAbsolutePath());
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isEqualTo("DEBUG");
        });
    }

    @Test
    void devIsTheProfileWhenNoneIsChosen() {
        runner().run(context -> {
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isEqualTo("DEBUG");
        });
    }

    @Test
    void prodUsesTheSystemFoldersLogsInfoAndNoColours() {
        runner("spring.profiles.active=prod").run(context -> {
            AupatProperties p = context.getBean(AupatProperties.class);
            assertThat(p.database()).isEqualTo(Path.of("/var/lib/aupat/aupat.db"));
            assertThat(p.checkpointDatabase()).isEqualTo(Path.of("/var/lib/aupat/checkpoint_state.db"));
            assertThat(p.staging()).isEqualTo(Path.of("/var/lib/aupat/staging"));
            assertThat(p.archive()).isEqualTo(Path.of("/var/lib/aupat/archive"));
            assertThat(p.backups()).isEqualTo(Path.of("/var/lib/aupat/backups"));
            assertThat(p.logs()).isEqualTo(Path.of("/var/log/aupat"));
            assertThat(p.rules()).isEqualTo(Path.of("/etc/aupat/rules"));
            assertThat(context.getEnvironment().getProperty("logging.level.org.aupat")).isEqualTo("INFO");
            assertThat(context.getEnvironment().getProperty("spring.output.ansi.enabled")).isEqualTo("never");
        });
    }
}
