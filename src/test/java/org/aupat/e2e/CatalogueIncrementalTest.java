package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalogue run after one location changed (a trash, a restore, a move, a new import, a merge) renders and
 * writes that location's page and the index only. The page of a location that did not change is not even
 * rendered: it is edited here by hand (same size) and keeps the edit, which a page made again would undo.
 */
class CatalogueIncrementalTest {
    private static final String UNTOUCHED = "All locations";
    private static final String EDITED = "All LOCATIONS";

    @TempDir
    Path home;

    @Test
    void onlyThePagesOfChangedLocationsAndTheIndexAreWritten() throws Exception {
        CatalogueHome archive = CatalogueHome.build(home);
        Path barnCard = Files.createDirectories(home.resolve("barn"));
        new MediaFactory(barnCard).photo("BARN_0001.JPG", "Canon", "Canon EOS R5", "2023:05:06 07:08:09", "-04:00", 42.5, -76.5);
        run(archive, "--script=pipeline", "--source=" + barnCard, "--name=Quiet Barn", "--state=ny", "--type=farm",
                "--new-type");
        Path mill = page(archive, "Sample Mill");
        Path hall = page(archive, "Odd Hall");
        Path barn = page(archive, "Quiet Barn");
        Path index = archive.catalogue().resolve("index.html");
        Files.writeString(mill, Files.readString(mill).replace(UNTOUCHED, EDITED));

        Map<Path, String> before = contents(archive.catalogue());
        run(archive, "--script=trash", "--name=DJI_0009.MP4", "--location=Odd Hall");
        run(archive, "--script=catalogue");
        assertThat(shown(hall)).doesNotContain("DJI_0009.MP4");
        assertChangedExactly(archive, before, hall, index);

        before = contents(archive.catalogue());
        run(archive, "--script=restore", "--name=DJI_0009.MP4");
        run(archive, "--script=catalogue");
        assertThat(shown(hall)).contains("DJI_0009.MP4");
        assertChangedExactly(archive, before, hall, index);

        before = contents(archive.catalogue());
        String moved = archive.text("SELECT img_sha256 FROM images WHERE img_nameo = '" + CatalogueHome.HOSTILE_FILE + "'");
        run(archive, "--script=move", "--sha=" + moved, "--to=Quiet Barn");
        run(archive, "--script=catalogue");
        assertThat(shown(barn)).contains(moved.substring(0, 12));
        assertChangedExactly(archive, before, hall, barn, index);

        before = contents(archive.catalogue());
        Path second = Files.createDirectories(home.resolve("barn-again"));
        new MediaFactory(second).photo("BARN_0002.JPG", "Canon", "Canon EOS R5", "2023:05:07 07:08:09", "-04:00", 42.5, -76.5);
        run(archive, "--script=pipeline", "--source=" + second, "--location=" + uuid(archive, "Quiet Barn"));
        assertThat(shown(barn)).contains("BARN_0002.JPG");
        assertChangedExactly(archive, before, barn, index);

        before = contents(archive.catalogue());
        run(archive, "--script=merge", "--location=Quiet Barn", "--into=Odd Hall");
        run(archive, "--script=catalogue");
        assertThat(barn).doesNotExist();
        assertThat(shown(hall)).contains("BARN_0002.JPG");
        before.remove(barn);
        assertChangedExactly(archive, before, hall, index);
        assertThat(Files.readString(mill)).contains(EDITED);
    }

