package org.aupat.archive.metadata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * When a photo or video was taken: the camera's clock as read, the tag it was read from, and the UTC
 * offset with where that offset came from. A time whose zone is unknown is still a capture time; only
 * {@link #utc()} needs the offset.
 *
 * @param local        the camera's date and time without zone, null when the file has none
 * @param localTag     the tag it was read from (DateTimeOriginal, CreateDate...), null when none
 * @param offset       the UTC offset, null when unknown
 * @param offsetSource where the offset came from ({@link OffsetSource#UNKNOWN} when it is null)
 */
public record CaptureTime(LocalDateTime local, String localTag, ZoneOffset offset, OffsetSource offsetSource) {
    /** No capture time at all. */
    public static final CaptureTime NONE = new CaptureTime(null, null, null, OffsetSource.UNKNOWN);

    /** The instant in UTC, or null when the local time or its offset is unknown. */
    public Instant utc() {
        return local == null || offset == null ? null : local.toInstant(offset);
    }

    /**
     * This capture time, or, when the file gave no offset, a recorded guess: the offset the zone at the
     * photo's GPS position had at that local time ({@link OffsetSource#GPS_POSITION}), else the one of the
     * location's state ({@link OffsetSource#LOCATION_STATE}), else none ({@link OffsetSource#UNKNOWN}).
     * The only place where a guess is chosen; the zones are asked for only when needed (the position's
     * takes loading the boundaries), each may give null. An offset the file gave is never replaced.
     */
    public CaptureTime orGuessed(java.util.function.Supplier<ZoneId> atPosition, java.util.function.Supplier<ZoneId> ofState) {
        if (local == null || offset != null) {
            return this;
        }
        CaptureTime guess = inZone(atPosition.get(), OffsetSource.GPS_POSITION);
        return guess != this ? guess : inZone(ofState.get(), OffsetSource.LOCATION_STATE);
    }

    /**
     * The offset {@code zone} had at this local time (daylight saving included). A local time in the hour
     * skipped by a spring-forward change takes the offset before it; one in the hour repeated in autumn
     * takes the earlier (summer) offset.
     */
    private CaptureTime inZone(ZoneId zone, OffsetSource source) {
        return zone == null ? this : new CaptureTime(local, localTag, zone.getRules().getOffset(local), source);
    }

    /** The camera's clock as ISO text with seconds ("2023-05-01T10:00:00"), null when the file has no time. */
    public String localText() {
        return local == null ? null : local.format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** The offset as "+02:00" ("Z" written as "+00:00"), null when unknown. */
    public String offsetText() {
        return offset == null ? null : offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    }

    /** Where a capture time's UTC offset came from; {@link #code()} is what the database and master JSON hold. */
    public enum OffsetSource {
        /** The file's own offset: a zone written with the time, or OffsetTimeOriginal/OffsetTimeDigitized/OffsetTime. */
        OFFSET_TAG("offset_tag"),
        /** Local time minus the GPS clock (UTC), rounded to a quarter hour. */
        GPS_TIME("gps_time"),
        /** QuickTime's CreateDate, which that format defines as UTC. */
        QUICKTIME_UTC("quicktime_utc"),
        /** Nothing in the file says, so the time zone at the photo's GPS position (offline boundaries): a recorded guess. */
        GPS_POSITION("gps_position"),
        /** Nothing in the file says, so the time zone of the location's state (state_time_zones.json): a recorded guess. */
        LOCATION_STATE("location_state"),
        /** Nothing in the file or the location says: the local time is kept, the UTC time is not guessed. */
        UNKNOWN("unknown");

        private final String code;

        OffsetSource(String code) {
            this.code = code;
        }

        /** The name stored in img_offset_source / vid_offset_source. */
        public String code() {
            return code;
        }
    }
}
