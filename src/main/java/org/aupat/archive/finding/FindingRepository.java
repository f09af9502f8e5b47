package org.aupat.archive.finding;

import org.aupat.foundation.db.SqlDialect;
import org.aupat.foundation.db.Tables;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The read-only queries of locations, show and find. Each is shaped for V8 (docs in its migration): a location's
 * counts, dates and size come from location_totals, a name from the index on its lower case, a SHA-256 prefix from
 * the unique index, a capture day from the index on the camera's clock.
 */
@Repository
class FindingRepository {
    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    FindingRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Whether this table exists (read scripts must not create or upgrade the database). */
    boolean hasTable(String name) {
        return Tables.exist(jdbc, name);
    }

    /**
     * Every location's summary, filtered by the given SQL condition over {@code l} (locations), in this order. The
     * figures come from {@code location_totals}, which V8's triggers keep in step with the file rows.
     */
    List<LocationSummary> locations(String where, List<Object> args, String orderBy, int prefixLength) {
        String sql = "SELECT l.loc_uuid, l.loc_name, l.aka_name, l.state, l.type, l.sub_type, l.loc_loc, l.loc_add,"
                + " (SELECT count(*) FROM sub_locations s WHERE s.loc_uuid = l.loc_uuid) AS subs,"
                + " (SELECT count(*) FROM urls u WHERE u.loc_uuid = l.loc_uuid) AS urls,"
                + " coalesce(i.files, 0) AS photos, coalesce(v.files, 0) AS videos, coalesce(d.files, 0) AS documents,"
                + " " + dialect.least("coalesce(i.first_capture, v.first_capture)", "coalesce(v.first_capture, i.first_capture)")
                + " AS first_capture, " + dialect.greatest("coalesce(i.last_capture, v.last_capture)",
                        "coalesce(v.last_capture, i.last_capture)") + " AS last_capture, "
                + dialect.greatest("coalesce(i.last_added, '')", "coalesce(v.last_added, '')", "coalesce(d.last_added, '')",
                        "coalesce(l.loc_add, '')") + " AS last_import,"
                + " coalesce(i.bytes, 0) + coalesce(v.bytes, 0) + coalesce(d.bytes, 0) AS bytes,"
                + " coalesce(i.unsized, 0) + coalesce(v.unsized, 0) + coalesce(d.unsized, 0) AS unsized"
                + " FROM locations l"
                + " LEFT JOIN location_totals i ON i.loc_uuid = l.loc_uuid AND i.media_type = 'img'"
                + " LEFT JOIN location_totals v ON v.loc_uuid = l.loc_uuid AND v.media_type = 'vid'"
                + " LEFT JOIN location_totals d ON d.loc_uuid = l.loc_uuid AND d.media_type = 'doc'"
                + (where.isEmpty() ? "" : " WHERE " + where) + " ORDER BY " + orderBy;
        return jdbc.query(sql, (rs, i) -> summary(rs, prefixLength), args.toArray());
    }

    private static LocationSummary summary(ResultSet rs, int prefixLength) throws SQLException {
        String uuid = rs.getString("loc_uuid");
        String lastImport = rs.getString("last_import");
        return new LocationSummary(uuid, uuid.replace("-", "").substring(0, prefixLength), rs.getString("loc_name"),
                rs.getString("aka_name"), rs.getString("state"), rs.getString("type"), rs.getString("sub_type"),
                rs.getLong("subs"), rs.getLong("photos"), rs.getLong("videos"), rs.getLong("documents"),
                rs.getLong("urls"), rs.getString("first_capture"), rs.getString("last_capture"),
                lastImport == null || lastImport.isEmpty() ? null : lastImport, rs.getLong("bytes"),
                rs.getLong("unsized"), rs.getString("loc_loc"));
    }

