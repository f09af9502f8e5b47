package org.aupat.archive.trash;

import org.aupat.foundation.db.SqlDialect;
import org.aupat.foundation.db.Tables;
import org.aupat.foundation.db.Tables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.archive.media.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The rows the trash works on: live media rows (images, videos, documents) read and removed whole, and the
 * {@code trash} table that keeps each trashed file's row and where it was, until restore or emptying.
 */
@Repository
public class TrashRepository {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private final String trashedColumns;
    private final String importOfRow;
    private final JdbcTemplate jdbc;

    public TrashRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.importOfRow = dialect.jsonText("media_row", "imp_id");
        this.trashedColumns = "*, " + importOfRow + " AS imp_id";
    }

    /**
     * A media row as the trash decides on it. {@code partners} are the SHA-256 its relationship columns name
     * (live-photo video, RAW+JPEG pair, sidecars and document links).
     */
    public record LiveFile(MediaType type, String sha, String loc, String locationUuid, String subUuid,
                           String originalFolder, String originalName, boolean archived, boolean verified,
                           String importId, List<String> partners) {
    }

    /** One file in the trash: where it lies now, where it was, and its whole media row. */
    public record Trashed(long id, MediaType type, String sha, String trashPath, String archivePath, String locationUuid,
                          String subUuid, String originalFolder, String originalName, String group, String relations,
                          String mediaRow, Long size, String trashed, String reason, String importId) {
    }

    /** The relationship columns of each table: each holds a JSON array of SHA-256. */
    static List<String> relationColumns(MediaType type) {
        return switch (type) {
            case IMAGE -> List.of("img_docs", "img_vids", "img_pairs");
            case VIDEO -> List.of("vid_docs", "vid_imgs");
            case DOCUMENT -> List.of("docs_img", "docs_vid");
        };
    }

    /** Live rows whose SHA-256 starts with this lowercase hex prefix, in any table. */
    public List<LiveFile> byShaPrefix(String prefix) {
        List<LiveFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            String sha = type.prefix() + "_sha256";
            found.addAll(live(type, sha + " >= ? AND " + sha + " < ?", prefix, prefix + "g"));
        }
        return found;
    }

    /** The live row of exactly these bytes, in any table. */
    public Optional<LiveFile> bySha(String sha) {
        return byShaPrefix(sha).stream().filter(f -> f.sha().equals(sha)).findFirst();
    }

    /** Live rows imported under this original file name (of one location when not null). */
    public List<LiveFile> byOriginalName(String name, String locationUuid) {
        List<LiveFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            String where = type.prefix() + "_nameo = ?" + (locationUuid == null ? "" : " AND loc_uuid = ?");
            found.addAll(locationUuid == null ? live(type, where, name) : live(type, where, name, locationUuid));
        }
        return found;
    }

    /** Every live row one import brought. */
    public List<LiveFile> ofImport(String importId) {
        List<LiveFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            found.addAll(live(type, "imp_id = ?", importId));
        }
        return found;
    }

    /** Every live row of a location. */
    public List<LiveFile> ofLocation(String locationUuid) {
        List<LiveFile> found = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            found.addAll(live(type, "loc_uuid = ?", locationUuid));
        }
        return found;
    }

    private List<LiveFile> live(MediaType type, String where, Object... args) {
        String p = type.prefix();
        String relations = String.join(" || ' ' || ", relationColumns(type).stream()
                .map(c -> "COALESCE(" + c + ", '')").toList());
        return jdbc.query("SELECT " + p + "_sha256, " + p + "_loc, loc_uuid, sub_uuid, " + p + "_loco, " + p + "_nameo, "
                + p + "_archived, " + p + "_verified, imp_id, " + relations + " FROM " + type.table() + " WHERE " + where
                + " ORDER BY " + p + "_sha256", (rs, i) -> new LiveFile(type, rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7) != null,
                rs.getString(8) != null, rs.getString(9), shas(rs.getString(10))), args);
    }

    private static List<String> shas(String text) {
        List<String> shas = new ArrayList<>();
        Matcher m = SHA.matcher(text == null ? "" : text);
        while (m.find()) {
            shas.add(m.group());
        }
        return shas;
    }

    /** The whole live row, column by column (as SQLite stores it), or empty when there is none. */
    public Optional<Map<String, Object>> row(MediaType type, String sha) {
        return jdbc.queryForList("SELECT * FROM " + type.table() + " WHERE " + type.prefix() + "_sha256 = ?", sha)
                .stream().findFirst().map(LinkedHashMap::new);
    }

    public void deleteRow(MediaType type, String sha) {
        jdbc.update("DELETE FROM " + type.table() + " WHERE " + type.prefix() + "_sha256 = ?", sha);
    }

    /** Puts a row back as it was read by {@link #row}; only the table's own columns are accepted. */
    public void insertRow(MediaType type, Map<String, Object> row) {
        List<String> columns = Tables.columns(jdbc, type.table());
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        row.forEach((column, value) -> {
            if (!columns.contains(column)) {
                throw new IllegalStateException("the trashed row names the column " + column + ", which "
                        + type.table() + " does not have");
            }
            names.add(column);
            values.add(value);
        });
        jdbc.update("INSERT INTO " + type.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")", values.toArray());
    }

    public boolean locationExists(String uuid) {
        return count("SELECT count(*) FROM locations WHERE loc_uuid = ?", uuid) > 0;
    }

    public boolean subLocationExists(String uuid) {
        return count("SELECT count(*) FROM sub_locations WHERE sub_uuid = ?", uuid) > 0;
    }

    /** Marks a location changed, so that its master JSON is written again. */
    public void touchLocation(String uuid, String now) {
        jdbc.update("UPDATE locations SET loc_update = ? WHERE loc_uuid = ?", now, uuid);
    }

    public void insert(Trashed t) {
        jdbc.update("INSERT INTO trash (media_type, sha256, trash_path, archive_path, loc_uuid, sub_uuid, original_folder,"
                        + " original_name, trash_group, relations, media_row, size, trashed, reason)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", t.type().prefix(), t.sha(), t.trashPath(), t.archivePath(),
                t.locationUuid(), t.subUuid(), t.originalFolder(), t.originalName(), t.group(), t.relations(), t.mediaRow(),
                t.size(), t.trashed(), t.reason());
    }

    public void delete(long id) {
        jdbc.update("DELETE FROM trash WHERE trash_id = ?", id);
    }

    public List<Trashed> trashedByShaPrefix(String prefix) {
        return trashed("sha256 >= ? AND sha256 < ?", prefix, prefix + "g");
    }

    /** Trashed files with this original name (of one location when not null). */
    public List<Trashed> trashedByOriginalName(String name, String locationUuid) {
        return locationUuid == null ? trashed("original_name = ?", name)
                : trashed("original_name = ? AND loc_uuid = ?", name, locationUuid);
    }

    /** Trashed files one import brought (the import is kept in each trashed row). */
    public List<Trashed> trashedOfImport(String importId) {
        return trashed(importOfRow + " = ?", importId);
    }

    public List<Trashed> trashedOfLocation(String locationUuid) {
        return trashed("loc_uuid = ?", locationUuid);
    }

    /** The files trashed together with one: same group, same location. */
    public List<Trashed> trashedGroup(String group, String locationUuid) {
        return trashed("trash_group = ? AND loc_uuid = ?", group, locationUuid);
    }

    public Optional<Trashed> trashedAt(String trashPath) {
        return trashed("trash_path = ?", trashPath).stream().findFirst();
    }

    /** Files trashed before this time (the UTC text the clock writes), oldest first. */
    public List<Trashed> trashedBefore(String before) {
        return jdbc.query("SELECT " + trashedColumns + " FROM trash WHERE trashed < ? ORDER BY trashed, trash_id", (rs, i) -> trashed(rs), before);
    }

    /** Whether the database has the trash table (migrated far enough). */
    public boolean hasTrashTable() {
        return Tables.exist(jdbc, "trash");
    }

    /** How many files the trash holds, and their bytes. */
    public long[] contents() {
        return jdbc.queryForObject("SELECT count(*), COALESCE(sum(size), 0) FROM trash",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    private List<Trashed> trashed(String where, Object... args) {
        return jdbc.query("SELECT " + trashedColumns + " FROM trash WHERE " + where + " ORDER BY trash_group, sha256", (rs, i) -> trashed(rs),
                args);
    }

    private static Trashed trashed(java.sql.ResultSet rs) throws java.sql.SQLException {
        Object size = rs.getObject("size");
        return new Trashed(rs.getLong("trash_id"), MediaType.fromPrefix(rs.getString("media_type")), rs.getString("sha256"),
                rs.getString("trash_path"), rs.getString("archive_path"), rs.getString("loc_uuid"), rs.getString("sub_uuid"),
                rs.getString("original_folder"), rs.getString("original_name"), rs.getString("trash_group"),
                rs.getString("relations"), rs.getString("media_row"), size == null ? null : ((Number) size).longValue(), rs.getString("trashed"), rs.getString("reason"),
                rs.getString("imp_id"));
    }

    private long count(String sql, Object arg) {
        Long n = jdbc.queryForObject(sql, Long.class, arg);
        return n == null ? 0 : n;
    }
}
