package org.aupat.foundation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;

class AupatPropertiesTest {
    private static AupatProperties with(String database, String staging, String archive, String backups,
            String exiftool) {
        return new AupatProperties(Path.of(database), Path.of("/d/checkpoint.db"), Path.of(staging), Path.of(archive),
                Path.of(backups), Path.of("logs"), Path.of("config/rules"), exiftool, "ffprobe");
    }

    @Test
    void pathsAreMadeAbsoluteAndCommandsTrimmed() {
        AupatProperties p = with("data/aupat.db", "/d/staging", "/d/archive", "/d/backups", " exiftool ");
        assertThat(p.database()).isAbsolute().isEqualTo(Path.of("data/aupat.db").toAbsolutePath());
        assertThat(p.logs()).isAbsolute();
        assertThat(p.exiftool()).isEqualTo("exiftool");
        assertThat(with("/d/x/../aupat.db", "/d/s", "/d/a", "/d/b", "e").database()).isEqualTo(Path.of("/d/aupat.db"));
    }

    @Test
    void stagingArchiveAndBackupsMustBeSeparate() {
        assertThatThrownBy(() -> with("/d/aupat.db", "/d/archive/staging", "/d/archive", "/d/backups", "e"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.staging (/d/archive/staging)")
                .hasMessageContaining("aupat.archive (/d/archive)");
        assertThatThrownBy(() -> with("/d/aupat.db", "/d/s", "/d/a", "/d/s", "e"))
                .hasMessageContaining("aupat.staging").hasMessageContaining("aupat.backups");
        assertThatThrownBy(() -> with("/d/aupat.db", "/d/s", "/d/a", "/d/a/b", "e"))
                .hasMessageContaining("aupat.archive").hasMessageContaining("aupat.backups");
    }

    @Test
    void databaseMustNotLieInsideArchiveOrStaging() {
        assertThatThrownBy(() -> with("/d/a/aupat.db", "/d/s", "/d/a", "/d/b", "e"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.database");
        assertThatThrownBy(() -> with("/d/s/aupat.db", "/d/s", "/d/a", "/d/b", "e"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.database");
    }

    @Test
    void emptySettingsAreNamed() {
        assertThatThrownBy(() -> with("", "/d/s", "/d/a", "/d/b", "e")).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("aupat.database is empty");
        assertThatThrownBy(() -> new AupatProperties(Path.of("/d/x.db"), null, Path.of("/d/s"), Path.of("/d/a"),
                Path.of("/d/b"), Path.of("/l"), Path.of("/r"), "e", "f"))
                .hasMessageContaining("aupat.checkpoint-database is empty");
        assertThatThrownBy(() -> with("/d/aupat.db", "/d/s", "/d/a", "/d/b", " "))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.exiftool is empty");
    }
}
