package org.aupat.foundation.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;

class PointInTimeTest {
    /** 2026-07-15 10:30 in New York (UTC-4 in summer). */
    private final Clock clock = Clock.fixed(Instant.parse("2026-07-15T14:30:00Z"), ZoneId.of("America/New_York"));

    private Instant parse(String text) {
        return PointInTime.parse("--since", text, clock);
    }

    @Test
    void isoDatesAndTimesAreInTheUsersZoneUnlessTheyCarryAnOffset() {
        assertThat(parse("2025-11-01")).isEqualTo("2025-11-01T04:00:00Z");
        assertThat(parse("2025-11-01T14:30")).isEqualTo("2025-11-01T18:30:00Z");
        assertThat(parse("2025-11-01 14:30:15")).isEqualTo("2025-11-01T18:30:15Z");
        assertThat(parse("2025-11-01T14:30:00Z")).isEqualTo("2025-11-01T14:30:00Z");
        assertThat(parse("2025-11-01t14:30:00-05:00")).isEqualTo("2025-11-01T19:30:00Z");
    }

    @Test
    void relativeFormsCountBackFromNowOrFromTheStartOfTheDay() {
        assertThat(parse("7d")).isEqualTo("2026-07-08T14:30:00Z");
        assertThat(parse("12h")).isEqualTo("2026-07-15T02:30:00Z");
        assertThat(parse("30m")).isEqualTo("2026-07-15T14:00:00Z");
        assertThat(parse("2w")).isEqualTo("2026-07-01T14:30:00Z");
        assertThat(parse(" Today ")).isEqualTo("2026-07-15T04:00:00Z");
        assertThat(parse("yesterday")).isEqualTo("2026-07-14T04:00:00Z");
    }

    @Test
    void anythingElseIsOneLineNamingTheOptionAndTheFormsItTakes() {
        for (String bad : new String[] {"2025-13-01", "last week", "7", "d7", "-7d", "", "2025-11-01T25:00", "1234567d"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ValidationError.class)
                    .satisfies(e -> assertThat(((ValidationError) e).exitCode()).isEqualTo(ExitCode.USAGE))
                    .hasMessageStartingWith("--since")
                    .hasMessageContaining("7d").hasMessageContaining("yesterday")
                    .hasMessageNotContaining("Exception").hasMessageNotContaining("\n");
        }
    }
}
