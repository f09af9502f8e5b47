package org.aupat.archive.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/** A database made before states were recorded (V1 + V2) keeps every row at its step through the migration. */
class MediaStateMigrationTest {
    static final String MILL = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String NEW = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";
    static final String FOLDER = "/srv/archive/ny-industrial/test_mill_3f2a9c417b0e";
    static final String STAGING = "/srv/staging/3f2a9c417b0e/";

    @TempDir
    Path home;

    @Test
    void everyRowOfAnOlderDatabaseKeepsItsStep() {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + home.resolve("old.db"));
        Flyway.configure().dataSource(data).locations(org.aupat.foundation.db.MigratedSchema.LOCATIONS).target("2").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(data);
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type, loc_loc) VALUES (?, 'Test Mill', 'ny',"
                + " 'industrial', ?)", MILL, FOLDER);
        jdbc.update("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES (?, 'New Mill', 'ny', 'industrial')", NEW);
        Map<MediaKey, MediaState> expected = new LinkedHashMap<>();
        expected.put(image(jdbc, 'a', MILL, STAGING + "a.jpg", null, null), MediaState.STAGED);
        expected.put(image(jdbc, 'b', MILL, STAGING + "b.jpg", 1, null), MediaState.ORGANIZED);
        expected.put(image(jdbc, 'c', MILL, FOLDER + "/photos/original_camera/c.jpg", 1, null), MediaState.ARCHIVED);
        expected.put(image(jdbc, 'd', MILL, FOLDER + "/photos/original_camera/d.jpg", 1, "2026-01-05T00:00:00.000Z"),
                MediaState.VERIFIED);
        // A folder whose name only starts like the location's is not inside it.
        expected.put(image(jdbc, 'e', MILL, FOLDER + "-old/e.jpg", 1, null), MediaState.ORGANIZED);
        expected.put(image(jdbc, 'f', NEW, "/srv/staging/0c6d2e7a4b13/f.jpg", 1, null), MediaState.ORGANIZED);
        jdbc.update("INSERT INTO videos (vid_sha256, vid_name, vid_loc, loc_uuid, original, vid_update) VALUES (?, 'v', ?, ?,"
                + " NULL, '2026-01-02T00:00:00.000Z'), (?, 'w', ?, ?, 1, '2026-01-02T00:00:00.000Z')", sha('1'),
                STAGING + "v.mp4", MILL, sha('2'), FOLDER + "/videos/original_drone/w.mp4", MILL);
        expected.put(new MediaKey(MediaType.VIDEO, sha('1')), MediaState.STAGED);
        expected.put(new MediaKey(MediaType.VIDEO, sha('2')), MediaState.ARCHIVED);
        jdbc.update("INSERT INTO documents (doc_sha256, doc_name, doc_loc, doc_ext, loc_uuid, doc_update, doc_verified)"
                + " VALUES (?, 'n', ?, 'txt', ?, '2026-01-02T00:00:00.000Z', NULL), (?, 'o', ?, 'txt', ?,"
                + " '2026-01-02T00:00:00.000Z', NULL), (?, 'p', ?, 'txt', ?, '2026-01-02T00:00:00.000Z', '2026-01-06T00:00:00.000Z')",
                sha('7'), STAGING + "n.txt", MILL, sha('8'), FOLDER + "/documents/file-extensions/txt/o.txt", MILL,
                sha('9'), FOLDER + "/documents/file-extensions/txt/p.txt", MILL);
        expected.put(new MediaKey(MediaType.DOCUMENT, sha('7')), MediaState.ORGANIZED);
        expected.put(new MediaKey(MediaType.DOCUMENT, sha('8')), MediaState.ARCHIVED);
        expected.put(new MediaKey(MediaType.DOCUMENT, sha('9')), MediaState.VERIFIED);

        Flyway.configure().dataSource(data).locations(org.aupat.foundation.db.MigratedSchema.LOCATIONS).load().migrate();

        MediaRepository media = new MediaRepository(jdbc);
        Map<MediaKey, MediaState> found = new LinkedHashMap<>();
        expected.keySet().forEach(key -> found.put(key, media.state(key).orElseThrow()));
        assertThat(found).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT img_archived FROM images WHERE img_sha256 = ?", String.class, sha('c')))
                .as("the row's last update is the best time known").isEqualTo("2026-01-02T00:00:00.000Z");
        assertThat(media.readyForIngest(MediaType.IMAGE, 0, 100)).extracting(MediaRepository.MediaFile::sha)
                .containsExactly(sha('b'), sha('e'), sha('f'));
    }

    private static MediaKey image(JdbcTemplate jdbc, char sha, String location, String path, Integer original,
                                  String verified) {
        jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, original, camera, img_update, img_verified)"
                + " VALUES (?, 'n', ?, ?, ?, ?, '2026-01-02T00:00:00.000Z', ?)", sha(sha), path, location, original,
                original, verified);
        return new MediaKey(MediaType.IMAGE, sha(sha));
    }

    private static String sha(char c) {
        return String.valueOf(c).repeat(64);
    }
}
