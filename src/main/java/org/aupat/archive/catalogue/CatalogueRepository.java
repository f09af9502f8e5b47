package org.aupat.archive.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Reads what the catalogue shows; never writes. Media rows are streamed, a location at a time. */
@Repository
class CatalogueRepository {
    /** A location's own facts. */
    record LocationRow(String uuid, String name, String aka, String state, String type, String subType, String author,
                       String added) {
    }

    /** A photo or video: {@code video} tells which; the JSON columns are kept as text. */
    record MediaRow(boolean video, String sha, String path, String originalName, String originalFolder, String category,
                    String hardwareJson, String takenLocal, String taken, Double lat, Double lon, boolean damaged,
                    boolean archived, boolean verified, String subUuid, String pairsJson, String linkedMediaJson,
                    String docsJson) {
    }

    /** A document. */
    record DocumentRow(String sha, String path, String originalName, String ext, boolean archived, boolean verified,
                       String subUuid) {
    }

    /** A web link recorded for the location. */
    record UrlRow(String url, String domain) {
    }

    /** A sub-location. */
    record SubLocationRow(String uuid, String name) {
    }

    /** A file a thumbnail is made for. */
    record ThumbnailSource(String sha, String path, boolean video) {
    }

    private static final String IMAGE_CATEGORY = "CASE WHEN camera = 1 THEN 'camera' WHEN phone = 1 THEN 'phone'"
            + " WHEN drone = 1 THEN 'drone' WHEN go_pro = 1 THEN 'go_pro' WHEN film = 1 THEN 'film' ELSE 'other' END";
    private static final String VIDEO_CATEGORY = "CASE WHEN camera = 1 THEN 'camera' WHEN phone = 1 THEN 'phone'"
            + " WHEN drone = 1 THEN 'drone' WHEN go_pro = 1 THEN 'go_pro' WHEN dash_cam = 1 THEN 'dash_cam' ELSE 'other' END";

    private final JdbcTemplate jdbc;

    CatalogueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<LocationRow> locations() {
        return jdbc.query("SELECT loc_uuid, loc_name, aka_name, state, type, sub_type, imp_author, loc_add FROM locations"
                + " ORDER BY loc_name, loc_uuid", (rs, i) -> new LocationRow(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
    }

    /** Every photo and video, for the thumbnails: sha, where the file is, and which kind. */
    void thumbnailSources(Consumer<ThumbnailSource> sink) {
        jdbc.query("SELECT img_sha256, img_loc, 0 FROM images UNION ALL SELECT vid_sha256, vid_loc, 1 FROM videos",
                (RowCallbackHandler) rs -> sink.accept(new ThumbnailSource(rs.getString(1), rs.getString(2), rs.getInt(3) == 1)));
    }

    void media(String location, Consumer<MediaRow> sink) {
        jdbc.query("SELECT 0, img_sha256, img_loc, img_nameo, img_loco, " + IMAGE_CATEGORY + ", img_hardware,"
                + " img_taken_local, img_taken, img_gps_lat, img_gps_lon, img_damaged, img_archived, img_verified, sub_uuid,"
                + " img_pairs, img_vids, img_docs FROM images WHERE loc_uuid = ?"
                + " UNION ALL SELECT 1, vid_sha256, vid_loc, vid_nameo, vid_loco, " + VIDEO_CATEGORY + ", vid_hardware,"
                + " vid_taken_local, vid_taken, vid_gps_lat, vid_gps_lon, vid_damaged, vid_archived, vid_verified, sub_uuid,"
                + " NULL, vid_imgs, vid_docs FROM videos WHERE loc_uuid = ? ORDER BY 8, 4, 2",
                (RowCallbackHandler) rs -> sink.accept(media(rs)), location, location);
    }

    private static MediaRow media(ResultSet rs) throws SQLException {
        return new MediaRow(rs.getInt(1) == 1, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), real(rs, 10), real(rs, 11),
                rs.getInt(12) == 1, rs.getString(13) != null, rs.getString(14) != null, rs.getString(15),
                rs.getString(16), rs.getString(17), rs.getString(18));
    }

    private static Double real(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    List<DocumentRow> documents(String location) {
        return jdbc.query("SELECT doc_sha256, doc_loc, doc_nameo, doc_ext, doc_archived, doc_verified, sub_uuid"
                + " FROM documents WHERE loc_uuid = ? ORDER BY doc_nameo, doc_sha256",
                (rs, i) -> new DocumentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) != null, rs.getString(6) != null, rs.getString(7)), location);
    }

    List<UrlRow> urls(String location) {
        return jdbc.query("SELECT url, domain FROM urls WHERE loc_uuid = ? ORDER BY url_add, url_uuid",
                (rs, i) -> new UrlRow(rs.getString(1), rs.getString(2)), location);
    }

    List<SubLocationRow> subLocations(String location) {
        return jdbc.query("SELECT sub_uuid, sub_name FROM sub_locations WHERE loc_uuid = ? ORDER BY sub_name, sub_uuid",
                (rs, i) -> new SubLocationRow(rs.getString(1), rs.getString(2)), location);
    }
}
