package org.aupat.archive.rename;

import java.util.List;
import org.aupat.archive.location.Location;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rows a rename changes: the location's (or sub-location's) values, and every path recorded inside its folder. */
@Repository
class RenameRepository {
    private final JdbcTemplate jdbc;

    RenameRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A sub-location of a location: uuid and name. */
    record SubLocation(String uuid, String name) {
    }

    List<SubLocation> subLocations(String locationUuid) {
        return jdbc.query("SELECT sub_uuid, sub_name FROM sub_locations WHERE loc_uuid = ? ORDER BY loc_add, sub_uuid",
                (rs, i) -> new SubLocation(rs.getString(1), rs.getString(2)), locationUuid);
    }

    /** Rows of the location (files and URLs) whose recorded path lies inside this folder. */
    long rowsInside(String locationUuid, String folder) {
        long n = 0;
        for (MediaType type : MediaType.values()) {
            Long c = jdbc.queryForObject("SELECT count(*) FROM " + type.table() + " WHERE loc_uuid = ? AND "
                    + inside(type.prefix() + "_loc"), Long.class, locationUuid, folder, folder);
            n += c == null ? 0 : c;
        }
        return n;
    }

    /** Whether the location changed since its master JSON was last written (or it never was). */
    boolean masterJsonStale(String locationUuid) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM locations WHERE loc_uuid = ? AND (json_update IS NULL"
                + " OR loc_update > json_update)", Integer.class, locationUuid);
        return n != null && n > 0;
    }

    /**
     * Records the plan in one transaction: the location's values, the sub-location's name, and, when the folder
     * moved, every path inside it (files, URLs, the location's and its sub-locations' folder) rewritten to the new one.
     */
    @RetryTransient
    @Transactional
    public void apply(RenamePlan plan, String now) {
        Location a = plan.after();
        jdbc.update("UPDATE locations SET loc_name = ?, aka_name = ?, state = ?, type = ?, sub_type = ?, loc_loc = ?,"
                        + " loc_update = ? WHERE loc_uuid = ?", a.name(), a.akaName(), a.state(), a.type(), a.subType(),
                a.locLoc(), now, a.uuid());
        if (plan.subUuid() != null) {
            jdbc.update("UPDATE sub_locations SET sub_name = ?, loc_update = ? WHERE sub_uuid = ?", plan.subAfter(), now,
                    plan.subUuid());
        }
        if (plan.from() != null && !plan.from().equals(plan.to())) {
            String from = plan.from().toString();
            String to = plan.to().toString();
            for (MediaType type : MediaType.values()) {
                String column = type.prefix() + "_loc";
                jdbc.update("UPDATE " + type.table() + " SET " + column + " = ? || substr(" + column + ", length(?) + 1), "
                        + type.prefix() + "_update = ? WHERE loc_uuid = ? AND " + inside(column), to, from, now, a.uuid(), from, from);
            }
            jdbc.update("UPDATE urls SET url_loc = ? || substr(url_loc, length(?) + 1), url_update = ? WHERE loc_uuid = ?"
                    + " AND " + inside("url_loc"), to, from, now, a.uuid(), from, from);
            jdbc.update("UPDATE sub_locations SET loc_loc = ?, loc_update = ? WHERE loc_uuid = ? AND loc_loc = ?", to, now,
                    a.uuid(), from);
        }
    }

    /** The column holds a path inside the folder given as the next two parameters (a prefix match on whole names). */
    private static String inside(String column) {
        return "substr(" + column + ", 1, length(?) + 1) = ? || '/'";
    }
}