    /**
     * Each kind of change a page shows is noticed by the cheap check, which reads no row of an unchanged location:
     * a rename, a verified or damaged flag set by nothing but its column (no update time), a deleted thumbnail,
     * page or data file, and the copy without GPS, which keeps a state of its own.
     */
    @Test
    void everyKindOfChangeIsNoticedAndNothingElseIsRead() throws Exception {
        CatalogueHome archive = CatalogueHome.build(home);
        Path mill = page(archive, "Sample Mill");
        Path hall = page(archive, "Odd Hall");
        Path index = archive.catalogue().resolve("index.html");
        Files.writeString(mill, Files.readString(mill).replace(UNTOUCHED, EDITED));
        assertThat(catalogue(archive)).contains("0 location(s) read again");

        Map<Path, String> before = contents(archive.catalogue());
        run(archive, "--script=rename", "--location=" + uuid(archive, "Odd Hall"), "--name=Even Hall");
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(shown(hall)).contains("Even Hall");
        assertChangedExactly(archive, before, hall, index);

        before = contents(archive.catalogue());
        sql(archive, "UPDATE images SET img_verified = NULL WHERE img_nameo = 'PAIR_0001.JPG'");
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(shown(hall)).contains("not verified");
        assertChangedExactly(archive, before, hall);

        before = contents(archive.catalogue());
        sql(archive, "UPDATE images SET img_damaged = 1 WHERE img_nameo = 'PAIR_0001.JPG'");
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(shown(hall)).contains("\"damaged\"");
        assertChangedExactly(archive, before, hall);

        // A deleted thumbnail is made again; the page, which shows it as before, is not rewritten.
        before = contents(archive.catalogue());
        String sha = archive.text("SELECT img_sha256 FROM images JOIN locations USING (loc_uuid) WHERE loc_name = 'Sample Mill'"
                + " ORDER BY img_sha256 LIMIT 1");
        Path thumbnail = home.resolve("data/thumbnails").resolve(sha.substring(0, 2)).resolve(sha + ".jpg");
        Files.delete(thumbnail);
        assertThat(catalogue(archive)).contains("1 new thumbnail(s)", "1 location(s) read again");
        assertThat(thumbnail).isRegularFile();
        assertChangedExactly(archive, before);

        // A deleted page or data file is written again, from the same rows.
        String millPage = Files.readString(mill);
        Files.delete(mill);
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(mill).isRegularFile();
        Path data = mill.resolveSibling(mill.getFileName().toString().replace(".html", ""));
        Path chunk = data.resolve("chunk-0.js");
        String chunkText = Files.readString(chunk);
        Files.delete(chunk);
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(chunk).hasContent(chunkText);
        assertThat(millPage).contains(EDITED); // the edit was kept until the page was deleted
        assertThat(catalogue(archive)).contains("0 location(s) read again", " 0 file(s) written");

        // The copy without GPS keeps its own state: a change after its last run shows there too.
        Path copy = home.resolve("data/catalogue-no-gps");
        assertThat(catalogue(archive, "--redact-gps")).contains("2 location(s) read again");
        Path hallCopy = copy.resolve(archive.catalogue().relativize(hall));
        Map<Path, String> copyBefore = contents(copy);
        run(archive, "--script=trash", "--name=DJI_0009.MP4", "--location=Even Hall");
        assertThat(catalogue(archive, "--redact-gps")).contains("1 location(s) read again");
        assertThat(shown(hallCopy)).doesNotContain("DJI_0009.MP4");
        assertChangedExactly(copy, copyBefore, hallCopy, copy.resolve("index.html"));
        assertThat(shown(hall)).contains("DJI_0009.MP4"); // the full catalogue is written by its own runs
        assertThat(catalogue(archive)).contains("1 location(s) read again");
        assertThat(shown(hall)).doesNotContain("DJI_0009.MP4");
    }

    private static String catalogue(CatalogueHome archive, String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("--script=catalogue"));
        args.addAll(List.of(options));
        JarRunner.Result result = archive.aupat.run(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.err()).isZero();
        return result.out();
    }

    /** A change made the way a writer that sets no update time would make it. */
    private static void sql(CatalogueHome archive, String statement) throws Exception {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + archive.database());
             java.sql.Statement st = db.createStatement()) {
            assertThat(st.executeUpdate(statement)).isEqualTo(1);
        }
    }

    private static void run(CatalogueHome archive, String... args) {
        JarRunner.Result result = archive.aupat.run(args);
        assertThat(result.exit()).as(String.join(" ", args) + "\n" + result.err()).isIn(0, 4);
    }

    private static String uuid(CatalogueHome archive, String name) throws Exception {
        return archive.text("SELECT loc_uuid FROM locations WHERE loc_name = '" + name + "'");
    }

    private static Path page(CatalogueHome archive, String name) throws Exception {
        return archive.catalogue().resolve("locations/" + uuid(archive, name) + ".html");
    }

    /** Every page of the catalogue (its state file aside), by path: a location's with its grid data files. */
    static Map<Path, String> contents(Path catalogue) throws Exception {
        Map<Path, String> pages = new HashMap<>();
        try (Stream<Path> files = Files.walk(catalogue)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                pages.put(file, shown(file));
            }
        }
        return pages;
    }

    /** What a page shows: its own text, then each of its data files' (in its folder of the same name). */
    static String shown(Path page) throws Exception {
        StringBuilder text = new StringBuilder(Files.readString(page));
        Path data = page.resolveSibling(page.getFileName().toString().replace(".html", ""));
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.list(data)) {
                for (Path file : files.sorted().toList()) {
                    text.append("\n--- ").append(file.getFileName()).append('\n').append(Files.readString(file));
                }
            }
        }
        return text.toString();
    }

    private static void assertChangedExactly(CatalogueHome archive, Map<Path, String> before, Path... changed)
            throws Exception {
        assertChangedExactly(archive.catalogue(), before, changed);
    }

    private static void assertChangedExactly(Path catalogue, Map<Path, String> before, Path... changed) throws Exception {
        Map<Path, String> after = contents(catalogue);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<Path> differ = after.keySet().stream().filter(p -> !after.get(p).equals(before.get(p))).sorted().toList();
        assertThat(differ).containsExactlyInAnyOrder(changed);
    }
}
