package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * trash, restore and db_cleanup --empty-trash on a real archive (real files, real SQLite), in process: a file
 * leaves the archive's view and comes back byte for byte with the same row, a live photo goes with its video,
 * hostile input is refused with exit 2, a trashed file imports again as a new file, and only --empty-trash
 * deletes bytes.
 */
class TrashRestoreTest {
    @TempDir
    Path home;

    @Test
    void aTrashedFileLeavesTheArchiveAndIsRestoredByteForByteWithTheSameRow() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = pipeline(aupat, "card", "Trash Mill");
        String sha = single("SELECT img_sha256 FROM images WHERE img_nameo = 'IMG_0001.JPG'");
        Path archived = Path.of(single("SELECT img_loc FROM images WHERE img_sha256 = '" + sha + "'"));
        byte[] bytes = Files.readAllBytes(home.resolve("sources/card/IMG_0001.JPG"));
        Map<String, Object> row = row("images", "img_sha256", sha);
        Path master = masterJson(uuid);
        assertThat(Files.readString(master)).contains(sha);

        JarRunner.Result dry = aupat.run("--script=trash", "--sha=" + sha.substring(0, 10), "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        Path trashed = home.resolve("data/trash").resolve(home.resolve("data/archive").relativize(archived));
        assertThat(dry.out()).contains("trash " + archived + " -> " + trashed + " (IMG_0001.JPG");
        assertThat(archived).as("a dry run moves nothing").exists();
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("0");

        JarRunner.Result r = aupat.run("--script=trash", "--sha=" + sha.substring(0, 10), "--reason=wrong place");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(dry.out().lines().findFirst().orElseThrow());
        assertThat(r.err()).contains("database backed up to");
        assertThat(archived).doesNotExist();
        assertThat(Files.readAllBytes(trashed)).isEqualTo(bytes);
        assertThat(single("SELECT count(*) FROM images WHERE img_sha256 = '" + sha + "'")).isEqualTo("0");
        assertThat(single("SELECT archive_path || '|' || loc_uuid || '|' || original_name || '|' || reason FROM trash"))
                .isEqualTo(archived + "|" + uuid + "|IMG_0001.JPG|wrong place");
        assertThat(Files.readString(master)).as("the master JSON is rewritten without it").doesNotContain(sha);

        JarRunner.Result twice = aupat.run("--script=trash", "--sha=" + sha);
        assertThat(twice.exit()).as(twice.out() + twice.err()).isZero();
        assertThat(twice.out()).contains("already in the trash: " + sha);
        JarRunner.Result verify = aupat.run("--script=db_verify", "--all");
        assertThat(verify.exit()).as("db_verify does not miss the trashed file: " + verify.out() + verify.err()).isZero();
        JarRunner.Result cleanup = aupat.run("--script=db_cleanup");
        assertThat(cleanup.exit()).as(cleanup.out() + cleanup.err()).isZero();
        assertThat(cleanup.out() + cleanup.err()).doesNotContain("missing").contains("the trash holds 1 file(s)");
        assertThat(trashed).as("db_cleanup without --empty-trash keeps the trash").exists();

        JarRunner.Result restore = aupat.run("--script=restore", "--sha=" + sha.substring(0, 8));
        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(Files.readAllBytes(archived)).isEqualTo(bytes);
        assertThat(trashed).doesNotExist();
        try (Stream<Path> left = Files.walk(home.resolve("data/trash"))) {
            assertThat(left).as("no empty folders left in the trash").containsExactly(home.resolve("data/trash"));
        }
        assertThat(row("images", "img_sha256", sha)).isEqualTo(row);
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("0");
        assertThat(Files.readString(master)).contains(sha);

        JarRunner.Result again = aupat.run("--script=restore", "--sha=" + sha);
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("is not in the trash: it is in the archive, at " + archived).doesNotContain("\tat ");
    }

    @Test
    void aLivePhotoGoesToTheTrashWithItsVideoAndComesBackWithIt() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        pipeline(aupat, "card", "Live Mill");
        String photo = single("SELECT img_sha256 FROM images WHERE img_nameo = 'IMG_0002.JPG'");
        String video = single("SELECT vid_sha256 FROM videos WHERE vid_nameo = 'IMG_0002.MOV'");
        assertThat(single("SELECT img_vids FROM images WHERE img_sha256 = '" + photo + "'")).contains(video);

