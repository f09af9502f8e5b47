package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseAddressTest {
    @TempDir
    Path dir;

    @Test
    void aPathIsAnSqliteFileAndAPostgresUrlAServer() {
        assertThat(DatabaseAddress.parse("data/aupat.db")).isEqualTo(
                new DatabaseAddress.SqliteFile(Path.of("data/aupat.db").toAbsolutePath()));
        assertThat(DatabaseAddress.parse("jdbc:postgresql://nas.local:5433/aupat?sslmode=require"))
                .isEqualTo(new DatabaseAddress.PostgresServer("jdbc:postgresql://nas.local:5433/aupat?sslmode=require",
                        "nas.local", 5433, "aupat"));
        assertThat(((DatabaseAddress.PostgresServer) DatabaseAddress.parse("jdbc:postgresql://nas/aupat")).port())
                .isEqualTo(5432);
    }

    @Test
    void credentialsInTheUrlOtherDatabasesAndAUrlWithoutADatabaseAreRefusedWithoutEchoingThem() {
        for (String url : new String[] {"jdbc:postgresql://nas/aupat?user=a&password=s3cret",
                "jdbc:postgresql://nas/aupat?password=s3cret", "jdbc:postgresql://a:s3cret@nas/aupat"}) {
            assertThatThrownBy(() -> DatabaseAddress.parse(url)).isInstanceOf(ConfigurationError.class)
                    .hasMessageContaining("password").hasMessageNotContaining("s3cret");
        }
        assertThatThrownBy(() -> DatabaseAddress.parse("jdbc:postgresql://nas/aupat?user=a"))
                .hasMessageContaining("aupat.database-user");
        assertThatThrownBy(() -> DatabaseAddress.parse("jdbc:mysql://nas/aupat")).isInstanceOf(ConfigurationError.class);
        assertThatThrownBy(() -> DatabaseAddress.parse("jdbc:postgresql://nas/")).hasMessageContaining("must name");
    }

    @Test
    void thePasswordComesFromTheEnvironmentOrAFileOnlyItsOwnerMayRead() throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\nignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(new DatabaseCredentials("", file.toString(), Map.of()).password()).isEqualTo("from-file");
        assertThat(new DatabaseCredentials("", file.toString(), Map.of("AUPAT_DATABASE_PASSWORD", "from-env")).password())
                .isEqualTo("from-env");
        assertThat(new DatabaseCredentials("", "", Map.of("AUPAT_DATABASE_USER", "kim")).user()).isEqualTo("kim");
        assertThat(new DatabaseCredentials("ann", "", Map.of("AUPAT_DATABASE_USER", "kim")).user()).isEqualTo("ann");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        assertThatThrownBy(() -> new DatabaseCredentials("", file.toString(), Map.of()).password())
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("chmod 600 " + file)
                .hasMessageNotContaining("from-file");
        assertThatThrownBy(() -> new DatabaseCredentials("", "", Map.of()).user()).hasMessageContaining("aupat.database-user");
    }
}