    /** The location's own row: author, first source, registration time. */
    String[] locationFacts(String uuid) {
        return jdbc.queryForObject("SELECT imp_author, org_loc, loc_add FROM locations WHERE loc_uuid = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, uuid);
    }

    List<LocationDetail.SubLocation> subLocations(String uuid, int prefixLength) {
        return jdbc.query("SELECT sub_uuid, sub_name FROM sub_locations WHERE loc_uuid = ? ORDER BY sub_name, sub_uuid",
                (rs, i) -> new LocationDetail.SubLocation(rs.getString(1),
                        rs.getString(1).replace("-", "").substring(0, prefixLength), rs.getString(2)), uuid);
    }

    List<LocationDetail.Url> urls(String uuid) {
        return jdbc.query("SELECT url, domain, url_loc FROM urls WHERE loc_uuid = ? ORDER BY url_add, url",
                (rs, i) -> new LocationDetail.Url(rs.getString(1), rs.getString(2), rs.getString(3)), uuid);
    }

    /** Files of a location per value of an SQL expression over each media table (null: the table is left out). */
    List<LocationDetail.Count> counts(String uuid, java.util.function.Function<MediaType, String> expression) {
        List<LocationDetail.Count> counts = new ArrayList<>();
        for (MediaType type : MediaType.values()) {
            String value = expression.apply(type);
            if (value != null) {
                counts.addAll(jdbc.query("SELECT " + value + " AS value, count(*) FROM " + type.table()
                        + " WHERE loc_uuid = ? GROUP BY 1 ORDER BY 1", (rs, i) -> new LocationDetail.Count(type.prefix(),
                        rs.getString(1), rs.getLong(2)), uuid));
            }
        }
        return counts;
    }

    /** Sub-locations (uuid, name) whose hyphen-free UUID starts with {@code hex} or whose lower name is {@code key}. */
    List<String[]> subLocationsMatching(String hex, String key, String location) {
        boolean prefix = hex.matches("[0-9a-f]{8,32}");
        return jdbc.query("SELECT sub_uuid, sub_name FROM sub_locations WHERE (" + (prefix
                        ? "substr(replace(sub_uuid, '-', ''), 1, ?) = ? OR " : "") + "lower(sub_name) = ?)"
                        + " AND (? IS NULL OR loc_uuid = ?) ORDER BY loc_add, sub_uuid",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, prefix
                        ? new Object[] {hex.length(), hex, key, location, location}
                        : new Object[] {key, location, location});
    }

    long sightings(String uuid) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM duplicate_sightings WHERE loc_uuid = ?", Long.class, uuid);
        return n == null ? 0 : n;
    }

    /**
     * Files meeting the conditions, handed to {@code each} one at a time (a million rows are never held at once).
     * {@code parts} are the SELECTs to unite, each built by {@link FileSql}.
     */
    void files(List<FileSql.Part> parts, int limit, Consumer<FoundFile> each) {
        if (parts.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append(parts.get(i).sql());
            args.addAll(parts.get(i).args());
        }
        // Files in path order; a duplicate's line follows the archived file that holds its bytes.
        sql.append(") AS found ORDER BY path IS NULL, path, seen IS NOT NULL, seen, original_folder, original_name");
        if (limit > 0) {
            sql.append(" LIMIT ").append(limit);
        }
        jdbc.query(sql.toString(), (ResultSet rs) -> {
            each.accept(FOUND.mapRow(rs, 0));
        }, args.toArray());
    }

    /** The column list every part of {@link #files} selects, in this order and with these names. */
    static final String COLUMNS = "type, sha256, path, original_folder, original_name, location, location_name,"
            + " sub_location, import_id, state, taken, hardware, make, model, damaged, size, seen, author, held_by, held_as_folder,"
            + " held_as_name";

    private static final RowMapper<FoundFile> FOUND = (rs, i) -> {
        String seen = rs.getString("seen");
        long size = rs.getLong("size");
        Long sized = rs.wasNull() ? null : size;
        return new FoundFile(rs.getString("path"), rs.getString("type"), rs.getString("sha256"),
                rs.getString("original_folder"), rs.getString("original_name"), rs.getString("location"),
                rs.getString("location_name"), rs.getString("sub_location"), rs.getString("import_id"), rs.getString("state"), rs.getString("taken"),
                rs.getString("hardware"), rs.getString("make"), rs.getString("model"), rs.getInt("damaged") == 1, sized,
                seen == null ? null : new FoundFile.Duplicate(seen, rs.getString("author"), rs.getString("held_by"),
                        rs.getString("held_as_folder"), rs.getString("held_as_name")));
    };

    /** The state expression of MediaRepository, the one definition of each state. */
    static String state(MediaType type) {
        return MediaRepository.stateSql(type);
    }
}
