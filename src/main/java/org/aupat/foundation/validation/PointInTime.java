package org.aupat.foundation.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.foundation.error.ValidationError;

/**
 * The one reading of a date option ({@code --since} and the like): an ISO date ({@code 2025-11-01}, the
 * start of that day), an ISO date and time with or without offset ({@code 2025-11-01T14:30},
 * {@code 2025-11-01T14:30:00Z}), a time ago ({@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}), {@code today}
 * or {@code yesterday} (their first moment). Dates and times without an offset are in the clock's zone
 * (the user's). Anything else is refused in one line naming the option (exit 2).
 */
public final class PointInTime {
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})\\s*([mhdw])");

    private PointInTime() {
    }

    /** Reads {@code text}, given as {@code option}, as a moment; now and the zone come from {@code clock}. */
    public static Instant parse(String option, String text, Clock clock) {
        if (text == null || text.isBlank()) {
            throw refused(option, text);
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        switch (t) {
            case "today":
                return today.atStartOfDay(zone).toInstant();
            case "yesterday":
                return today.minusDays(1).atStartOfDay(zone).toInstant();
            default:
                break;
        }
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return clock.instant().minus(unit.multipliedBy(n));
        }
        String iso = t.toUpperCase(Locale.ROOT).replace(' ', 'T');
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw refused(option, text);
        }
    }

    private static ValidationError refused(String option, String text) {
        return new ValidationError(option, text, "is not a date or time: give a date (2025-11-01), a date and time"
                + " (2025-11-01T14:30, or with an offset such as Z or -05:00), a time ago (30m, 12h, 7d, 2w), today or"
                + " yesterday.");
    }
}
