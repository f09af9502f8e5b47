package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ArchiveClockTest {
    @Test
    void databaseTimestampsAreUtcWithMillisecondsAndZWhateverTheLocalZone() {
        Clock newYork = Clock.fixed(Instant.parse("2026-11-24T03:04:05.006Z"), ZoneId.of("America/New_York"));
        ArchiveClock clock = new ArchiveClock(newYork);

        assertThat(clock.timestamp()).isEqualTo("2026-11-24T03:04:05.006Z");
        assertThat(clock.localNow().getDayOfMonth()).as("local time for names people read").isEqualTo(23);
        assertThat(ArchiveClock.format(Instant.parse("2026-01-01T00:00:00Z"))).isEqualTo("2026-01-01T00:00:00.000Z");
    }
}
