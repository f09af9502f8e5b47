package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One stable home, on the packaged jar, as a user runs it: no AUPAT setting at all, HOME pointing at a
 * temporary user's home. Whatever folder the user stands in, every run works on the one archive in
 * ~/.local/share/aupat.
 */
class HomeIT {
    @TempDir
    Path dir;

    @Test
    void twoCardsImportedFromTwoWorkingFoldersGoIntoOneArchive() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        Path first = Files.createDirectories(dir.resolve("desktop"));
        Path second = Files.createDirectories(dir.resolve("somewhere/else"));
        Path cardA = Files.createDirectories(dir.resolve("card-a"));
        Path cardB = Files.createDirectories(dir.resolve("card-b"));
        List<Path> sources = List.of(new MediaFactory(cardA).photo("DSC_0001.JPG", "NIKON CORPORATION", "NIKON D850"),
                new MediaFactory(cardB).photo("IMG_0002.JPG", "Apple", "iPhone 13 Pro"));
        JarRunner aupat = new JarRunner(user);
        Path home = user.resolve(".local/share/aupat");

        JarRunner.Result created = aupat.runAsUser(first, "--script=pipeline", "--source=" + cardA, "--name=Sample Mill",
                "--state=ny", "--type=industrial");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.err()).contains("creating a new, empty archive in " + home + " (database "
                + home.resolve("aupat.db") + ")");
        ArchiveInvariants archive = new ArchiveInvariants(home.resolve("aupat.db"), home.resolve("staging"),
                home.resolve("archive"));
        String location = archive.query("SELECT loc_uuid FROM locations").get(0);

        JarRunner.Result added = aupat.runAsUser(second, "--script=pipeline", "--source=" + cardB, "--location=" + location);
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).as("the totals are results, on stdout").contains("1 imported");
        assertThat(added.err()).doesNotContain("creating a new");

        assertThat(archive.query("SELECT loc_uuid FROM locations")).containsExactly(location);
        archive.assertArchivedExactlyOnce(sources);
        archive.assertCleanAndSound();
        assertThat(home.resolve("logs/main.log")).exists();
        assertThat(home.resolve("backups")).isDirectory();
        try (Stream<Path> left = Stream.concat(Files.list(first), Files.list(second))) {
            assertThat(left).as("nothing in the working folders").isEmpty();
        }
    }
}
