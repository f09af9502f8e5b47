package org.aupat.archive.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupRetentionTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static BackupFolder.Backup at(String instant) {
        return new BackupFolder.Backup(Path.of("/b/aupat-" + instant + ".db"), FileTime.from(Instant.parse(instant)));
    }

    @Test
    void olderDaysKeepTheirFirstAndLastBackupByLocalCalendarDay() {
        // 02:00Z on the 11th is still the 10th in New York.
        List<BackupFolder.Backup> all = List.of(at("2026-11-10T13:00:00Z"), at("2026-11-10T18:00:00Z"),
                at("2026-11-11T02:00:00Z"), at("2026-11-11T14:00:00Z"), at("2026-11-24T11:00:00Z"));

        assertThat(BackupRetention.surplus(all, NOW, 7, NEW_YORK)).containsExactly(all.get(1));
    }

    @Test
    void theNewestIsKeptEvenWhenOldAndNothingYoungerThanADayGoesWhateverKeepDaysSays() {
        List<BackupFolder.Backup> old = List.of(at("2026-10-01T10:00:00Z"), at("2026-10-01T11:00:00Z"),
                at("2026-10-01T12:00:00Z"));
        assertThat(BackupRetention.surplus(old, NOW, 7, NEW_YORK)).isEmpty();

        List<BackupFolder.Backup> recent = List.of(at("2026-11-23T13:00:00Z"), at("2026-11-23T14:00:00Z"),
                at("2026-11-23T15:00:00Z"), at("2026-11-24T11:00:00Z"));
        assertThat(BackupRetention.surplus(recent, NOW, 0, NEW_YORK)).isEmpty();
    }

    @Test
    void keepDaysWidensTheWindowOfBackupsKeptWhole() {
        List<BackupFolder.Backup> all = List.of(at("2026-11-20T13:00:00Z"), at("2026-11-20T14:00:00Z"),
                at("2026-11-20T15:00:00Z"), at("2026-11-24T11:00:00Z"));
        assertThat(BackupRetention.surplus(all, NOW, 7, NEW_YORK)).isEmpty();
        assertThat(BackupRetention.surplus(all, NOW, 2, NEW_YORK)).containsExactly(all.get(1));
    }
}
