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
        assertThat(Files.readString(hall)).doesNotContain("DJI_0009.MP4");
        assertChangedExactly(archive, before, hall, index);

        before = contents(archive.catalogue());
        run(archive, "--script=restore", "--name=DJI_0009.MP4");
        run(archive, "--script=catalogue");
        assertThat(Files.readString(hall)).contains("DJI_0009.MP4");
        assertChangedExactly(archive, before, hall, index);

        before = contents(archive.catalogue());
        String moved = archive.text("SELECT img_sha256 FROM images WHERE img_nameo = '" + CatalogueHome.HOSTILE_FILE + "'");
        run(archive, "--script=move", "--sha=" + moved, "--to=Quiet Barn");
        run(archive, "--script=catalogue");
        assertThat(Files.readString(barn)).contains(moved.substring(0, 12));
        assertChangedExactly(archive, before, hall, barn, index);

        before = contents(archive.catalogue());
        Path second = Files.createDirectories(home.resolve("barn-again"));
        new MediaFactory(second).photo("BARN_0002.JPG", "Canon", "Canon EOS R5", "2023:05:07 07:08:09", "-04:00", 42.5, -76.5);
        run(archive, "--script=pipeline", "--source=" + second, "--location=" + uuid(archive, "Quiet Barn"));
        assertThat(Files.readString(barn)).contains("BARN_0002.JPG");
        assertChangedExactly(archive, before, barn, index);

        before = contents(archive.catalogue());
        run(archive, "--script=merge", "--location=Quiet Barn", "--into=Odd Hall");
        run(archive, "--script=catalogue");
        assertThat(barn).doesNotExist();
        assertThat(Files.readString(hall)).contains("BARN_0002.JPG");
        before.remove(barn);
        assertChangedExactly(archive, before, hall, index);
        assertThat(Files.readString(mill)).contains(EDITED);
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

    /** Every page of the catalogue (its state file aside), by path. */
    private static Map<Path, String> contents(Path catalogue) throws Exception {
        Map<Path, String> pages = new HashMap<>();
        try (Stream<Path> files = Files.walk(catalogue)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                pages.put(file, Files.readString(file));
            }
        }
        return pages;
    }

    private static void assertChangedExactly(CatalogueHome archive, Map<Path, String> before, Path... changed)
            throws Exception {
        Map<Path, String> after = contents(archive.catalogue());
        assertThat(after.keySet()).isEqualTo(before.keySet());
        List<Path> differ = after.keySet().stream().filter(p -> !after.get(p).equals(before.get(p))).sorted().toList();
        assertThat(differ).containsExactlyInAnyOrder(changed);
    }
}