        JarRunner.Result dry = aupat.run("--script=trash", "--name=IMG_0002.JPG", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("(IMG_0002.MOV, location").contains("with " + photo.substring(0, 12));

        assertThat(aupat.run("--script=trash", "--name=IMG_0002.JPG").exit()).isZero();
        assertThat(single("SELECT count(*) FROM videos")).isEqualTo("0");
        assertThat(single("SELECT count(*) FROM trash WHERE trash_group = '" + (photo.compareTo(video) < 0 ? photo : video)
                + "'")).isEqualTo("2");

        JarRunner.Result restore = aupat.run("--script=restore", "--name=IMG_0002.MOV");
        assertThat(restore.exit()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("(IMG_0002.JPG, location");
        assertThat(single("SELECT count(*) FROM images WHERE img_sha256 = '" + photo + "'")).isEqualTo("1");
        assertThat(single("SELECT count(*) FROM videos WHERE vid_sha256 = '" + video + "'")).isEqualTo("1");
    }

    @Test
    void hostileInputIsRefusedWithExit2AndChangesNothing() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = pipeline(aupat, "card", "Hostile Mill");
        pipeline(aupat, "other", "Other Mill", "Canon EOS R5");
        String sha = single("SELECT img_sha256 FROM images WHERE img_nameo = 'IMG_0001.JPG' AND loc_uuid = '" + uuid + "'");
        Path archived = Path.of(single("SELECT img_loc FROM images WHERE img_sha256 = '" + sha + "'"));

        expectRefusal(aupat.run("--script=trash", "--sha=" + "ab".repeat(32)), "is no file in the archive");
        expectRefusal(aupat.run("--script=trash", "--sha=xyz123"), "is not a SHA-256");
        expectRefusal(aupat.run("--script=trash"), "give the files");
        expectRefusal(aupat.run("--script=trash", "--name=IMG_0001.JPG"), "names 2 files");
        expectRefusal(aupat.run("--script=restore", "--sha=" + sha), "is not in the trash");
        assertThat(single("SELECT count(*) FROM images")).as("live photo stills are the same bytes: one is a duplicate")
                .isEqualTo("3");

        assertThat(aupat.run("--script=trash", "--name=IMG_0001.JPG", "--location=" + uuid).exit()).isZero();
        Files.writeString(archived, "a file put where the trashed one was");
        expectRefusal(aupat.run("--script=restore", "--sha=" + sha), "refusing to restore over the existing file " + archived);
        assertThat(Files.readString(archived)).isEqualTo("a file put where the trashed one was");
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("1");
    }

