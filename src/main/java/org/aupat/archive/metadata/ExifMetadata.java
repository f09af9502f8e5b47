package org.aupat.archive.metadata;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What exiftool says about one file.
 *
 * @param make            EXIF/QuickTime make, null when absent
 * @param model           EXIF/QuickTime model, null when absent
 * @param capture         capture time as the camera's clock showed it, with its offset and where that came from
 * @param latitude        signed decimal degrees (south negative), null when absent
 * @param longitude       signed decimal degrees (west negative), null when absent
 * @param fileError       exiftool's own verdict on an unreadable file ("File is empty"), null when fine
 * @param damage          why the file looks damaged (exiftool's error, or a warning that says so), null when fine
 * @param exposure        true when the file records real exposure data (exposure time, aperture or focal length)
 * @param firmware        FirmwareVersion as the camera wrote it, null when absent
 * @param software        Software as written, null when absent
 * @param handler         a video track's HandlerDescription ("GoPro AVC"), null when absent
 * @param rawJson         exiftool's whole JSON object for the file, kept as exiftool_hardware
 */
public record ExifMetadata(String make, String model, CaptureTime capture, Double latitude, Double longitude,
                           String fileError, String damage, boolean exposure, String firmware, String software, String handler,
                           String rawJson) {

    /** Capture time in UTC; null when the file has no time or no known offset. */
    public Instant capturedAt() {
        return capture.utc();
    }

    /** Capture time as the camera's clock showed it (no zone), null when absent. */
    public LocalDateTime capturedLocal() {
        return capture.local();
    }

    /** The tag prefix of a capture time read from a video's thumbnail: "THM:DateTimeOriginal". */
    public static final String THUMBNAIL_TAG_PREFIX = "THM:";

    /** What exiftool's JSON object for one file (as kept in the database) says. */
    public static ExifMetadata fromJson(String exiftoolJson) {
        try {
            return ExifJson.parse(new com.fasterxml.jackson.databind.ObjectMapper().readTree(exiftoolJson));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not exiftool JSON: " + exiftoolJson, e);
        }
    }

    /**
     * A video's metadata with what its thumbnail (a same-stem .THM) says filling only what the video lacks:
     * the capture time (its tag recorded as {@code THM:<tag>}, its offset and offset source as the thumbnail
     * has them), make, model, firmware, software and exposure data. The video's own values always win; its
     * damage verdict and JSON stay its own; a position is taken whole.
     */
    public ExifMetadata orFromThumbnail(ExifMetadata thumbnail) {
        CaptureTime time = capture.local() != null || thumbnail.capture().local() == null ? capture
                : new CaptureTime(thumbnail.capture().local(), THUMBNAIL_TAG_PREFIX + thumbnail.capture().localTag(),
                thumbnail.capture().offset(), thumbnail.capture().offsetSource());
        boolean position = latitude != null || longitude != null;
        return new ExifMetadata(make != null ? make : thumbnail.make(), model != null ? model : thumbnail.model(), time,
                position ? latitude : thumbnail.latitude(), position ? longitude : thumbnail.longitude(),
                fileError, damage, exposure || thumbnail.exposure(), firmware != null ? firmware : thumbnail.firmware(),
                software != null ? software : thumbnail.software(), handler, rawJson);
    }
}
