package org.aupat.archive.moving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aupat.archive.media.MediaKey;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.error.DatabaseError;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows move and merge read and write beyond the media tables: relationships, sub-locations, URLs, records. */
@Repository
class MoveRepository {
    /** The relationship columns of each table and the table each one points into (JSON arrays of SHA-256). */
    private static final Map<MediaType, Map<String, MediaType>> RELATIONS = Map.of(
            MediaType.IMAGE, Map.of("img_vids", MediaType.VIDEO, "img_docs", MediaType.DOCUMENT, "img_pairs", MediaType.IMAGE),
            MediaType.VIDEO, Map.of("vid_imgs", MediaType.IMAGE, "vid_docs", MediaType.DOCUMENT),
            MediaType.DOCUMENT, Map.of("docs_img", MediaType.IMAGE, "docs_vid", MediaType.VIDEO));

    /** A URL of a location: its uuid, host and recorded folder (null before db_folder). */
    record Url(String uuid, String domain, String folder) {
    }

    /** A location merged away, as recorded. */
    record Merge(String locationUuid, String name, String intoUuid) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    MoveRepository(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The files this one is linked with (live-photo video, sidecars, RAW+JPEG pair, subtitles). */
    List<MediaKey> related(MediaKey key) {
        MediaType type = key.type();
        List<MediaKey> related = new ArrayList<>();
        for (Map.Entry<String, MediaType> relation : RELATIONS.get(type).entrySet()) {
            List<String> values = jdbc.queryForList("SELECT " + relation.getKey() + " FROM " + type.table() + " WHERE "
                    + type.prefix() + "_sha256 = ?", String.class, key.sha256());
            String json = values.isEmpty() ? null : values.get(0);
            if (json == null || json.isBlank()) {
                continue;
            }
            try {
                for (JsonNode sha : mapper.readTree(json)) {
                    related.add(new MediaKey(relation.getValue(), sha.asText()));
                }
            } catch (java.io.IOException | RuntimeException e) {
                throw new DatabaseError(type.table() + "." + relation.getKey() + " of " + key.sha256()
                        + " is not a JSON array: " + json, e);
            }
        }
        return related;
    }

    /** Records one moved file (read by people, and by a rerun to find the locations whose master JSON is stale). */
    void recordMove(MediaKey key, String fromLocation, String fromSub, String fromPath, String toLocation, String toSub,
                    String toPath, String now) {
        jdbc.update("INSERT INTO file_moves (sha256, media, from_loc, from_sub, from_path, to_loc, to_sub, to_path, moved)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", key.sha256(), key.type().prefix(), fromLocation, fromSub, fromPath,
                toLocation, toSub, toPath, now);
    }

    /** Locations a file was moved from or to whose master JSON is older than their data, and that have a folder. */
    List<String> staleMovedLocations() {
        return jdbc.queryForList("SELECT loc_uuid FROM locations WHERE (json_update IS NULL OR loc_update > json_update)"
                + " AND loc_loc IS NOT NULL AND loc_uuid IN (SELECT from_loc FROM file_moves UNION SELECT to_loc FROM"
                + " file_moves) ORDER BY loc_add, loc_uuid", String.class);
    }

    /** Moves the sub-locations of one location to another; their folder becomes the other's. */
    int moveSubLocations(String from, String into, String intoFolder, String now) {
        return jdbc.update("UPDATE sub_locations SET loc_uuid = ?, loc_loc = ?, loc_update = ? WHERE loc_uuid = ?", into,
                intoFolder, now, from);
    }

    /** The imports that added to one location are now recorded as adding to another. */
    void moveImports(String from, String into) {
        jdbc.update("UPDATE imports SET loc_uuid = ? WHERE loc_uuid = ?", into, from);
    }

    /** An import's record names another location and sub-location; false when it named them already. */
    boolean moveImport(String importId, String into, String subUuid) {
        return jdbc.update("UPDATE imports SET loc_uuid = ?, sub_uuid = ? WHERE imp_id = ? AND (loc_uuid IS DISTINCT FROM ? OR"
                + " sub_uuid IS DISTINCT FROM ?)", into, subUuid, importId, into, subUuid) > 0;
    }

    /** Ids of the imports that added to a location (for the dry run of a merge). */
    List<String> importIds(String location) {
        return jdbc.queryForList("SELECT imp_id FROM imports WHERE loc_uuid = ? ORDER BY started, imp_id", String.class,
                location);
    }

    /** Names of a location's sub-locations (for the dry run of a merge). */
    List<String> subLocationNames(String location) {
        return jdbc.queryForList("SELECT sub_name FROM sub_locations WHERE loc_uuid = ? ORDER BY loc_add, sub_uuid",
                String.class, location);
    }

    List<Url> urls(String location) {
        return jdbc.query("SELECT url_uuid, domain, url_loc FROM urls WHERE loc_uuid = ? ORDER BY url_add, url_uuid",
                (rs, i) -> new Url(rs.getString(1), rs.getString(2), rs.getString(3)), location);
    }

    void moveUrl(String urlUuid, String into, String folder, String now) {
        jdbc.update("UPDATE urls SET loc_uuid = ?, url_loc = ?, url_update = ? WHERE url_uuid = ?", into, folder, now, urlUuid);
    }

    /** Records that a location was merged into another (before it is deleted, in the same transaction). */
    void recordMerge(String location, String name, String into, String now) {
        jdbc.update("INSERT INTO location_merges (loc_uuid, loc_name, into_uuid, merged) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (loc_uuid) DO UPDATE SET loc_name = excluded.loc_name, into_uuid = excluded.into_uuid,"
                + " merged = excluded.merged", location, name, into, now);
    }

    /**
     * The merge record of a location that no longer exists, named by its full uuid, a prefix of its hyphenless
     * uuid, or its name; empty when none or more than one matches.
     */
    Optional<Merge> merged(String reference) {
        String ref = reference.strip().toLowerCase(java.util.Locale.ROOT);
        String hex = ref.replace("-", "");
        String prefix = hex.matches("[0-9a-f]{4,32}") ? hex : null; // LIKE NULL matches nothing
        List<Merge> found = jdbc.query("SELECT loc_uuid, loc_name, into_uuid FROM location_merges WHERE loc_uuid = ?"
                        + " OR replace(loc_uuid, '-', '') LIKE ? || '%' OR lower(loc_name) = ?",
                (rs, i) -> new Merge(rs.getString(1), rs.getString(2), rs.getString(3)), ref, prefix, ref);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