    @Test
    void aTrashedFileImportsIntoAnotherLocationAsNewAndOnlyEmptyingTheTrashDeletesItsBytes() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String first = pipeline(aupat, "card", "Wrong Mill");
        JarRunner.Result whole = aupat.run("--script=trash", "--location=" + first);
        assertThat(whole.exit()).as(whole.out() + whole.err()).isZero();
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + first + "'")).isEqualTo("0");
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("4");
        assertThat(Files.readString(masterJson(first))).doesNotContain(single("SELECT sha256 FROM trash LIMIT 1"));

        String second = pipelineOf(aupat, home.resolve("sources/card"), "Right Mill");
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + second + "'"))
                .as("the trashed files import again as new files, not duplicates").isEqualTo("2");
        String sha = single("SELECT img_sha256 FROM images WHERE img_nameo = 'IMG_0001.JPG'");
        expectRefusal(aupat.run("--script=restore", "--sha=" + sha), "the archive holds these bytes again");

        List<Path> trashFiles = trashFiles();
        assertThat(trashFiles).hasSize(4);
        JarRunner.Result keep = aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=30d");
        assertThat(keep.exit()).as(keep.out() + keep.err()).isZero();
        assertThat(trashFiles()).as("nothing is 30 days old yet").hasSize(4);

        JarRunner.Result dry = aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=0d", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(deletions(dry.out())).hasSize(4).allMatch(l -> l.contains(home.resolve("data/trash").toString()));
        assertThat(trashFiles()).hasSize(4);

        JarRunner.Result empty = aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=0d");
        assertThat(empty.exit()).as(empty.out() + empty.err()).isZero();
        assertThat(deletions(empty.out())).as("it lists what it deletes, as the dry run did").isEqualTo(deletions(dry.out()));
        assertThat(empty.err()).contains("database backed up to");
        assertThat(trashFiles()).isEmpty();
        try (Stream<Path> left = Files.walk(home.resolve("data/trash"))) {
            assertThat(left).as("no empty folders left in the trash").containsExactly(home.resolve("data/trash"));
        }
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("0");
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + second + "'")).isEqualTo("2");
    }

    @Test
    void aWholeImportGoesToTheTrashAndComesBackWhileTheLocationsOtherImportStays() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = pipeline(aupat, "card", "Import Mill");
        Path second = Files.createDirectories(home.resolve("sources/second"));
        new MediaFactory(second).photo("DSC_0100.JPG", "NIKON CORPORATION", "NIKON D850");
        JarRunner.Result added = aupat.run("--script=pipeline", "--source=" + second, "--location=" + uuid);
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        String first = single("SELECT imp_id FROM imports WHERE source = '" + home.resolve("sources/card") + "'");
        assertThat(first).hasSize(8);

        JarRunner.Result r = aupat.run("--script=trash", "--import=" + first.substring(0, 5));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("4");
        assertThat(single("SELECT group_concat(img_nameo) FROM images WHERE loc_uuid = '" + uuid + "'")).isEqualTo("DSC_0100.JPG");

        JarRunner.Result back = aupat.run("--script=restore", "--import=" + first);
        assertThat(back.exit()).as(back.out() + back.err()).isZero();
        assertThat(single("SELECT count(*) FROM images WHERE imp_id = '" + first + "'")).isEqualTo("2");
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("0");
        expectRefusal(aupat.run("--script=trash", "--import=ffff"), "is no import of this archive");
    }

    @Test
    void changedTrashBytesStopARestoreAndBadOptionsOrUnfinishedFilesAreRefused() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = pipeline(aupat, "card", "Careful Mill");
        String sha = single("SELECT img_sha256 FROM images WHERE img_nameo = 'IMG_0001.JPG'");
        Path archived = Path.of(single("SELECT img_loc FROM images WHERE img_sha256 = '" + sha + "'"));

        JarRunner.Result json = aupat.run("--script=trash", "--sha=" + sha, "--dry-run", "--json");
        assertThat(json.exit()).as(json.out() + json.err()).isZero();
        assertThat(json.out().strip()).startsWith("{").contains("\"dryRun\":true").contains("\"files\":1");

        assertThat(aupat.run("--script=trash", "--sha=" + sha).exit()).isZero();
        Path trashed = Path.of(single("SELECT trash_path FROM trash"));
        Files.writeString(trashed, "rotted");
        JarRunner.Result rotted = aupat.run("--script=restore", "--sha=" + sha);
        assertThat(rotted.exit()).as(rotted.out() + rotted.err()).isEqualTo(1);
        assertThat(rotted.err()).contains("SHA-256 mismatch for " + trashed).doesNotContain("\tat ");
        assertThat(archived).as("nothing was put back").doesNotExist();
        assertThat(single("SELECT count(*) FROM trash")).isEqualTo("1");

        expectRefusal(aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=a month"), "is not a date or time");
        expectRefusal(aupat.run("--script=db_cleanup", "--dry-run"), "is for --empty-trash only");
        assertThat(trashed).exists();

        Path card = Files.createDirectories(home.resolve("sources/staged"));
        new MediaFactory(card).photo("IMG_0009.JPG", "Canon", "Canon EOS 90D");
        assertThat(aupat.run("--script=db_import", "--source=" + card, "--location=" + uuid).exit()).isZero();
        expectRefusal(aupat.run("--script=trash", "--name=IMG_0009.JPG"), "is still in staging");
    }

    private static void expectRefusal(JarRunner.Result r, String message) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("\tat ");
    }

    private List<Path> trashFiles() throws Exception {
        Path trash = home.resolve("data/trash");
        if (!Files.exists(trash)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(trash)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** Runs the pipeline over a new card (a Canon photo, an iPhone live photo and a note) into a new location. */
    private String pipeline(InProcessRunner aupat, String card, String name) throws Exception {
        return pipeline(aupat, card, name, "Canon EOS 5D Mark IV");
    }

    private String pipeline(InProcessRunner aupat, String card, String name, String canon) throws Exception {
        Path source = Files.createDirectories(home.resolve("sources/" + card));
        MediaFactory media = new MediaFactory(source);
        media.photo("IMG_0001.JPG", "Canon", canon);
        media.photo("IMG_0002.JPG", "Apple", "iPhone 12");
        media.iphoneMov("IMG_0002.MOV", "iPhone 12");
        media.text("notes.txt", "notes of " + name);
        return pipelineOf(aupat, source, name);
    }

    private String pipelineOf(InProcessRunner aupat, Path source, String name) throws Exception {
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=" + source, "--name=" + name, "--state=ny",
                "--type=industrial", "--author=tester");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return single("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'");
    }

    private Path masterJson(String uuid) throws Exception {
        Path folder = Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + uuid + "'"));
        try (Stream<Path> files = Files.list(folder.resolve("documents"))) {
            return files.filter(f -> f.getFileName().toString().endsWith("_master.json")).findFirst().orElseThrow();
        }
    }

    private Map<String, Object> row(String table, String key, String sha) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM " + table + " WHERE " + key + " = '" + sha + "'")) {
            Map<String, Object> row = new LinkedHashMap<>();
            ResultSetMetaData meta = rows.getMetaData();
            assertThat(rows.next()).isTrue();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnName(i), rows.getObject(i));
            }
            return row;
        }
    }

    private String single(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static List<String> deletions(String out) {
        return out.lines().filter(l -> l.startsWith("delete ")).toList();
    }
}
