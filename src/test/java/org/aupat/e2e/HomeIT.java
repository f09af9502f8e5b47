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

    /**
     * Spring Boot would read ./application.yml and ./config/*.yml of the working folder; AUPAT reads neither, so a
     * stray settings file where a user happens to stand moves nothing. A file named on purpose is still read.
     */
    @Test
    void settingsFilesInTheWorkingFolderAreIgnored() throws Exception {
        Path user = Files.createDirectories(dir.resolve("user"));
        Path folder = Files.createDirectories(dir.resolve("project"));
        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(folder.resolve("application.yml"), "aupat:\n  home: " + elsewhere.resolve("a") + "\n");
        Files.writeString(Files.createDirectories(folder.resolve("config")).resolve("application.yml"),
                "aupat:\n  home: " + elsewhere.resolve("b") + "\n");
        JarRunner aupat = new JarRunner(user);
        Path home = user.resolve(".local/share/aupat");

        JarRunner.Result r = aupat.runAsUser(folder, "--script=db_migrate");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(home.resolve("aupat.db")).exists();
        assertThat(elsewhere).doesNotExist();

        Path named = Files.writeString(dir.resolve("named.yml"), "aupat:\n  home: " + elsewhere.resolve("c") + "\n");
        r = aupat.runAsUser(folder, "--script=db_migrate", "--spring.config.additional-location=file:" + named);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(elsewhere.resolve("c/aupat.db")).as("a file named on purpose is read").exists();
        assertThat(elsewhere.resolve("a")).doesNotExist();
        assertThat(elsewhere.resolve("b")).doesNotExist();
    }
}
