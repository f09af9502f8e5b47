package org.aupat.archive.location;

import org.aupat.foundation.db.Tables;
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
        return Tables.exist(jdbc, "locations", "sub_locations", "urls");
    }

    /** Whether any location, sub-location or URL uuid, hyphens removed, starts with {@code prefix}. */
    boolean prefixInUse(String prefix) {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM locations WHERE substr(replace(loc_uuid, '-', ''), 1, ?) = ?"
                + " UNION ALL SELECT 1 FROM sub_locations WHERE substr(replace(sub_uuid, '-', ''), 1, ?) = ?"
                + " UNION ALL SELECT 1 FROM urls WHERE substr(replace(url_uuid, '-', ''), 1, ?) = ?) AS used";
        int n = prefix.length();
        Integer found = jdbc.queryForObject(sql, Integer.class, n, prefix, n, prefix, n, prefix);
        return found != null && found > 0;
    }
}
