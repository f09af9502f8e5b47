package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The name script, run in process: standard names, master JSON name, and usage errors (exit 2). */
@Tag("commands")
class NameScriptTest {
    static final String LOC = "3f2a9c41-7b0e-4d2a-9c55-1e8f6a2b7d90";
    static final String SUB = "b81d4e02-55aa-4c3e-8f19-0c6d2e7a4b13";
    static final String SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    @TempDir
    Path home;

    @Test
    void printsTheStandardNames() {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result image = aupat.run("--script=name", "--type=img", "--location=" + LOC, "--sha=" + SHA, "--ext=HEIC");
        assertThat(image.exit()).isZero();
        assertThat(image.out()).isEqualTo("3f2a9c417b0e-img_2cf24dba5fb0.heic\n");
        JarRunner.Result sub = aupat.run("--script=name", "--type=vid", "--location=" + LOC, "--sub-location=" + SUB,
                "--sha=" + SHA, "--ext=mp4");
        assertThat(sub.out()).isEqualTo("3f2a9c417b0e-b81d4e0255aa-vid_2cf24dba5fb0.mp4\n");
        JarRunner.Result master = aupat.run("--script=name", "--master", "--location=" + LOC);
        assertThat(master.out()).isEqualTo("3f2a9c417b0e_master.json\n");
    }

    @Test
    void badInputsAreUsageErrorsNamingTheInput() {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result badSha = aupat.run("--script=name", "--type=doc", "--location=" + LOC, "--sha=abc", "--ext=pdf");
        assertThat(badSha.exit()).isEqualTo(2);
        assertThat(badSha.err()).contains("sha256").contains("'abc'").contains("64").doesNotContain("\tat ");
        assertThat(badSha.out()).isEmpty();
        JarRunner.Result badType = aupat.run("--script=name", "--type=pic", "--location=" + LOC, "--sha=" + SHA, "--ext=jpg");
        assertThat(badType.exit()).isEqualTo(2);
        assertThat(badType.err()).contains("--type").contains("img, vid or doc");
        JarRunner.Result badUuid = aupat.run("--script=name", "--master", "--location=not-a-uuid");
        assertThat(badUuid.exit()).isEqualTo(2);
        assertThat(badUuid.err()).contains("--location").contains("not-a-uuid").contains("no archive yet");
    }
}
