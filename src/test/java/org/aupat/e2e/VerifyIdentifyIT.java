package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db_verify and db_identify through the real jar: a damaged archive file, a master JSON (usage errors: VerifyOptionsTest). */
class VerifyIdentifyIT {
    static final String LOC = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";

    @TempDir
    Path home;

    @Test
    void aFlippedByteExitsOneNamingTheFileKeepsStagingAndAGoodArchiveIsCleanedAndExported() throws Exception {
        JarRunner jar = new JarRunner(home);
        assertThat(jar.run("--script=db_migrate").exit()).isZero();
        Path location = home.resolve("data/archive/ny-industrial/test-mill_3f2a9c417b0e");
        byte[] bytes = "a photo".getBytes(StandardCharsets.UTF_8);
        Path archived = Files.createDirectories(location.resolve("photos/original_phone")).resolve("x.jpg");
        Files.write(archived, bytes);
        String sha = ArchiveInvariants.sha256(archived);
        String name = "3f2a9c417b0e-img_" + sha.substring(0, 12) + ".jpg";
        Path named = Files.move(archived, archived.resolveSibling(name));
        Path staged = Files.createDirectories(home.resolve("data/staging/3f2a9c417b0e")).resolve(name);
        Files.write(staged, bytes);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("data/aupat.db"))) {
            PreparedStatement loc = c.prepareStatement("INSERT INTO locations (loc_uuid, loc_name, state, type, loc_loc,"
                    + " loc_add, loc_update) VALUES (?, 'Test Mill', 'ny', 'industrial', ?, '2025-01-01T00:00:00.000Z',"
                    + " '2025-01-01T00:00:00.000Z')");
            loc.setString(1, LOC);
            loc.setString(2, location.toString());
            loc.executeUpdate();
            PreparedStatement img = c.prepareStatement("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid,"
                    + " original, phone, img_archived) VALUES (?, ?, ?, ?, 1, 1, '2025-01-01T00:00:00.000Z')");
            img.setString(1, sha);
            img.setString(2, name);
            img.setString(3, named.toString());
            img.setString(4, LOC);
            img.executeUpdate();
        }
        Files.write(named, "A photo".getBytes(StandardCharsets.UTF_8));

        JarRunner.Result damaged = jar.run("--script=db_verify");

        assertThat(damaged.exit()).isEqualTo(1);
        assertThat(damaged.err()).contains(named.toString()).contains(sha).contains(staged.toString());
        assertThat(staged).exists();
        assertThat(home.resolve("logs/failure.log")).content().contains(named.toString());

        Files.write(named, bytes);
        JarRunner.Result repaired = jar.run("--script=db_verify", "--location=" + LOC);
        assertThat(repaired.exit()).as(repaired.err()).isZero();
        assertThat(repaired.out()).contains("Verified 1, failed 0");
        assertThat(home.resolve("data/staging")).isEmptyDirectory();

        JarRunner.Result identify = jar.run("--script=db_identify");
        Path json = location.resolve("documents/3f2a9c417b0e_master.json");
        assertThat(identify.exit()).as(identify.err()).isZero();
        assertThat(identify.out()).contains(json.toString());
        assertThat(json).content().contains(sha);
        assertThat(jar.run("--script=db_identify").out()).as("nothing changed since")
                .isEqualTo("Wrote 0 master JSON file(s); 0 location(s) failed." + System.lineSeparator());
    }

    @Test
    void stagedAndArchivedFilesTamperedOnDiskAreRefusedByIngestAndNeverOfferedAsAGoodCopy() throws Exception {
        JarRunner jar = new JarRunner(home);
        assertThat(jar.run("--script=db_migrate").exit()).isZero();
        Path card = Files.createDirectories(home.resolve("card"));
        Path notes = Files.writeString(card.resolve("notes.txt"), "field notes, first floor");
        Path plan = Files.writeString(card.resolve("plan.txt"), "floor plan, second floor");
        assertThat(jar.run("--script=db_import", "--source=" + card, "--name=Tamper Mill", "--state=ny",
                "--type=industrial").exit()).isZero();
        Path stagedNotes = stagedCopyOf(notes);
        Path stagedPlan = stagedCopyOf(plan);
        Files.writeString(stagedNotes, "rewritten in staging");

        JarRunner.Result ingest = jar.run("--script=db_ingest");

        assertThat(ingest.exit()).as(ingest.err()).isEqualTo(4);
        assertThat(ingest.err()).contains(stagedNotes.toString()).contains("changed since it was imported")
                .doesNotContain("\tat ");
        assertThat(stagedNotes).hasContent("rewritten in staging");
        assertThat(home.resolve("logs/failure.log")).content().contains(stagedNotes.toString());
        List<Path> archived = ArchiveInvariants.files(home.resolve("data/archive"));
        assertThat(archived).singleElement().satisfies(f -> assertThat(f).hasSameBinaryContentAs(plan));

        Files.writeString(archived.get(0), "damaged in the archive"); // in place: the hard-linked staging name too
        JarRunner.Result verify = jar.run("--script=db_verify");

        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.err()).contains("no good staging or backup copy exists")
                .contains("not a good copy: " + stagedPlan).contains("hard link").doesNotContain("good copies (");
        assertThat(stagedPlan).exists();
    }

    private Path stagedCopyOf(Path source) {
        String sha = ArchiveInvariants.sha256(source);
        return ArchiveInvariants.files(home.resolve("data/staging")).stream()
                .filter(f -> f.getFileName().toString().contains("-doc_" + sha.substring(0, 12))).findFirst().orElseThrow();
    }
}
