package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Spring reads configuration from inside the jar only, unless a user names other files (jar level: HomeIT). */
class ConfigLocationsTest {
    @Test
    void configurationIsReadFromInsideTheJarOnly() {
        StandardEnvironment environment = new StandardEnvironment();
        new ConfigLocations().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.config.location")).isEqualTo("optional:classpath:/");
    }

    @Test
    void aLocationGivenOnPurposeWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
                "--spring.config.location=file:/etc/aupat/"));
        new ConfigLocations().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.config.location")).isEqualTo("file:/etc/aupat/");
    }
}
