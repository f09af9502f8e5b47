package org.aupat.archive.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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

    /** One location's photos and videos, for their thumbnails: sha, where the file is, and which kind. */
    void thumbnailSources(String location, Consumer<ThumbnailSource> sink) {
        jdbc.query("SELECT img_sha256, img_loc, 0 FROM images WHERE loc_uuid = ?"
                        + " UNION ALL SELECT vid_sha256, vid_loc, 1 FROM videos WHERE loc_uuid = ?",
                (RowCallbackHandler) rs -> sink.accept(new ThumbnailSource(rs.getString(1), rs.getString(2), rs.getInt(3) == 1)),
                location, location);
    }

    /** Every photo and video as (location, sha): which location a thumbnail belongs to. */
    void mediaShas(BiConsumer<String, String> sink) {
        jdbc.query("SELECT loc_uuid, img_sha256 FROM images UNION ALL SELECT loc_uuid, vid_sha256 FROM videos",
                (RowCallbackHandler) rs -> sink.accept(rs.getString(1), rs.getString(2)));
    }

    /**
     * Per location, a text made of aggregates the database computes over each table it shows (no row reaches
     * Java): how many rows, the latest time a row was added, updated (every writer of a shown field sets it:
     * organizing, archiving, linking, moving, renaming) and verified, how many are verified, archived, damaged or
     * in a sub-location, plus the location's own last change (a trash, restore, move or merge touches it). The
     * media tables answer from their catalogue index (V17) without reading a row. A change to what a page shows
     * changes this text; the text can change without the page changing (a new verification time), which costs
     * only a closer look.
     */
    Map<String, String> changeMarks() {
        Map<String, StringBuilder> marks = new HashMap<>();
        marks(marks, "l", "SELECT loc_uuid, loc_update FROM locations");
        for (String[] t : new String[][] {{"i", "images", "img"}, {"v", "videos", "vid"}}) {
            String p = t[2];
            marks(marks, t[0], "SELECT loc_uuid, count(*), max(" + p + "_add), max(" + p + "_update), count(" + p
                    + "_verified), max(" + p + "_verified), count(" + p + "_archived), sum(" + p + "_damaged), count(sub_uuid)"
                    + " FROM " + t[1] + " GROUP BY loc_uuid");
        }
        marks(marks, "d", "SELECT loc_uuid, count(*), max(doc_add), max(doc_update), count(doc_verified), max(doc_verified),"
                + " count(doc_archived), count(sub_uuid) FROM documents GROUP BY loc_uuid");
        marks(marks, "u", "SELECT loc_uuid, count(*), max(url_add), max(url_update), sum(length(url)) FROM urls"
                + " GROUP BY loc_uuid");
        marks(marks, "s", "SELECT loc_uuid, count(*), max(loc_update), sum(length(sub_name)) FROM sub_locations"
                + " GROUP BY loc_uuid");
        Map<String, String> out = new HashMap<>();
        marks.forEach((uuid, text) -> out.put(uuid, text.toString()));
        return out;
    }

    private void marks(Map<String, StringBuilder> marks, String table, String sql) {
        jdbc.query(sql, (RowCallbackHandler) rs -> {
            StringBuilder text = marks.computeIfAbsent(rs.getString(1), k -> new StringBuilder());
            text.append(table);
            int columns = rs.getMetaData().getColumnCount();
            for (int i = 2; i <= columns; i++) {
                String value = rs.getString(i);
                text.append('|').append(value == null ? "-" : value);
            }
            text.append(';');
        });
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
