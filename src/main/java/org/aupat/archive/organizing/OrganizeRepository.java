package org.aupat.archive.organizing;

import java.util.List;
import org.aupat.archive.ArchiveClock;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.metadata.CaptureTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes what db_organize learned about an image or video: metadata, hardware and flags. */
@Repository
class OrganizeRepository {
    private final JdbcTemplate jdbc;

    OrganizeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What one file's row gets. */
    record Organized(MediaType type, String sha, HardwareCategory category, String hardwareJson, String rawJson,
                     CaptureTime capture, boolean damaged,
                     Double latitude, Double longitude, Double duration, String codec, Integer width, Integer height) {
        /** The capture time in UTC as the database holds it, null when its offset is unknown. */
        String taken() {
            return capture.utc() == null ? null : ArchiveClock.format(capture.utc());
        }

        /** The camera's clock as read ("2023-05-01T10:00:00"), null when the file has no time. */
        String takenLocal() {
            return capture.localText();
        }
    }

    void save(Organized o, String now) {
        List<String> flags = o.type().flagColumns();
        String set1 = o.category().flag(o.type());
        StringBuilder set = new StringBuilder("original = 1");
        for (String flag : flags) {
            set.append(", ").append(flag).append(" = ").append(flag.equals(set1) ? 1 : 0);
        }
        if (o.type() == MediaType.IMAGE) {
            jdbc.update("UPDATE images SET " + set + ", exiftool_hardware = ?, img_hardware = ?, img_taken = ?,"
                    + " img_taken_local = ?, img_taken_tag = ?, img_taken_offset = ?, img_offset_source = ?, img_damaged = ?,"
                    + " img_gps_lat = ?, img_gps_lon = ?, img_update = ? WHERE img_sha256 = ?", o.rawJson(), o.hardwareJson(),
                    o.taken(), o.takenLocal(), o.capture().localTag(), o.capture().offsetText(),
                    o.capture().offsetSource().code(), o.damaged() ? 1 : 0, o.latitude(), o.longitude(), now, o.sha());
        } else {
            jdbc.update("UPDATE videos SET " + set + ", ffmpeg_hardware = ?, vid_hardware = ?, vid_taken = ?,"
                    + " vid_taken_local = ?, vid_taken_tag = ?, vid_taken_offset = ?, vid_offset_source = ?, vid_damaged = ?,"
                    + " vid_gps_lat = ?, vid_gps_lon = ?, vid_duration = ?, vid_codec = ?, vid_width = ?, vid_height = ?,"
                    + " vid_update = ? WHERE vid_sha256 = ?", o.rawJson(), o.hardwareJson(), o.taken(), o.takenLocal(),
                    o.capture().localTag(), o.capture().offsetText(), o.capture().offsetSource().code(), o.damaged() ? 1 : 0,
                    o.latitude(), o.longitude(), o.duration(), o.codec(), o.width(), o.height(), now, o.sha());
        }
    }
}
