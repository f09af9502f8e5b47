package org.aupat.archive.organizing;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows and JSON-array columns the relationship pass reads and updates. */
@Repository
class RelationshipRepository {
    /** A file of a location as its original folder and name knew it. */
    record Original(String sha, String folder, String name, boolean phone, boolean staged) {
    }

    private final JdbcTemplate jdbc;

    RelationshipRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Original> images(String locationUuid) {
        return jdbc.query("SELECT img_sha256, img_loco, img_nameo, phone FROM images WHERE loc_uuid = ?",
                (rs, i) -> new Original(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) == 1, false),
                locationUuid);
    }

    /** Videos; "staged" means not archived yet (see MediaState), so a reclassification can still choose its folder. */
    List<Original> videos(String locationUuid) {
        return jdbc.query("SELECT vid_sha256, vid_loco, vid_nameo, 0, CASE WHEN vid_archived IS NULL THEN 1 ELSE 0 END FROM videos"
                + " WHERE loc_uuid = ?",
                (rs, i) -> new Original(rs.getString(1), rs.getString(2), rs.getString(3), false, rs.getInt(5) == 1),
                locationUuid);
    }

    List<Original> documents(String locationUuid, String ext) {
        return jdbc.query("SELECT doc_sha256, doc_loco, doc_nameo, 0, 1 FROM documents WHERE loc_uuid = ? AND doc_ext = ?",
                (rs, i) -> new Original(rs.getString(1), rs.getString(2), rs.getString(3), false, true), locationUuid, ext);
    }

    String array(String table, String column, String shaColumn, String sha) {
        return jdbc.queryForObject("SELECT " + column + " FROM " + table + " WHERE " + shaColumn + " = ?", String.class, sha);
    }

    void setArray(String table, String column, String shaColumn, String sha, String json, String now, String updateColumn) {
        jdbc.update("UPDATE " + table + " SET " + column + " = ?, " + updateColumn + " = ? WHERE " + shaColumn + " = ?",
                json, now, sha);
    }

    /** Locations last linked by rules older than {@code version}, or never (see V15). */
    List<String> locationsLinkedBefore(int version) {
        return jdbc.queryForList("SELECT loc_uuid FROM locations WHERE loc_links IS NULL OR loc_links < ? ORDER BY loc_uuid",
                String.class, version);
    }

    void markLinked(String locationUuid, int version) {
        jdbc.update("UPDATE locations SET loc_links = ? WHERE loc_uuid = ?", version, locationUuid);
    }

    /** A paired live-photo video belongs in original_other, whatever its hardware (docs/rules.md, Relationships). */
    void makeLiveVideo(String videoSha, String now) {
        jdbc.update("UPDATE videos SET camera = 0, drone = 0, phone = 0, go_pro = 0, dash_cam = 0, other = 1,"
                + " vid_update = ? WHERE vid_sha256 = ? AND original = 1 AND other = 0", now, videoSha);
    }
}
