package org.aupat.archive.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.aupat.archive.metadata.CaptureTime.OffsetSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The time zone at a GPS position, from the real boundary data (loaded once for every test in the run). */
class TimeZoneAtPositionTest {
    private final TimeZoneAtPosition zones = new TimeZoneAtPosition();

    @ParameterizedTest(name = "{0}, {1} is in {2}")
    @CsvSource({
        "35.6762, 139.6503, Asia/Tokyo",
        "40.7128, -74.0060, America/New_York",
        "-33.8688, 151.2093, Australia/Sydney",
        "48.8566, 2.3522, Europe/Paris",
        "33.4484, -112.0740, America/Phoenix",
    })
    void aPositionOnLandIsInItsZone(double latitude, double longitude, String zone) {
        assertThat(zones.zoneAt(latitude, longitude)).contains(ZoneId.of(zone));
    }

    @ParameterizedTest(name = "{0}, {1} has no zone")
    @CsvSource({
        "30.0, -40.0", // mid-Atlantic: a nautical zone only
        "0.0, 0.0", // the placeholder some cameras write for "no fix", in the Gulf of Guinea
        "91.0, 10.0",
        "10.0, 181.0",
        "NaN, 10.0",
    })
    void theOpenSeaAndImpossiblePositionsHaveNoZone(double latitude, double longitude) {
        assertThat(zones.zoneAt(latitude, longitude)).isEmpty();
    }

    @Test
    void theGuessPrefersThePositionToTheStateAndNeverReplacesTheFilesOwnOffset() {
        LocalDateTime july = LocalDateTime.of(2024, 7, 4, 12, 0);
        CaptureTime bare = new CaptureTime(july, "DateTimeOriginal", null, OffsetSource.UNKNOWN);
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        ZoneId phoenix = ZoneId.of("America/Phoenix");
        assertThat(bare.orGuessed(() -> tokyo, () -> phoenix))
                .isEqualTo(new CaptureTime(july, "DateTimeOriginal", ZoneOffset.ofHours(9), OffsetSource.GPS_POSITION));
        assertThat(bare.orGuessed(() -> null, () -> phoenix))
                .isEqualTo(new CaptureTime(july, "DateTimeOriginal", ZoneOffset.ofHours(-7), OffsetSource.LOCATION_STATE));
        assertThat(bare.orGuessed(() -> null, () -> null)).isEqualTo(bare);
        CaptureTime own = new CaptureTime(july, "DateTimeOriginal", ZoneOffset.ofHours(2), OffsetSource.OFFSET_TAG);
        assertThat(own.orGuessed(() -> {
            throw new AssertionError("a file with its own offset never asks for the zone at its position");
        }, () -> phoenix)).isEqualTo(own);
        assertThat(CaptureTime.NONE.orGuessed(() -> tokyo, () -> phoenix)).isEqualTo(CaptureTime.NONE);
    }

    @Test
    void theZoneGivesTheOffsetOfThatDate() {
        Optional<ZoneId> newYork = zones.zoneAt(40.7128, -74.0060);
        CaptureTime winter = new CaptureTime(LocalDateTime.of(2024, 1, 4, 12, 0), "DateTimeOriginal", null,
                OffsetSource.UNKNOWN).orGuessed(() -> newYork.orElse(null), () -> null);
        assertThat(winter.offsetText()).isEqualTo("-05:00");
        assertThat(winter.offsetSource().code()).isEqualTo("gps_position");
    }
}
