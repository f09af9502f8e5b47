package org.aupat.archive.location;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Asks whether an identifier prefix is already taken by a location, sub-location or URL. */
@Repository
class LocationIdRepository {
    private final JdbcTemplate jdbc;

    LocationIdRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the identifier tables exist yet (not before db_migrate). */
    boolean tablesExist() {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name IN ('locations', 'sub_locations', 'urls')", Integer.class);
        return n != null && n == 3;
    }

    /** Whether any location, sub-location or URL uuid, hyphens removed, starts with {@code prefix}. */
    boolean prefixInUse(String prefix) {
        String sql = "SELECT EXISTS (SELECT 1 FROM locations WHERE substr(replace(loc_uuid, '-', ''), 1, ?1) = ?2"
                + " UNION ALL SELECT 1 FROM sub_locations WHERE substr(replace(sub_uuid, '-', ''), 1, ?1) = ?2"
                + " UNION ALL SELECT 1 FROM urls WHERE substr(replace(url_uuid, '-', ''), 1, ?1) = ?2)";
        Integer found = jdbc.queryForObject(sql, Integer.class, prefix.length(), prefix);
        return found != null && found == 1;
    }
}
