package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Original names survive whatever the locale: under the C locale (as cron or an unconfigured systemd starts
 * it) the plain jar refuses, file by file, the names it cannot represent, and bin/aupat records them (and
 * names that are not UTF-8) exactly, never as U+FFFD.
 */
class OriginalNamesIT {
    @TempDir
    Path home;

    @Test
    void underTheCLocaleNoNameIsRecordedWrongAndTheLauncherRecordsThemAll() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        Files.writeString(card.resolve("Café.txt"), "a UTF-8 name");
        Path sub = Files.createDirectories(card.resolve("Zürich"));
        Files.writeString(sub.resolve("notes.txt"), "in a folder with a UTF-8 name");
        Process printf = new ProcessBuilder("sh", "-c", "printf latin1 > \"$1/$(printf 'caf\\351.txt')\"", "sh",
                card.toString()).inheritIO().start();
        assertThat(printf.waitFor()).isZero();

        // The plain jar under the C locale cannot name these files to its journal: each one fails, named, exit 4.
        ProcessBuilder jar = new ProcessBuilder("java", "-jar", JarRunner.jar().toString(), "--script=pipeline",
                "--source=" + card, "--name=Locale Test", "--state=ny", "--type=industrial")
                .directory(home.toFile()).redirectErrorStream(true);
        jar.environment().putAll(JarRunner.homeEnvironment(home)); // the test's home, never the user's
        jar.environment().remove("LANG");
        jar.environment().remove("LANGUAGE");
        jar.environment().put("LC_ALL", "C");
        Process run = jar.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as(output).isEqualTo(4);
        assertThat(output).contains("3 failed").contains("LC_ALL=C.UTF-8");

        // bin/aupat under the same locale runs Java in UTF-8: every name is recorded exactly.
        String noArchive = Files.writeString(home.resolve("not-a-folder"), "x").resolve("cds").toString();
        JarRunner.Result launched = new JarRunner(home).runLauncher(java.util.Map.of("AUPAT_CDS", noArchive,
                "LC_ALL", "C", "LANG", "C"), "--script=pipeline", "--source=" + card, "--name=Locale Test", "--state=ny",
                "--type=industrial");
        assertThat(launched.exit()).as(launched.out() + launched.err()).isZero();

        ArchiveInvariants archive = ArchiveInvariants.ofHome(home);
        List<String> names = archive.query("SELECT doc_nameo FROM documents ORDER BY doc_nameo");
        assertThat(names).containsExactly("Café.txt", "caf\\xE9.txt", "notes.txt");
        assertThat(archive.query("SELECT doc_loco FROM documents WHERE doc_nameo = 'notes.txt'"))
                .containsExactly(card.toRealPath() + "/Zürich");
        try (var json = Files.walk(home.resolve("data/archive"))) {
            Path master = json.filter(p -> p.toString().endsWith("_master.json")).findFirst().orElseThrow();
            assertThat(Files.readString(master, StandardCharsets.UTF_8)).contains("Café.txt").contains("caf\\\\xE9.txt")
                    .doesNotContain("\uFFFD");
        }
    }
}
