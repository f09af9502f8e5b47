package org.aupat.archive.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one exiftool JSON object into {@link ExifMetadata}: text fields, UTC capture time, signed GPS. */
final class ExifJson {
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4}:\\d{2}:\\d{2} \\d{2}:\\d{2}:\\d{2})(\\.\\d+)?\\s*(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}|Z");

    private ExifJson() {
    }

    static ExifMetadata parse(JsonNode object) {
        Times original = times(object, "DateTimeOriginal", "OffsetTimeOriginal");
        Times keys = times(object, "CreationDate", "OffsetTime"); // QuickTime Keys: phones write it with a zone
        Times created = times(object, "CreateDate", "OffsetTimeDigitized");
        Times chosen = original.local != null ? original : keys.utc != null ? keys : created;
        Instant utc = chosen.utc;
        if (utc == null && chosen == created && created.local != null && isQuickTime(object)) {
            // QuickTime stores CreateDate in UTC by definition (unlike EXIF, which has no zone).
            utc = created.local.toInstant(ZoneOffset.UTC);
        }
        return new ExifMetadata(text(object, "Make"), text(object, "Model"), utc, chosen.local,
                number(object, "GPSLatitude"), number(object, "GPSLongitude"), text(object, "Error"),
                object.toString());
    }

    private record Times(LocalDateTime local, Instant utc) {
    }

    private static Times times(JsonNode object, String timeTag, String offsetTag) {
        String value = text(object, timeTag);
        Matcher m = value == null ? null : TIME.matcher(value);
        if (m == null || !m.matches()) {
            return new Times(null, null);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(m.group(1), EXIF_TIME);
        } catch (DateTimeParseException e) {
            return new Times(null, null); // "0000:00:00 00:00:00" and other placeholders cameras write
        }
        String offset = m.group(3) != null ? m.group(3) : text(object, offsetTag);
        if (offset == null) {
            offset = text(object, "OffsetTime");
        }
        if (offset == null || !OFFSET.matcher(offset).matches()) {
            return new Times(local, null);
        }
        return new Times(local, local.toInstant(ZoneOffset.of(offset)));
    }

    private static boolean isQuickTime(JsonNode object) {
        String type = text(object, "FileType");
        return type != null && (type.equals("MOV") || type.equals("MP4") || type.equals("M4V") || type.equals("3GP"));
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
