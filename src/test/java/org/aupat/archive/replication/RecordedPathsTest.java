package org.aupat.archive.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * recover onto another disk: every recorded path in the old home's archive, staging and trash is moved onto
 * the new home's folders, found from the rows alone; records of what a tool said and paths elsewhere stay.
 */
class RecordedPathsTest {
    private static final String LOC = "11111111-2222-3333-4444-555555555555";
    private static final String OLD = "/media/old disk/aupat";
    /** Characters outside ASCII: SQL counts them as one each, Java's String as one or two. */
    private static final String NEW = "/mnt/Über 𝄞/aupat";
    private static final String FOLDER = "ny-industrial/mill_111111112222";
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final String SHA_C = "c".repeat(64);

    @TempDir
    Path folder;

    @Test
    void everyPathInTheOldHomesFoldersIsMovedOntoTheNewOnesAndNothingElse() {
        JdbcTemplate jdbc = TestDatabase.migrated(folder);
        String archive = OLD + "/archive";
        TestDatabase.location(jdbc, LOC, archive + "/" + FOLDER);
        jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, img_archived, exiftool_hardware)"
                + " VALUES (?, 'a.jpg', ?, ?, '2025-01-01T00:00:00.000Z', ?)", SHA_A, archive + "/" + FOLDER
                + "/photos/original_camera/a.jpg", LOC, "{\"SourceFile\":\"" + OLD + "/staging/111111112222/a.jpg\"}");
        jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid) VALUES (?, 'b.jpg', ?, ?)", SHA_B,
                OLD + "/staging/111111112222/b.jpg", LOC);
        jdbc.update("INSERT INTO replica_copies (replica, path, kind, sha256, size, copied, verified) VALUES ('nas', ?,"
                + " 'media', ?, 1, 'x', 'x')", FOLDER + "/photos/original_camera/a.jpg", SHA_A);
        jdbc.update("INSERT INTO urls (url_uuid, url, domain, url_loc, loc_uuid) VALUES (?, 'https://example.org', 'example.org',"
                + " ?, ?)", "99999999-2222-3333-4444-555555555555", archive + "/" + FOLDER + "/documents/websites/x", LOC);
        jdbc.update("INSERT INTO file_moves (sha256, media, from_loc, from_path, to_loc, to_path, moved) VALUES (?, 'img', ?,"
                + " ?, ?, ?, 'x')", SHA_A, LOC, archive + "/elsewhere_1/a.jpg", LOC, archive + "/" + FOLDER + "/a.jpg");
        jdbc.update("INSERT INTO trash (media_type, sha256, trash_path, archive_path, loc_uuid, trash_group, media_row,"
                + " trashed) VALUES ('img', ?, ?, ?, ?, ?, ?, 'x')", SHA_C, OLD + "/trash/" + FOLDER + "/c.jpg",
                archive + "/" + FOLDER + "/c.jpg", LOC, SHA_C, "{\"img_loc\":\"" + archive + "/" + FOLDER + "/c.jpg\"}");
        // A file recorded outside the archive (a fault db_cleanup reports) is not moved anywhere.
        jdbc.update("INSERT INTO documents (doc_sha256, doc_name, doc_loc, doc_ext, loc_uuid, doc_archived) VALUES (?,"
                + " 'd.txt', '/somewhere/else/d.txt', 'txt', ?, 'x')", "d".repeat(64), LOC);

        RecordedPaths.Home home = new RecordedPaths.Home(Path.of(NEW, "archive"), Path.of(NEW, "staging"),
                Path.of(NEW, "trash"));
        var moves = new RecordedPaths().rebase(folder.resolve("test.db"), home);

        assertThat(moves).extracting(Object::toString).containsExactly("archive " + archive + " -> " + NEW + "/archive",
                "staging " + OLD + "/staging -> " + NEW + "/staging", "trash " + OLD + "/trash -> " + NEW + "/trash");
        String to = NEW + "/archive/" + FOLDER;
        assertThat(jdbc.queryForObject("SELECT loc_loc FROM locations", String.class)).isEqualTo(to);
        assertThat(jdbc.queryForList("SELECT img_loc FROM images ORDER BY img_sha256", String.class))
                .containsExactly(to + "/photos/original_camera/a.jpg", NEW + "/staging/111111112222/b.jpg");
        assertThat(jdbc.queryForObject("SELECT url_loc FROM urls", String.class)).isEqualTo(to + "/documents/websites/x");
        assertThat(jdbc.queryForMap("SELECT from_path, to_path FROM file_moves"))
                .containsEntry("from_path", NEW + "/archive/elsewhere_1/a.jpg").containsEntry("to_path", to + "/a.jpg");
        assertThat(jdbc.queryForMap("SELECT trash_path, archive_path, media_row FROM trash"))
                .containsEntry("trash_path", NEW + "/trash/" + FOLDER + "/c.jpg")
                .containsEntry("archive_path", to + "/c.jpg")
                .containsEntry("media_row", "{\"img_loc\":\"" + to + "/c.jpg\"}");
        // What exiftool said, and the file outside the archive, stay as they were.
        assertThat(jdbc.queryForObject("SELECT exiftool_hardware FROM images WHERE img_sha256 = ?", String.class, SHA_A))
                .contains(OLD + "/staging/");
        assertThat(jdbc.queryForObject("SELECT doc_loc FROM documents", String.class)).isEqualTo("/somewhere/else/d.txt");

        // Moving again onto the same home finds it there already and changes nothing.
        assertThat(new RecordedPaths().rebase(folder.resolve("test.db"), home)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT loc_loc FROM locations", String.class)).isEqualTo(to);
    }

    @Test
    void withoutAReplicaCopyTheArchiveIsFoundFromALocationFolder() {
        JdbcTemplate jdbc = TestDatabase.migrated(folder);
        TestDatabase.location(jdbc, LOC, OLD + "/archive/" + FOLDER);
        RecordedPaths.Home home = new RecordedPaths.Home(Path.of(NEW, "archive"), Path.of(NEW, "staging"),
                Path.of(NEW, "trash"));
        assertThat(new RecordedPaths().rebase(folder.resolve("test.db"), home)).extracting(Object::toString)
                .containsExactly("archive " + OLD + "/archive -> " + NEW + "/archive");
        assertThat(jdbc.queryForObject("SELECT loc_loc FROM locations", String.class))
                .isEqualTo(NEW + "/archive/" + FOLDER);
    }

    @Test
    void anEmptyDatabaseHasNothingToMove() {
        TestDatabase.migrated(folder);
        assertThat(new RecordedPaths().rebase(folder.resolve("test.db"), new RecordedPaths.Home(Path.of(NEW, "a"),
                Path.of(NEW, "s"), Path.of(NEW, "t")))).isEmpty();
    }
}
