package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * move and merge in process, on a real SQLite archive and real files: the files linked to a moved file go
 * with it, names and folders become the new location's, master JSON of both places is rewritten, a staging copy
 * still waiting for db_verify follows, a rerun does nothing, the dry run prints the real run's moves and changes
 * nothing, and every ambiguous or wrong option is refused with exit 2 and one line.
 */
class MoveMergeScriptsTest {
    @TempDir
    Path home;

    @Test
    void aLivePhotoMovedByNameTakesItsVideoAndBothMasterJsonFilesFollowAndARerunDoesNothing() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path wrongCard = card("wrong", (media, folder) -> {
            media.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro");
            media.iphoneMov("IMG_0001.MOV", "iPhone 13 Pro");
            media.photo("IMG_0100.JPG", "Canon", "Canon EOS 5D Mark IV");
            media.text("IMG_0100.xmp", "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>");
        });
        String wrong = pipeline(aupat, wrongCard, "Wrong Mill");
        String right = pipeline(aupat, card("right", (media, folder) -> media.photo("R.JPG", "NIKON CORPORATION", "NIKON D850")),
                "Right Mill");
        String still = sha(wrongCard.resolve("IMG_0001.JPG"));
        String video = sha(wrongCard.resolve("IMG_0001.MOV"));

