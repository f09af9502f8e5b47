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
        assertThat(p.databaseFile()).isAbsolute().isEqualTo(Path.of("data/aupat.db").toAbsolutePath());
        assertThat(p.logs()).isAbsolute();
        assertThat(p.exiftool()).isEqualTo("exiftool");
        assertThat(with("/d/x/../aupat.db", "/d/s", "/d/a", "/d/b", "e").databaseFile()).isEqualTo(Path.of("/d/aupat.db"));
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
        assertThatThrownBy(() -> with("/d/aupat.db", "/d/s", "/d/a", "/d/b", " "))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.exiftool is empty");
    }

    @Test
    void eachDatabaseHasItsOwnCheckpointsJournalsAndLockBesideIt() {
        AupatProperties a = new AupatProperties(Path.of("/srv/a/aupat.db"), null, Path.of("/srv/a/s"),
                Path.of("/srv/a/x"), Path.of("/srv/a/b"), Path.of("/l"), Path.of("/r"), "e", "f");
        AupatProperties b = new AupatProperties(Path.of("/srv/b/aupat.db"), null, Path.of("/srv/b/s"),
                Path.of("/srv/b/x"), Path.of("/srv/b/b"), Path.of("/l"), Path.of("/r"), "e", "f");

        assertThat(a.checkpointDatabase()).isEqualTo(Path.of("/srv/a/checkpoint_state.db"));
        assertThat(a.journals()).isEqualTo(Path.of("/srv/a/journal"));
        assertThat(a.runLock()).isEqualTo(Path.of("/srv/a/aupat.db.lock"));
        assertThat(b.checkpointDatabase()).isEqualTo(Path.of("/srv/b/checkpoint_state.db"));
        assertThat(b.journals()).isEqualTo(Path.of("/srv/b/journal"));
        assertThat(new AupatProperties(Path.of("/srv/a/aupat.db"), Path.of("/elsewhere/cp.db"), Path.of("/srv/a/s"),
                Path.of("/srv/a/x"), Path.of("/srv/a/b"), Path.of("/l"), Path.of("/r"), "e", "f").checkpointDatabase())
                .as("set explicitly").isEqualTo(Path.of("/elsewhere/cp.db"));
    }

    @Test
    void aReplicaIsAFolderOrABucketApartFromAupatsOwnFolders() {
        java.util.function.Function<java.util.Map<String, ReplicaTarget>, AupatProperties> with = replicas ->
                new AupatProperties(null, "/d/aupat.db", Path.of("/d/checkpoint.db"), Path.of("/d/s"), Path.of("/d/a"),
                        Path.of("/d/b"), Path.of("logs"), Path.of("config/rules"), "exiftool", "ffprobe", replicas);
        ReplicaTarget.S3 bucket = new ReplicaTarget.S3("b", null, null, "p", null);
        assertThat(with.apply(java.util.Map.of("nas", new ReplicaTarget(Path.of("/mnt/nas/x/../aupat"), null),
                "offsite", new ReplicaTarget(null, bucket))).replicas())
                .containsEntry("nas", new ReplicaTarget(Path.of("/mnt/nas/aupat"), null)).containsKey("offsite");
        assertThat(with.apply(null).replicas()).isEmpty();
        assertThatThrownBy(() -> with.apply(java.util.Map.of("nas", new ReplicaTarget(Path.of("/d/a/copy"), null))))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.replicas.nas.path (/d/a/copy)")
                .hasMessageContaining("aupat.archive");
        assertThatThrownBy(() -> with.apply(java.util.Map.of("nas", new ReplicaTarget(Path.of("/d"), null))))
                .hasMessageContaining("aupat.replicas.nas.path");
        assertThatThrownBy(() -> with.apply(java.util.Map.of("both", new ReplicaTarget(Path.of("/m"), bucket))))
                .hasMessageContaining("both a path and s3");
        assertThatThrownBy(() -> with.apply(java.util.Map.of("none", new ReplicaTarget(null, null))))
                .hasMessageContaining("names no folder and no bucket");
        assertThatThrownBy(() -> with.apply(java.util.Map.of("Bad Name", new ReplicaTarget(Path.of("/m"), null))))
                .hasMessageContaining("lower-case letters");
    }
}
