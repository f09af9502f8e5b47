package org.aupat.archive.metadata;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What exiftool says about one file.
 *
 * @param make            EXIF/QuickTime make, null when absent
 * @param model           EXIF/QuickTime model, null when absent
 * @param capturedAt      capture time in UTC; null when the file has no time or no known offset
 * @param capturedLocal   capture time as the camera's clock showed it (no zone), null when absent
 * @param latitude        signed decimal degrees (south negative), null when absent
 * @param longitude       signed decimal degrees (west negative), null when absent
 * @param fileError       exiftool's own verdict on an unreadable file ("File is empty"), null when fine
 * @param rawJson         exiftool's whole JSON object for the file, kept as exiftool_hardware
 */
public record ExifMetadata(String make, String model, Instant capturedAt, LocalDateTime capturedLocal,
                           Double latitude, Double longitude, String fileError, String rawJson) {
}