        JarRunner.Result r = aupat.run("--script=move", "--name=IMG_0001.JPG", "--to=" + right);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out() + r.err()).contains("Moved 2 file(s) to Right Mill (" + right + ")");
        Path rightFolder = Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + right + "'"));
        for (String sha : List.of(still, video)) {
            List<String> row = row("SELECT name, loc, loc_uuid FROM (SELECT img_name AS name, img_loc AS loc, loc_uuid,"
                    + " img_sha256 AS sha FROM images UNION ALL SELECT vid_name, vid_loc, loc_uuid, vid_sha256 FROM videos)"
                    + " WHERE sha = '" + sha + "'");
            assertThat(row.get(0)).startsWith(prefix(right) + "-");
            assertThat(Path.of(row.get(1))).startsWith(rightFolder).exists().hasFileName(row.get(0));
            assertThat(ArchiveInvariants.sha256(Path.of(row.get(1)))).isEqualTo(sha);
            assertThat(row.get(2)).isEqualTo(right);
        }
        assertThat(single("SELECT vid_loc FROM videos WHERE vid_sha256 = '" + video + "'")).contains("/videos/original_other/");
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + wrong + "'")).as("the Canon photo stays")
                .isEqualTo("1");
        assertThat(single("SELECT count(*) FROM documents WHERE loc_uuid = '" + wrong + "'")).as("its sidecar stays")
                .isEqualTo("1");
        assertThat(masterJson(right)).contains(still).contains(video);
        assertThat(masterJson(wrong)).doesNotContain(still).doesNotContain(video);
        assertThat(single("SELECT count(*) FROM file_moves WHERE from_loc = '" + wrong + "' AND to_loc = '" + right + "'"))
                .isEqualTo("2");
        assertThat(ArchiveInvariants.files(home.resolve("data/archive"))).as("each file once, nothing left behind")
                .hasSize(5 + 2).noneMatch(p -> p.toString().contains(".aupat-"));

        Map<Path, String> before = tree();
        JarRunner.Result again = aupat.run("--script=move", "--name=IMG_0001.JPG", "--to=" + right);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out() + again.err()).contains("Nothing to do: the 2 chosen file(s) are already in Right Mill");
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void theDryRunPrintsTheMovesTheRealRunMakesAndChangesNothingASidecarFollowsItsPhotoIntoANewSubLocation()
            throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path source = card("a", (media, folder) -> {
            media.photo("IMG_0100.JPG", "Canon", "Canon EOS 5D Mark IV");
            media.text("IMG_0100.xmp", "<x:xmpmeta xmlns:x='adobe:ns:meta/'/>");
        });
        String from = pipeline(aupat, source, "First Mill");
        String to = pipeline(aupat, card("b", (media, folder) -> media.photo("B.JPG", "Canon", "Canon EOS R5")), "Second Mill");
        String photo = sha(source.resolve("IMG_0100.JPG"));
        String sidecar = sha(source.resolve("IMG_0100.xmp"));
        Map<Path, String> before = tree();
        String rowsBefore = String.join(",", rows("SELECT img_sha256 || img_loc || loc_uuid FROM images ORDER BY 1"));

        JarRunner.Result dry = aupat.run("--script=move", "--sha=" + photo.substring(0, 10), "--to=" + to,
                "--to-sub=east wing", "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("IMG_0100.JPG (" + photo.substring(0, 12) + ")")
                .contains("IMG_0100.xmp (" + sidecar.substring(0, 12) + ")");
        assertThat(dry.err()).contains("Dry run: 2 file(s) would move to Second Mill (" + to + "), sub-location East Wing");
        assertThat(tree()).as("a dry run changes no file").isEqualTo(before);
        assertThat(String.join(",", rows("SELECT img_sha256 || img_loc || loc_uuid FROM images ORDER BY 1")))
                .isEqualTo(rowsBefore);
        assertThat(single("SELECT count(*) FROM sub_locations")).isEqualTo("0");

        JarRunner.Result real = aupat.run("--script=move", "--sha=" + photo.substring(0, 10), "--to=" + to,
                "--to-sub=east wing", "--verbose");
        assertThat(real.exit()).as(real.out() + real.err()).isZero();
        String sub = single("SELECT sub_uuid FROM sub_locations WHERE loc_uuid = '" + to + "' AND sub_name = 'East Wing'");
        assertThat(sub).isNotNull();
        Path photoPath = Path.of(single("SELECT img_loc FROM images WHERE img_sha256 = '" + photo + "'"));
        Path sidecarPath = Path.of(single("SELECT doc_loc FROM documents WHERE doc_sha256 = '" + sidecar + "'"));
        assertThat(photoPath.getFileName().toString()).startsWith(prefix(to) + "-" + prefix(sub) + "-img_");
        String photoName = photoPath.getFileName().toString();
        assertThat(sidecarPath).as("the sidecar stays beside its photo, under its new name")
                .isEqualTo(photoPath.resolveSibling(photoName.substring(0, photoName.lastIndexOf('.')) + ".xmp"));
        assertThat(photoPath).exists();
        assertThat(sidecarPath).exists();
        assertThat(single("SELECT sub_uuid FROM documents WHERE doc_sha256 = '" + sidecar + "'")).isEqualTo(sub);
        // The provisional sub-location uuid aside, the dry run's targets are the real run's folders.
        assertThat(dry.out()).contains(photoPath.getParent().toString()).contains(sidecarPath.getParent().toString());
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + from + "'")).isEqualTo("0");
        assertThat(masterJson(from)).doesNotContain(photo);
    }

    @Test
    void aStagingCopyStillWaitingForDbVerifyMovesWithItsFileAndDbVerifyThenRemovesIt() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path source = card("a", (media, folder) -> media.photo("IMG_1.JPG", "Canon", "Canon EOS 5D Mark IV"));
        String from = stepsWithoutVerify(aupat, source, "Early Mill");
        String to = pipeline(aupat, card("b", (media, folder) -> media.photo("B.JPG", "Canon", "Canon EOS R5")), "Late Mill");
        String photo = sha(source.resolve("IMG_1.JPG"));
        assertThat(ArchiveInvariants.files(home.resolve("data/staging/" + prefix(from)))).hasSize(1);

        JarRunner.Result r = aupat.run("--script=move", "--sha=" + photo, "--to=" + to);
        assertThat(r.exit()).as(r.out() + r.err() + Files.readString(home.resolve("logs/error.log"))).isZero();
        assertThat(ArchiveInvariants.files(home.resolve("data/staging/" + prefix(from)))).isEmpty();
        assertThat(ArchiveInvariants.files(home.resolve("data/staging/" + prefix(to)))).singleElement()
                .satisfies(p -> assertThat(ArchiveInvariants.sha256(p)).isEqualTo(photo));

        JarRunner.Result verify = aupat.run("--script=db_verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(ArchiveInvariants.files(home.resolve("data/staging"))).as("the moved staging copy was recognised")
                .isEmpty();
    }

    @Test
    void mergeMovesEveryFileSubLocationAndUrlRemovesTheOtherLocationAndARerunSaysItIsDone() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path sourceA = card("a", (media, folder) -> {
            media.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro");
            media.iphoneMov("IMG_0001.MOV", "iPhone 13 Pro");
            media.text("history.txt", "Built 1880.");
        });
        String a = pipeline(aupat, sourceA, "Olmsted Complex", "--sub-location=North Wing", "--url=https://example.org/a");
        String b = pipeline(aupat, card("b", (media, folder) -> media.photo("B.JPG", "Canon", "Canon EOS R5")), "Richard Olmsted");
        Path folderA = Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + a + "'"));
        Path folderB = Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + b + "'"));
        Map<Path, String> before = tree();

        JarRunner.Result dry = aupat.run("--script=merge", "--location=" + a, "--into=" + b, "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("sub-location North Wing").contains("IMG_0001.MOV").contains("history.txt")
                .contains("url ").contains("then remove location Olmsted Complex (" + a + ")");
        assertThat(tree()).isEqualTo(before);

        JarRunner.Result r = aupat.run("--script=merge", "--location=" + a, "--into=" + b);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out() + r.err()).contains("Merged Olmsted Complex (" + a + ") into Richard Olmsted (" + b + "): 3 file(s),"
                + " 1 sub-location(s), 1 URL(s)");
        assertThat(single("SELECT count(*) FROM locations WHERE loc_uuid = '" + a + "'")).isEqualTo("0");
        assertThat(single("SELECT into_uuid FROM location_merges WHERE loc_uuid = '" + a + "'")).isEqualTo(b);
        assertThat(single("SELECT loc_uuid FROM sub_locations WHERE sub_name = 'North Wing'")).isEqualTo(b);
        assertThat(single("SELECT loc_uuid FROM urls")).isEqualTo(b);
        assertThat(rows("SELECT loc_uuid FROM imports")).as("A's import is B's now, not deleted with A").hasSize(2)
                .containsOnly(b);
        assertThat(rows("SELECT count(*) FROM images WHERE imp_id IS NULL")).containsExactly("0");
        assertThat(Path.of(single("SELECT url_loc FROM urls"))).startsWith(folderB).isDirectory();
        assertThat(folderA).as("the merged location's folder is gone: " + r.out() + r.err() + (Files.exists(folderA) ? java.nio.file.Files.walk(folderA).toList() : "")).doesNotExist();
        assertThat(rows("SELECT loc FROM (SELECT img_loc AS loc FROM images UNION ALL SELECT vid_loc FROM videos"
                + " UNION ALL SELECT doc_loc FROM documents)")).hasSize(4).allSatisfy(p -> {
                    assertThat(Path.of(p)).startsWith(folderB).exists();
                    assertThat(Path.of(p).getFileName().toString()).startsWith(prefix(b) + "-");
                });
        ArchiveInvariants.ofHome(home).assertArchivedExactlyOnce(sources());
        for (Path file : sources()) {
            assertThat(masterJson(b)).contains(sha(file));
        }

        Map<Path, String> merged = tree();
        JarRunner.Result again = aupat.run("--script=merge", "--location=" + a, "--into=" + b);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out() + again.err()).contains("Nothing to do: Olmsted Complex (" + a + ") was already merged into"
                + " Richard Olmsted");
        assertThat(tree()).isEqualTo(merged);
    }

    @Test
    void everyAmbiguousOrWrongRequestIsRefusedWithExit2AndOneLineAndChangesNothing() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        // Two documents whose SHA-256 share their first 4 hex digits, and two photos of the same original name.
        String[] twins = twinsByPrefix(4);
        Path source = card("a", (media, folder) -> {
            media.text("twin-1.txt", twins[0]);
            media.text("twin-2.txt", twins[1]);
            new MediaFactory(Files.createDirectories(folder.resolve("100CANON"))).photo("IMG_1.JPG", "Canon", "Canon EOS 5D Mark IV");
            new MediaFactory(Files.createDirectories(folder.resolve("101CANON"))).photo("IMG_1.JPG", "Canon", "Canon EOS R5");
        });
        String a = pipeline(aupat, source, "Twin Mill");
        String b = pipeline(aupat, card("b", (media, folder) -> media.photo("B.JPG", "Canon", "Canon EOS R5")), "Other Mill");
        String sharedPrefix = sha(source.resolve("twin-1.txt")).substring(0, 4);
        assertThat(sha(source.resolve("twin-2.txt"))).startsWith(sharedPrefix);
        Path staged = card("c", (media, folder) -> media.photo("STAGED.JPG", "Canon", "Canon EOS R5"));
        assertThat(aupat.run("--script=db_import", "--source=" + staged, "--location=" + b).exit()).isZero();
        Map<Path, String> before = tree();
        List<Path> backups = ArchiveInvariants.files(home.resolve("data/backups"));

        Map<String[], String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(new String[] {"--script=move", "--sha=" + sharedPrefix, "--to=" + b}, "matches 2 files");
        refusals.put(new String[] {"--script=move", "--name=IMG_1.JPG", "--to=" + b}, "matches 2 files");
        refusals.put(new String[] {"--script=move", "--name=nothing.jpg", "--to=" + b}, "no file of this archive");
        refusals.put(new String[] {"--script=move", "--sha=xyz!", "--to=" + b}, "is not a SHA-256 or a prefix");
        refusals.put(new String[] {"--script=move", "--sha=" + sharedPrefix + "0000", "--to=" + b}, "no file of this archive");
        refusals.put(new String[] {"--script=move", "--name=twin-1.txt", "--to=3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90"},
                "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90");
        refusals.put(new String[] {"--script=move", "--name=twin-1.txt"}, "to: is required");
        refusals.put(new String[] {"--script=move", "--to=" + b}, "choose the files to move");
        refusals.put(new String[] {"--script=move", "--name=STAGED.JPG", "--to=" + a}, "run db_ingest");
        refusals.put(new String[] {"--script=merge", "--location=" + a, "--into=" + a}, "cannot be merged into itself");
        refusals.put(new String[] {"--script=merge", "--location=3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90", "--into=" + a},
                "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90");
        refusals.put(new String[] {"--script=merge", "--location=" + b, "--into=" + a}, "run db_ingest");
        refusals.put(new String[] {"--script=merge", "--into=" + a}, "location");
        for (Map.Entry<String[], String> refusal : refusals.entrySet()) {
            JarRunner.Result r = aupat.run(refusal.getKey());
            String args = String.join(" ", refusal.getKey());
            assertThat(r.exit()).as(args + "\n" + r.out() + r.err()).isEqualTo(2);
            assertThat(r.err()).as(args).contains(refusal.getValue()).doesNotContain("\tat ");
            assertThat(r.err().strip().lines().count()).as(args + ": one line\n" + r.err()).isLessThanOrEqualTo(2);
        }
        assertThat(tree()).as("no refusal changed a file").isEqualTo(before);
        assertThat(ArchiveInvariants.files(home.resolve("data/backups"))).as("a refusal makes no backup")
                .isEqualTo(backups);
    }

    @Test
    void aCardImportedIntoTheWrongLocationIsMovedWholeByItsImportAndNothingElseChanges() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String wrong = pipeline(aupat, card("first", (media, folder) -> media.photo("KEEP.JPG", "Canon", "Canon EOS R5")),
                "Wrong Mill");
        String right = pipeline(aupat, card("right", (media, folder) -> media.photo("R.JPG", "Canon", "Canon EOS R5")),
                "Right Mill");
        Path misfiled = card("misfiled", (media, folder) -> {
            media.photo("DSC_1.JPG", "NIKON CORPORATION", "NIKON D850");
            media.photo("DSC_2.JPG", "NIKON CORPORATION", "NIKON D850");
            media.text("notes.txt", "east wing");
        });
        JarRunner.Result added = aupat.run("--script=pipeline", "--source=" + misfiled, "--location=" + wrong);
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        String importId = single("SELECT imp_id FROM imports WHERE source = '" + misfiled + "'");
        String keep = single("SELECT img_loc FROM images WHERE img_nameo = 'KEEP.JPG'");

        JarRunner.Result r = aupat.run("--script=move", "--import=" + importId.substring(0, 5), "--to=" + right);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out() + r.err()).contains("Moved 3 file(s) to Right Mill");
        assertThat(rows("SELECT loc_uuid FROM (SELECT loc_uuid, imp_id FROM images UNION ALL SELECT loc_uuid, imp_id FROM"
                + " documents) WHERE imp_id = '" + importId + "'")).hasSize(3).containsOnly(right);
        assertThat(single("SELECT loc_uuid FROM imports WHERE imp_id = '" + importId + "'")).isEqualTo(right);
        assertThat(single("SELECT img_loc FROM images WHERE img_nameo = 'KEEP.JPG'")).as("the rest stays").isEqualTo(keep);
        assertThat(Path.of(keep)).exists();
        ArchiveInvariants.ofHome(home).assertArchivedExactlyOnce(sources());

        JarRunner.Result again = aupat.run("--script=move", "--import=" + importId, "--to=" + right);
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(again.out() + again.err()).contains("Nothing to do: the 3 chosen file(s) are already in Right Mill");
        JarRunner.Result unknown = aupat.run("--script=move", "--import=ffffffff", "--to=" + right);
        assertThat(unknown.exit()).as(unknown.out() + unknown.err()).isEqualTo(2);
        assertThat(unknown.err()).contains("is no import of this archive");
    }

    @Test
    void aMissingArchiveCopyStopsTheMoveBeforeAnyFileMovesAndTheDryRunSaysSo() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path source = card("a", (media, folder) -> {
            media.photo("A.JPG", "Canon", "Canon EOS R5");
            media.photo("GONE.JPG", "Canon", "Canon EOS 5D Mark IV");
        });
        String from = pipeline(aupat, source, "Lost Mill");
        String to = pipeline(aupat, card("b", (media, folder) -> media.photo("B.JPG", "Canon", "Canon EOS R5")), "Found Mill");
        Files.delete(Path.of(single("SELECT img_loc FROM images WHERE img_nameo = 'GONE.JPG'")));
        Map<Path, String> before = tree();

        JarRunner.Result dry = aupat.run("--script=merge", "--location=" + from, "--into=" + to, "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isEqualTo(1);
        assertThat(dry.out()).contains("would fail: GONE.JPG");
        JarRunner.Result r = aupat.run("--script=move", "--name=A.JPG", "--name=GONE.JPG", "--to=" + to);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.err()).contains("1 chosen file(s) cannot be moved: GONE.JPG").contains("Nothing was moved")
                .doesNotContain("\tat ");
        assertThat(tree()).as("nothing moved").isEqualTo(before);
        assertThat(single("SELECT count(*) FROM images WHERE loc_uuid = '" + from + "'")).isEqualTo("2");
    }

    // --- helpers ---

    interface CardContent {
        void fill(MediaFactory media, Path folder) throws Exception;
    }

    private final List<Path> cards = new ArrayList<>();

    private Path card(String name, CardContent content) throws Exception {
        Path folder = Files.createDirectories(home.resolve("sources/" + name));
        content.fill(new MediaFactory(folder), folder);
        cards.add(folder);
        return folder;
    }

    private List<Path> sources() {
        List<Path> all = new ArrayList<>();
        for (Path card : cards) {
            ArchiveInvariants.files(card).forEach(all::add);
        }
        return all;
    }

    private String pipeline(InProcessRunner aupat, Path source, String name, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--script=pipeline", "--source=" + source, "--name=" + name,
                "--state=ny", "--type=industrial"));
        args.addAll(List.of(more));
        JarRunner.Result r = aupat.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return single("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'");
    }

    /** Import, organize, folder and ingest, but not db_verify: the staging copies stay. */
    private String stepsWithoutVerify(InProcessRunner aupat, Path source, String name) throws Exception {
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        for (String[] args : List.of(new String[] {"--script=db_import", "--source=" + source, "--name=" + name,
                "--state=ny", "--type=industrial"}, new String[] {"--script=db_organize"},
                new String[] {"--script=db_folder"}, new String[] {"--script=db_ingest"})) {
            JarRunner.Result r = aupat.run(args);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
        }
        return single("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'");
    }

    private String masterJson(String location) throws Exception {
        Path folder = Path.of(single("SELECT loc_loc FROM locations WHERE loc_uuid = '" + location + "'"));
        return Files.readString(folder.resolve("documents/" + prefix(location) + "_master.json"));
    }

    /** Every file under the home's data folder with its SHA-256 (the database and logs aside). */
    private Map<Path, String> tree() {
        Map<Path, String> tree = new TreeMap<>();
        for (String root : List.of("data/archive", "data/staging")) {
            for (Path file : ArchiveInvariants.files(home.resolve(root))) {
                tree.put(file, ArchiveInvariants.sha256(file));
            }
        }
        return tree;
    }

    private static String prefix(String uuid) {
        return uuid.replace("-", "").substring(0, 12);
    }

    private static String sha(Path file) {
        return ArchiveInvariants.sha256(file);
    }

    /** Two different texts whose SHA-256 begin with the same {@code digits} hex digits. */
    private static String[] twinsByPrefix(int digits) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            String text = "twin " + i;
            String prefix = HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .substring(0, digits);
            String other = seen.putIfAbsent(prefix, text);
            if (other != null) {
                return new String[] {other, text};
            }
        }
    }

    private String single(String sql) throws Exception {
        List<String> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> row(String sql) throws Exception {
        return ArchiveInvariants.ofHome(home).rows(sql).get(0);
    }

    private List<String> rows(String sql) throws Exception {
        return ArchiveInvariants.ofHome(home).query(sql);
    }
}
