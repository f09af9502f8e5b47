package org.aupat.archive.organizing;

import java.util.List;
import org.aupat.archive.hardware.HardwareCategory;
import org.aupat.archive.media.MediaType;
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
    record Organized(MediaType type, String sha, HardwareCategory category, String hardwareJson, String rawJson, String taken,
                     Double latitude, Double longitude, Double duration, String codec, Integer width, Integer height) {
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
                    + " img_gps_lat = ?, img_gps_lon = ?, img_update = ? WHERE img_sha256 = ?", o.rawJson(), o.hardwareJson(),
                    o.taken(), o.latitude(), o.longitude(), now, o.sha());
        } else {
            jdbc.update("UPDATE videos SET " + set + ", ffmpeg_hardware = ?, vid_hardware = ?, vid_taken = ?,"
                    + " vid_gps_lat = ?, vid_gps_lon = ?, vid_duration = ?, vid_codec = ?, vid_width = ?, vid_height = ?,"
                    + " vid_update = ? WHERE vid_sha256 = ?", o.rawJson(), o.hardwareJson(), o.taken(), o.latitude(),
                    o.longitude(), o.duration(), o.codec(), o.width(), o.height(), now, o.sha());
        }
    }
}
