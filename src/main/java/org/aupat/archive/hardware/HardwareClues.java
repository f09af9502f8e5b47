package org.aupat.archive.hardware;

import org.aupat.archive.metadata.ExifMetadata;

/**
 * What else a file says about the device that made it, beside make and model: read by exiftool, used
 * by camera_hardware.json's make hints (a GoPro video without a Make tag) and its rule for unknown makes
 * with exposure data.
 *
 * @param firmware FirmwareVersion as written, null when absent
 * @param software Software as written, null when absent
 * @param handler  a video's HandlerDescription ("GoPro AVC"), null when absent
 * @param exposure true when the file records exposure time, aperture or focal length
 */
public record HardwareClues(String firmware, String software, String handler, boolean exposure) {
    /** Nothing beside make and model is known. */
    public static final HardwareClues NONE = new HardwareClues(null, null, null, false);

    /** The clues in what exiftool read; {@link #NONE} when nothing was read. */
    public static HardwareClues of(ExifMetadata exif) {
        return exif == null ? NONE : new HardwareClues(exif.firmware(), exif.software(), exif.handler(), exif.exposure());
    }
}
