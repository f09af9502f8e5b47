package org.aupat.archive;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one source of "now" for the archive: UTC timestamps for the database, local time for names
 * people read (backup files). Tests pass a fixed {@link Clock}.
 */
@Component
public class ArchiveClock {
    /** The format of every timestamp written to the database; text order equals time order. */
    public static final DateTimeFormatter DB_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneId.of("UTC"));

    private final Clock clock;

    @Autowired
    public ArchiveClock() {
        this(Clock.systemDefaultZone());
    }

    public ArchiveClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Now as a database timestamp, e.g. {@code 2026-11-24T22:41:50.123Z}. */
    public String timestamp() {
        return format(now());
    }

    /** Now in the clock's zone (the user's local time). */
    public ZonedDateTime localNow() {
        return ZonedDateTime.now(clock);
    }

    /** An instant as a database timestamp. */
    public static String format(Instant instant) {
        return DB_FORMAT.format(instant);
    }
}
