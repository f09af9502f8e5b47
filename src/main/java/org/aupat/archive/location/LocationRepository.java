package org.aupat.archive.location;

import org.aupat.foundation.db.Tables;
import java.util.List;
import java.util.Optional;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.db.SqlDialect;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Reads and writes {@code locations}, {@code sub_locations} and {@code urls}. */
@Repository
public class LocationRepository {
    private static final RowMapper<Location> LOCATION = (rs, i) -> new Location(rs.getString("loc_uuid"),
            rs.getString("loc_name"), rs.getString("aka_name"), rs.getString("state"), rs.getString("type"),
            rs.getString("sub_type"), rs.getString("org_loc"), rs.getString("loc_loc"), rs.getString("imp_author"));

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    /** On an SQLite database (tests). */
    public LocationRepository(JdbcTemplate jdbc) {
        this(jdbc, SqlDialect.SQLITE);
    }

    @Autowired
    public LocationRepository(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /**
     * Until this transaction ends, no other run on any computer registers a location: two importers of one
     * card on two computers would otherwise both find no location by that name and both create one.
     */
    public void oneRegistrationAtATime() {
        dialect.oneAtATimeUntilCommit(jdbc, "register a location");
    }

    /** Whether db_migrate has created the archive tables. */
    public boolean schemaReady() {
        return Tables.exist(jdbc, "locations");
    }

    public void insert(Location l, String now) {
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, aka_name, state, type, sub_type, org_loc, loc_loc,"
                        + " loc_add, loc_update, imp_author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                l.uuid(), l.name(), l.akaName(), l.state(), l.type(), l.subType(), l.orgLoc(), l.locLoc(), now, now,
                l.author());
    }

    public Optional<Location> find(String uuid) {
        return jdbc.query("SELECT * FROM locations WHERE loc_uuid = ?", LOCATION, uuid).stream().findFirst();
    }

    /** The location with this UUID; an unknown one is the user's error, named with where to find the UUID. */
    public Location require(String uuid) {
        return find(uuid).orElseThrow(() -> new ValidationError("location", uuid,
                "is not a location in this archive. Check the UUID (see its master JSON)."));
    }

    /** Locations whose normalised name is exactly this one, oldest first. */
    public List<Location> findByName(String name) {
        return jdbc.query("SELECT * FROM locations WHERE loc_name = ? ORDER BY loc_add, loc_uuid", LOCATION, name);
    }

    /** Every location, oldest first. */
    public List<Location> all() {
        return jdbc.query("SELECT * FROM locations ORDER BY loc_add, loc_uuid", LOCATION);
    }

    /** Types already used by some location (accepted again without --new-type). */
    public List<String> usedTypes() {
        return jdbc.queryForList("SELECT DISTINCT type FROM locations", String.class);
    }

    /** Marks the location changed, which makes its master JSON stale. */
    public void touch(String uuid, String now) {
        jdbc.update("UPDATE locations SET loc_update = ? WHERE loc_uuid = ?", now, uuid);
    }

    public void setFolder(String uuid, String folder, String now) {
        jdbc.update("UPDATE locations SET loc_loc = ?, loc_update = ? WHERE loc_uuid = ?", folder, now, uuid);
        jdbc.update("UPDATE sub_locations SET loc_loc = ?, loc_update = ? WHERE loc_uuid = ? AND loc_loc IS NULL",
                folder, now, uuid);
    }

    /** The sub-location of this location with exactly this normalised name, if any. */
    public Optional<String> findSubLocation(String locationUuid, String name) {
        return jdbc.queryForList("SELECT sub_uuid FROM sub_locations WHERE loc_uuid = ? AND sub_name = ?"
                + " ORDER BY loc_add LIMIT 1", String.class, locationUuid, name).stream().findFirst();
    }

    public void insertSubLocation(String subUuid, String name, String locationUuid, String orgLoc, String author, String now) {
        jdbc.update("INSERT INTO sub_locations (sub_uuid, sub_name, loc_uuid, org_loc, loc_add, loc_update, imp_author)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", subUuid, name, locationUuid, orgLoc, now, now, author);
    }

    /** Whether this exact URL is already stored for the location (then it is skipped). */
    public boolean hasUrl(String locationUuid, String url) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM urls WHERE loc_uuid = ? AND url = ?", Integer.class,
                locationUuid, url);
        return n != null && n > 0;
    }

    public void insertUrl(String urlUuid, String url, String domain, String locationUuid, String subUuid, String author,
                          String now) {
        jdbc.update("INSERT INTO urls (url_uuid, url, domain, loc_uuid, sub_uuid, url_add, url_update, imp_author)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", urlUuid, url, domain, locationUuid, subUuid, now, now, author);
    }

    /** URLs of a location without a folder yet: uuid, domain. */
    public List<String[]> urlsWithoutFolder(String locationUuid) {
        return jdbc.query("SELECT url_uuid, domain FROM urls WHERE loc_uuid = ? AND url_loc IS NULL ORDER BY url_add",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, locationUuid);
    }

    public void setUrlFolder(String urlUuid, String folder, String now) {
        jdbc.update("UPDATE urls SET url_loc = ?, url_update = ? WHERE url_uuid = ?", folder, now, urlUuid);
    }

    /**
     * Deletes a location (its sub-locations and URLs go with it) only while no image, video or document
     * belongs to it; returns whether it was deleted. The condition is in the statement, so a file recorded
     * meanwhile keeps its location.
     */
    public boolean deleteIfEmpty(String uuid) {
        return jdbc.update("DELETE FROM locations WHERE loc_uuid = ? AND NOT EXISTS (SELECT 1 FROM images WHERE loc_uuid = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM videos WHERE loc_uuid = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM documents WHERE loc_uuid = ?)", uuid, uuid, uuid, uuid) > 0;
    }

    /** The web addresses stored for a location, oldest first. */
    public List<String> urls(String locationUuid) {
        return jdbc.queryForList("SELECT url FROM urls WHERE loc_uuid = ? ORDER BY url_add, url", String.class, locationUuid);
    }

    /** The folder recorded for one URL of a location (null when it has none or there is no such URL). */
    public String urlFolder(String locationUuid, String url) {
        return jdbc.queryForList("SELECT url_loc FROM urls WHERE loc_uuid = ? AND url = ?", String.class, locationUuid, url)
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Removes a URL from a location; returns whether there was one. */
    public boolean deleteUrl(String locationUuid, String url) {
        return jdbc.update("DELETE FROM urls WHERE loc_uuid = ? AND url = ?", locationUuid, url) > 0;
    }

    /** Locations whose UUID, hyphens removed, starts with these lowercase hex digits. */
    public List<Location> findByUuidPrefix(String hexPrefix) {
        return jdbc.query("SELECT * FROM locations WHERE substr(replace(loc_uuid, '-', ''), 1, ?) = ?"
                + " ORDER BY loc_add, loc_uuid", LOCATION, hexPrefix.length(), hexPrefix);
    }

    /** Locations whose name or aka, in lower case, is exactly this key ({@link DisplayNames#key}). */
    public List<Location> findByNameKey(String key) {
        return jdbc.query("SELECT * FROM locations WHERE lower(loc_name) = ? OR lower(aka_name) = ?"
                + " ORDER BY loc_add, loc_uuid", LOCATION, key, key);
    }
}
