package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder, db_folder and db_ingest scripts on a real archive, in process: the whole folder template
 * with a location's website folder, a location whose folder cannot be made, the dry run of db_ingest,
 * and a staged copy that vanished before db_ingest.
 */
class FolderIngestScriptsTest {
    @TempDir
    Path home;

    @Test
    void theFolderScriptMakesTheWholeTemplateWithTheWebsiteFolderAndDbFolderReportsItThere() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = imported(aupat, "card", "Template Mill", "--url=https://example.org/template-mill");

        JarRunner.Result r = aupat.run("--script=folder", "--location=" + uuid);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Path folder = locationFolder(uuid);
        assertThat(folder.resolve("photos/original_camera")).isDirectory();
        assertThat(folder.resolve("photos/original_drone")).isDirectory();
        assertThat(folder.resolve("videos/original_phone")).isDirectory();
        Path website = Path.of(single("SELECT url_loc FROM urls WHERE loc_uuid = '" + uuid + "'"));
        assertThat(website).as("a folder for the location's web page").isDirectory().startsWith(folder);
        assertThat(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + uuid + "'")).isEqualTo(folder.toString());

        JarRunner.Result again = aupat.run("--script=db_folder", "--location=" + uuid);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out() + again.err()).contains("location " + uuid + ": folders already there");
    }

    @Test
    void aLocationWhoseFolderCannotBeMadeIsNamedWithTheReasonAndTheOthersAreStillMade() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String blocked = imported(aupat, "card-a", "Blocked Mill");
        String fine = imported(aupat, "card-b", "Fine Mill");
        // A file where the blocked location's folder must go (a user's stray file, a full name clash).
        Path planned = plannedFolder(aupat, blocked);
        Files.createDirectories(planned.getParent());
        Files.writeString(planned, "not a folder");

        JarRunner.Result r = aupat.run("--script=db_folder");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("location " + blocked + ": ").contains("location " + fine + ": ")
                .doesNotContain("\tat ");
        assertThat(Files.readString(planned)).isEqualTo("not a folder");
        assertThat(locationFolder(fine).resolve("documents")).isDirectory();
        assertThat(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + blocked + "'")).isNull();
    }

    @Test
    void dbIngestDryRunMovesNothingAndAVanishedStagedCopyStaysRecordedAsAFailureWithExit4() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = imported(aupat, "card", "Ingest Mill");
        JarRunner.Result organized = aupat.run("--script=db_organize");
        assertThat(organized.exit()).as(organized.out() + organized.err()).isZero();
        Path stagedPhoto = Path.of(single("SELECT img_loc FROM images WHERE loc_uuid = '" + uuid + "'"));
        assertThat(stagedPhoto).exists();

        JarRunner.Result dry = aupat.run("--script=db_ingest", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out() + dry.err()).contains(stagedPhoto.toString()).contains(plannedFolder(aupat, uuid).toString());
        assertThat(stagedPhoto).as("a dry run moves nothing").exists();
        assertThat(single("SELECT img_loc FROM images WHERE loc_uuid = '" + uuid + "'")).isEqualTo(stagedPhoto.toString());

        Files.delete(stagedPhoto);
        JarRunner.Result r = aupat.run("--script=db_ingest");
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out() + r.err()).contains("1 stayed in staging (see logs/failure.log)").doesNotContain("\tat ");
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains(stagedPhoto + " of ").contains("is missing");
        assertThat(single("SELECT img_loc FROM images WHERE loc_uuid = '" + uuid + "'"))
                .as("the row still points at where the copy was").isEqualTo(stagedPhoto.toString());
        assertThat(single("SELECT doc_loc FROM documents WHERE loc_uuid = '" + uuid + "'"))
                .as("the document was archived").startsWith(locationFolder(uuid).toString());
    }

    /** Imports a card with one photo and one text document into a new location; returns its uuid. */
    private String imported(InProcessRunner aupat, String card, String name, String... more) throws Exception {
        if (!Files.exists(home.resolve("data/aupat.db"))) {
            assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        }
        Path source = Files.createDirectories(home.resolve("sources/" + card));
        MediaFactory media = new MediaFactory(source);
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        media.text("notes.txt", "notes of " + name);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--script=db_import",
                "--source=" + source, "--name=" + name, "--state=ny", "--type=industrial", "--author=tester"));
        args.addAll(java.util.List.of(more));
        JarRunner.Result r = aupat.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return single("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'");
    }

    private Path locationFolder(String uuid) throws Exception {
        return Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + uuid + "'"));
    }

    /** Where the location's folder goes, as db_import's dry run of the same location says. */
    private Path plannedFolder(InProcessRunner aupat, String uuid) throws Exception {
        String slug = single("SELECT loc_name FROM locations WHERE loc_uuid = '" + uuid + "'").toLowerCase().replace(' ', '-');
        return home.resolve("data/archive/ny-industrial").resolve(slug + "_" + uuid.replace("-", "").substring(0, 12));
    }

    private String single(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"));
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
