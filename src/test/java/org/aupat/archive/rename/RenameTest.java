package org.aupat.archive.rename;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aupat.e2e.InProcessRunner;
import org.aupat.e2e.JarRunner;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * rename on a real archive, in process: by default only the rows and the master JSON change and the folder stays;
 * --move-folder moves the folder with every file and every recorded path follows; the dry run changes nothing; a
 * rerun changes nothing; a run that finds the folder already moved (killed after the move) converges; a
 * sub-location is renamed; bad or ambiguous input is refused with exit 2 and changes nothing.
 */
class RenameTest {
    @TempDir
    Path home;

    @Test
    void byDefaultTheFolderStaysAndTheRowsAndMasterJsonTakeTheNewName() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = archived(aupat, "Old Mill");
        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        Map<String, String> files = archive.recordedFiles();
        String folder = folderOf(archive, uuid);
        long backups = backups();

        JarRunner.Result r = ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill", "--aka=The Mill",
                "--state=pa", "--sub-type=textile-mill"));
        assertThat(r.out()).contains("name: Old Mill -> Olmsted Mill").contains("state: ny -> pa")
                .contains("folder stays: " + folder);
        assertThat(archive.rows("SELECT loc_name, aka_name, state, sub_type, loc_loc FROM locations"))
                .containsExactly(List.of("Olmsted Mill", "The Mill", "pa", "textile-mill", folder));
        assertThat(archive.recordedFiles()).as("no file moved").isEqualTo(files);
        assertThat(Files.readString(masterJson(folder, uuid))).contains("Olmsted Mill").doesNotContain("Old Mill");
        assertThat(backups()).as("a verified backup first").isEqualTo(backups + 1);

        JarRunner.Result again = ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill"));
        assertThat(again.err()).contains("Nothing to change");
    }

    @Test
    void moveFolderTakesEveryFileAlongAndEveryPathFollows() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = archived(aupat, "Old Mill");
        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        Map<String, String> before = archive.recordedFiles();
        Path from = Path.of(folderOf(archive, uuid));
        Path to = home.resolve("data/archive/pa-industrial/olmsted-mill_" + uuid.replace("-", "").substring(0, 12));

        JarRunner.Result dry = ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill", "--state=pa",
                "--move-folder", "--dry-run"));
        assertThat(dry.out()).contains("move folder " + from + " -> " + to + " (3 file(s) recorded inside)");
        assertThat(archive.recordedFiles()).as("the dry run moves nothing").isEqualTo(before);
        assertThat(from).isDirectory();
        assertThat(to).doesNotExist();

        ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill", "--state=pa", "--move-folder"));
        assertMovedAndSound(archive, before, from, to, uuid);
        assertThat(from.getParent()).as("the emptied state-type folder goes too").doesNotExist();

        JarRunner.Result again = ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill", "--state=pa",
                "--move-folder"));
        assertThat(again.err()).contains("Nothing to change");
        assertMovedAndSound(archive, before, from, to, uuid);
    }

    @Test
    void aRunThatFindsTheFolderAlreadyMovedOnlyLetsTheRowsFollow() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = archived(aupat, "Old Mill");
        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        Map<String, String> before = archive.recordedFiles();
        Path from = Path.of(folderOf(archive, uuid));
        Path to = from.resolveSibling("olmsted-mill_" + uuid.replace("-", "").substring(0, 12));
        // What a run killed after its committed folder move and before its database transaction leaves.
        Files.move(from, to);

        JarRunner.Result r = ok(aupat.run("--script=rename", "--location=" + uuid, "--name=Olmsted Mill", "--move-folder"));
        assertThat(r.out()).contains("folder already at " + to);
        assertMovedAndSound(archive, before, from, to, uuid);
    }

    @Test
    void aSubLocationIsRenamedByItsName() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = archived(aupat, "Old Mill", "--sub-location=Building C");
        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        ok(aupat.run("--script=rename", "--location=" + uuid, "--sub-location=building c", "--name=Boiler House"));
        assertThat(archive.query("SELECT sub_name FROM sub_locations")).containsExactly("Boiler House");
        assertThat(Files.readString(masterJson(folderOf(archive, uuid), uuid))).contains("Boiler House");
        JarRunner.Result moved = aupat.run("--script=rename", "--location=" + uuid, "--sub-location=Boiler House",
                "--name=X", "--move-folder");
        assertThat(moved.exit()).isEqualTo(2);
        assertThat(moved.err()).contains("has no folder of its own");
        JarRunner.Result unknown = aupat.run("--script=rename", "--location=" + uuid, "--sub-location=Nowhere", "--name=X");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("is not a sub-location").contains("Boiler House");
    }

    @Test
    void badOrAmbiguousInputIsRefusedWithExit2AndChangesNothing() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = archived(aupat, "Old Mill");
        String other = archived(aupat, "Other Mill");
        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        Map<String, String> files = archive.recordedFiles();
        List<List<String>> locations = archive.rows("SELECT * FROM locations ORDER BY loc_uuid");
        long backups = backups();
        Path blocking = home.resolve("data/archive/ny-industrial/blocked-mill_" + uuid.replace("-", "").substring(0, 12));
        Files.createDirectories(blocking);

        String[][] cases = {
                {"is already the name of location " + other, "--location=" + uuid, "--name=Other Mill"},
                {"is not a location in this archive", "--location=00000000-0000-4000-8000-000000000000", "--name=X"},
                {"nothing to rename", "--location=" + uuid},
                {"state", "--location=" + uuid, "--state=XX"},
                {"is not a known location type", "--location=" + uuid, "--type=spaceport"},
                {"exists already", "--location=" + uuid, "--name=Blocked Mill", "--move-folder"},
                {"location", "--name=Nameless"}};
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "--script=rename";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            JarRunner.Result r = aupat.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).contains(c[0]).doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).as("one line: " + r.err()).isLessThanOrEqualTo(2);
        }
        assertThat(archive.recordedFiles()).isEqualTo(files);
        assertThat(archive.rows("SELECT * FROM locations ORDER BY loc_uuid")).isEqualTo(locations);
        assertThat(backups()).as("refused before the backup").isEqualTo(backups);
        assertThat(blocking).isEmptyDirectory();
    }

    private static void assertMovedAndSound(ArchiveInvariants archive, Map<String, String> before, Path from, Path to,
                                            String uuid) throws Exception {
        Map<String, String> after = archive.recordedFiles();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((sha, path) -> {
            Path moved = Path.of(after.get(sha));
            assertThat(moved).isEqualTo(to.resolve(from.relativize(Path.of(path))));
            assertThat(ArchiveInvariants.sha256(moved)).isEqualTo(sha);
        });
        assertThat(from).doesNotExist();
        assertThat(archive.query("SELECT loc_loc FROM locations WHERE loc_uuid = '" + uuid + "'")).containsExactly(to.toString());
        assertThat(archive.query("SELECT url_loc FROM urls")).allSatisfy(url -> assertThat(url).startsWith(to + "/"));
        String json = Files.readString(masterJson(to.toString(), uuid));
        assertThat(json).contains("Olmsted Mill").contains(to.toString()).doesNotContain(from + "/");
        archive.assertCleanAndSound();
    }

    /** Imports and archives a card (one photo, one document, one web page) with the pipeline; returns the uuid. */
    private String archived(InProcessRunner aupat, String name, String... more) throws Exception {
        Path card = Files.createDirectories(home.resolve("sources/" + name.replace(' ', '-')));
        MediaFactory media = new MediaFactory(card);
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        media.text("notes.txt", "notes of " + name);
        media.text("plan.txt", "plan of " + name);
        List<String> args = new java.util.ArrayList<>(List.of("--script=pipeline", "--source=" + card, "--name=" + name,
                "--state=ny", "--type=industrial", "--url=https://example.org/" + name.replace(' ', '-').toLowerCase()));
        args.addAll(List.of(more));
        ok(aupat.run(args.toArray(String[]::new)));
        return ArchiveInvariants.ofHome(home).query("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'").get(0);
    }

    private static String folderOf(ArchiveInvariants archive, String uuid) throws Exception {
        return archive.query("SELECT loc_loc FROM locations WHERE loc_uuid = '" + uuid + "'").get(0);
    }

    private static Path masterJson(String folder, String uuid) {
        return Path.of(folder, "documents", uuid.replace("-", "").substring(0, 12) + "_master.json");
    }

    private long backups() throws Exception {
        if (!Files.exists(home.resolve("data/backups"))) {
            return 0;
        }
        try (var files = Files.list(home.resolve("data/backups"))) {
            return files.filter(f -> f.toString().endsWith(".db")).count();
        }
    }

    private static JarRunner.Result ok(JarRunner.Result r) {
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return r;
    }
}
