package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

class LegacyUserConfigListenerTest {
    @TempDir
    Path dir;

    private final LegacyUserConfigListener listener = new LegacyUserConfigListener();

    /** An environment as Spring Boot builds it: command line first, the profile's file (every path, as prod's) further down. */
    private StandardEnvironment environment(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        environment.getPropertySources().addLast(new MapPropertySource("application-prod.yml", Map.of(
                "aupat.database", "/var/lib/aupat/aupat.db", "aupat.archive", "/var/lib/aupat/archive",
                "aupat.logs", "/var/log/aupat", "aupat.staging", "/var/lib/aupat/staging",
                "aupat.backups", "/var/lib/aupat/backups", "aupat.rules", "/etc/aupat/rules")));
        return environment;
    }

    private AupatProperties bound(StandardEnvironment environment) {
        listener.apply(environment);
        return Binder.get(environment).bindOrCreate("aupat", AupatProperties.class);
    }

    @Test
    void userJsonOverridesTheProfileAndTheCommandLineOverridesUserJson() throws Exception {
        Path userJson = Files.writeString(dir.resolve("user.json"), """
                {"db_name": "aupat.db", "db_loc": "/srv/old/aupat.db", "db_backup": "/srv/old/backups",
                 "db_ingest": "/srv/old/staging", "arch_loc": "/srv/old/archive"}""");
        AupatProperties p = bound(environment("--script=gen_uuid", "--config=" + userJson, "--aupat.archive=/mnt/archive"));
        assertThat(p.databaseFile()).isEqualTo(Path.of("/srv/old/aupat.db"));
        assertThat(p.backups()).isEqualTo(Path.of("/srv/old/backups"));
        assertThat(p.staging()).isEqualTo(Path.of("/srv/old/staging"));
        assertThat(p.archive()).isEqualTo(Path.of("/mnt/archive"));
        assertThat(p.logs()).isEqualTo(Path.of("/var/log/aupat"));
    }

    @Test
    void withoutConfigNothingChanges() {
        AupatProperties p = bound(environment("--script=gen_uuid"));
        assertThat(p.databaseFile()).isEqualTo(Path.of("/var/lib/aupat/aupat.db"));
    }

    @Test
    void aConfigVariableInTheEnvironmentIsNotReadAsUserJson() {
        StandardEnvironment environment = environment("--script=gen_uuid");
        environment.getPropertySources().addFirst(new MapPropertySource("systemEnvironment",
                Map.of("config", dir.resolve("missing.json").toString())));
        assertThat(bound(environment).databaseFile()).isEqualTo(Path.of("/var/lib/aupat/aupat.db"));
    }

    @Test
    void anEmptyConfigOptionIsAUsageError() {
        assertThatThrownBy(() -> bound(environment("--config=")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("--config is empty");
    }

    @Test
    void aBadUserJsonStopsTheStartWithItsError() throws Exception {
        Path userJson = Files.writeString(dir.resolve("user.json"), "{\"db_loc\": \"/srv/aupat.db\"}");
        assertThatThrownBy(() -> bound(environment("--config=" + userJson)))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("'db_backup'");
    }
}
