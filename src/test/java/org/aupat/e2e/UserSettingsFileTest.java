package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user settings file (~/.config/aupat/application.yml; here the test's) as the command line meets it. */
@Tag("commands")
class UserSettingsFileTest {
    @TempDir
    Path home;

    @Test
    void aBrokenSettingsFileIsOneLineAndExit2() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Path file = Files.createDirectories(home.resolve(".config/aupat")).resolve("application.yml");
        Files.writeString(file, "aupat:\n  home: [unclosed\n");
        JarRunner.Result r = aupat.run("--script=gen_uuid");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("the settings file " + file + " cannot be read: ")
                .doesNotContain("\tat ").doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theSettingsFileChoosesTheExiftoolForEveryScript() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Files.writeString(Files.createDirectories(home.resolve(".config/aupat")).resolve("application.yml"),
                "aupat:\n  exiftool: /nowhere/exiftool\n");
        Path card = Files.createDirectories(home.resolve("card"));
        Files.writeString(card.resolve("notes.txt"), "a note");
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=" + card, "--name=Mill", "--state=ny",
                "--type=industrial");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("/nowhere/exiftool");
    }
}
