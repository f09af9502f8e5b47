package org.aupat.archive.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * location_totals, which locations reads instead of every file row, stays equal to the figures counted from the
 * rows themselves through everything that happens to a row: import, organize (capture time), a move to another
 * location, a delete.
 */
class LocationTotalsTest {
    private static final String A = "aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa";
    private static final String B = "bbbbbbbb-bbbb-4bbb-bbbb-bbbbbbbbbbbb";

    @TempDir
    Path folder;

    @Test
    void totalsFollowInsertsCaptureTimesMovesAndDeletes() {
        JdbcTemplate jdbc = TestDatabase.migrated(folder);
        TestDatabase.location(jdbc, A, null);
        TestDatabase.location(jdbc, B, null);
        for (int i = 1; i <= 4; i++) {
            jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, img_size, img_add) VALUES (?, 'n',"
                    + " 'l', ?, ?, ?)", sha(i), A, i == 4 ? null : 100L * i, "2026-01-0" + i + "T00:00:00.000Z");
        }
        jdbc.update("INSERT INTO documents (doc_sha256, doc_name, doc_loc, doc_ext, loc_uuid, doc_size, doc_add) VALUES"
                + " (?, 'n', 'l', 'txt', ?, 7, '2026-02-01T00:00:00.000Z')", sha(9), B);
        assertThat(totals(jdbc)).isEqualTo(counted(jdbc));

        jdbc.update("UPDATE images SET img_taken_local = '2020-05-01T10:00:00' WHERE img_sha256 = ?", sha(1));
        jdbc.update("UPDATE images SET img_taken_local = '2024-05-01T10:00:00' WHERE img_sha256 = ?", sha(2));
        jdbc.update("UPDATE images SET img_taken_local = '2022-05-01T10:00:00' WHERE img_sha256 = ?", sha(3));
        assertThat(totals(jdbc)).isEqualTo(counted(jdbc));

        // The first and the last capture leave A: its span is found again from the rows left.
        jdbc.update("UPDATE images SET loc_uuid = ? WHERE img_sha256 = ?", B, sha(1));
        jdbc.update("DELETE FROM images WHERE img_sha256 = ?", sha(2));
        jdbc.update("UPDATE documents SET loc_uuid = ? WHERE doc_sha256 = ?", A, sha(9));
        assertThat(totals(jdbc)).isEqualTo(counted(jdbc));
        assertThat(jdbc.queryForObject("SELECT first_capture || ' ' || last_capture FROM location_totals WHERE"
                + " loc_uuid = ? AND media_type = 'img'", String.class, A)).isEqualTo("2022-05-01T10:00:00 2022-05-01T10:00:00");
    }

    /** Files, bytes, unsized files and capture span per location and type, from location_totals (empty rows left out). */
    private static List<Map<String, Object>> totals(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT loc_uuid, media_type, files, bytes, unsized, first_capture, last_capture"
                + " FROM location_totals WHERE files > 0 ORDER BY 1, 2");
    }

    /** The same figures counted from the rows. */
    private static List<Map<String, Object>> counted(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM ("
                + "SELECT loc_uuid, 'img' AS media_type, count(*) AS files, coalesce(sum(img_size), 0) AS bytes,"
                + " count(*) - count(img_size) AS unsized, min(img_taken_local) AS first_capture,"
                + " max(img_taken_local) AS last_capture FROM images GROUP BY loc_uuid UNION ALL "
                + "SELECT loc_uuid, 'doc', count(*), coalesce(sum(doc_size), 0), count(*) - count(doc_size), NULL, NULL"
                + " FROM documents GROUP BY loc_uuid) ORDER BY 1, 2");
    }

    private static String sha(int i) {
        return String.format("%064x", i);
    }
}
