package org.aupat.archive.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.archive.metadata.CaptureTime.OffsetSource;

/**
 * Turns one exiftool JSON object into {@link ExifMetadata}: text fields, the capture time with its
 * offset's provenance, signed GPS, exposure data and damage. The order in which tags are trusted is
 * described in the README ("Capture time").
 */
final class ExifJson {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2})(\\.\\d+)?\\s*(Z|[+-]\\d{2}:\\d{2})?(\\s.*)?");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}|Z");
    private static final Pattern GPS_CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2}):(\\d{2})(\\.\\d+)?Z?");
    private static final Pattern NUMBER = Pattern.compile("[0-9]*\\.?[0-9]+(/[0-9]*\\.?[0-9]+)?");
    /** Placeholders some cameras and QuickTime write for "no date". */
    private static final List<LocalDateTime> NO_DATE = List.of(LocalDateTime.of(1904, 1, 1, 0, 0),
            LocalDateTime.of(1970, 1, 1, 0, 0));
    /** Tags holding the camera's capture time, most trusted first, each with the offset tag that belongs to it. */
    private static final List<String[]> TIME_TAGS = List.of(
            new String[] {"DateTimeOriginal", "OffsetTimeOriginal"},
            new String[] {"CreationDate", "OffsetTime"}, // QuickTime Keys: phones write it with its zone
            new String[] {"CreateDate", "OffsetTimeDigitized"},
            new String[] {"DateTimeCreated", null}, // IPTC/XMP
            new String[] {"MediaCreateDate", null},
            new String[] {"TrackCreateDate", null});
    /** QuickTime's own timestamps, UTC by that format's definition. */
    private static final List<String> QUICKTIME_UTC_TAGS = List.of("CreateDate", "MediaCreateDate", "TrackCreateDate");
    /** Words in an exiftool warning that mean the file's bytes are damaged, not merely unusual. */
    private static final Pattern DAMAGE_WARNING = Pattern.compile(
            "format error|truncated|corrupt|error reading|missing .*eoi|bad .*(header|segment|directory)",
            Pattern.CASE_INSENSITIVE);

    private ExifJson() {
    }

    static ExifMetadata parse(JsonNode object) {
        return parse(object, null);
    }

    /** As {@link #parse(JsonNode)}, and a JPEG {@code file} is also checked for a missing end (see {@link JpegEnd}). */
    static ExifMetadata parse(JsonNode object, java.nio.file.Path file) {
        String error = text(object, "Error");
        String warning = text(object, "Warning");
        String damage = error != null ? error
                : warning != null && DAMAGE_WARNING.matcher(warning).find() ? warning : null;
        if (damage == null && file != null && "JPEG".equals(text(object, "FileType")) && JpegEnd.truncated(file)) {
            damage = "the JPEG ends before its image data does (truncated)";
        }
        return new ExifMetadata(text(object, "Make"), text(object, "Model"), capture(object),
                number(object, "GPSLatitude"), number(object, "GPSLongitude"), error, damage, exposure(object),
                text(object, "FirmwareVersion"), text(object, "Software"), text(object, "HandlerDescription"),
                object.toString());
    }

    /** The first capture-time tag that holds a real date, and its offset from the best source that has one. */
    static CaptureTime capture(JsonNode object) {
        for (String[] tags : TIME_TAGS) {
            String value = text(object, tags[0]);
            Matcher m = value == null ? null : TIME.matcher(value);
            if (m == null || !m.matches()) {
                continue;
            }
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(m.group(1), EXIF_TIME);
            } catch (DateTimeParseException e) {
                continue; // "0000:00:00 00:00:00" and other placeholders cameras write
            }
            if (NO_DATE.contains(local)) {
                continue;
            }
            return withOffset(object, local, tags[0], m.group(3), tags[1]);
        }
        return CaptureTime.NONE;
    }

    private static CaptureTime withOffset(JsonNode object, LocalDateTime local, String tag, String zone, String offsetTag) {
        String offset = zone;
        if (offset == null && offsetTag != null) {
            offset = text(object, offsetTag);
        }
        if (offset == null && offsetTag != null) {
            offset = text(object, "OffsetTime");
        }
        if (offset != null && OFFSET.matcher(offset).matches()) {
            return new CaptureTime(local, tag, ZoneOffset.of(offset), OffsetSource.OFFSET_TAG);
        }
        ZoneOffset fromGps = gpsOffset(object, local);
        if (fromGps != null) {
            return new CaptureTime(local, tag, fromGps, OffsetSource.GPS_TIME);
        }
        if (QUICKTIME_UTC_TAGS.contains(tag) && isQuickTime(object)) {
            return new CaptureTime(local, tag, ZoneOffset.UTC, OffsetSource.QUICKTIME_UTC);
        }
        return new CaptureTime(local, tag, null, OffsetSource.UNKNOWN);
    }

    /**
     * The camera's offset from the GPS clock (UTC) written at the same moment: the difference rounded to a
     * quarter hour, which absorbs a fix taken a few minutes before the shot. Null when there is no GPS time
     * or the difference is no real time zone (beyond -12:00 .. +14:00).
     */
    static ZoneOffset gpsOffset(JsonNode object, LocalDateTime local) {
        String clock = text(object, "GPSTimeStamp");
        Matcher m = clock == null ? null : GPS_CLOCK.matcher(clock);
        if (m == null || !m.matches()) {
            return null;
        }
        LocalTime gpsTime;
        try {
            gpsTime = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
        long minutes;
        String stamp = text(object, "GPSDateStamp");
        LocalDate gpsDate = null;
        try {
            gpsDate = stamp == null ? null : LocalDate.parse(stamp, DateTimeFormatter.ofPattern("yyyy:MM:dd"));
        } catch (DateTimeParseException e) {
            gpsDate = null;
        }
        if (gpsDate != null) {
            minutes = Duration.between(LocalDateTime.of(gpsDate, gpsTime), local).toMinutes();
        } else {
            // Only the time of day: the offset is the difference that is a real zone, across midnight if need be.
            minutes = Duration.between(gpsTime, local.toLocalTime()).toMinutes();
            if (minutes < -12 * 60) {
                minutes += 24 * 60;
            } else if (minutes > 14 * 60) {
                minutes -= 24 * 60;
            }
        }
        long quarters = Math.round(minutes / 15.0);
        if (quarters < -12 * 4 || quarters > 14 * 4) {
            return null;
        }
        return ZoneOffset.ofTotalSeconds((int) quarters * 15 * 60);
    }

    /** Exposure time, aperture or focal length above zero: a real camera took this, whatever its make. */
    private static boolean exposure(JsonNode object) {
        for (String tag : List.of("ExposureTime", "FNumber", "FocalLength")) {
            String value = text(object, tag);
            if (value == null) {
                continue;
            }
            Matcher m = NUMBER.matcher(value.replace(" mm", "").trim());
            if (m.matches()) {
                String[] parts = value.replace(" mm", "").trim().split("/");
                double n = Double.parseDouble(parts[0]);
                if (n > 0 && (parts.length == 1 || Double.parseDouble(parts[1]) > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isQuickTime(JsonNode object) {
        String type = text(object, "FileType");
        return type != null && List.of("MOV", "MP4", "M4V", "3GP", "3G2")
                .contains(type.toUpperCase(Locale.ROOT));
    }

    static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().trim();
        return value.isEmpty() ? null : value;
    }

    private static Double number(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.valueOf(node.asText().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
