package org.aupat.archive.finding;

import org.aupat.archive.media.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes {@code duplicate_sightings}: where an import saw bytes the archive holds already. */
@Repository
public class SightingRepository {
    private final JdbcTemplate jdbc;

    public SightingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a sighting once: the same name in the same folder for the same location keeps its first time, and
     * the archived file itself seen again (a rerun after a crash walks the files it staged) is no sighting.
     * {@code importId} names the import that saw it (null: none recorded).
     */
    public void record(DuplicateSighting s, String now, String importId) {
        MediaType type = s.type();
        String p = type.prefix();
        jdbc.update("INSERT INTO duplicate_sightings (media_type, sha256, orig_name, orig_folder, loc_uuid,"
                        + " sub_uuid, imp_author, seen, imp_id) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM "
                        + type.table() + " WHERE " + p + "_sha256 = ? AND " + p + "_nameo = ? AND " + p + "_loco = ?)"
                        + " ON CONFLICT DO NOTHING",
                p, s.sha256(), s.originalName(), s.originalFolder(), s.locationUuid(), s.subUuid(), s.author(), now,
                importId, s.sha256(), s.originalName(), s.originalFolder());
    }
}
