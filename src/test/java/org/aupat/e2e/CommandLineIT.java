package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the packaged jar shows (the command-line cases run in process, in {@link CommandLineTest}): it
 * starts from its prepared context, and on the C1-only JVM the launcher uses it hashes at full speed or says why not.
 */
class CommandLineIT {
    @TempDir
    Path home;

    /** The jar starts from the context prepared at build time (Spring AOT), which saves each script ~0.4 s. */
    @Test
    void theJarStartsFromItsPreparedContext() throws Exception {
        JarRunner.Result r = JarRunner.packaged(home, java.util.List.of("-Xlog:class+load=info:stderr")).run("--script=gen_uuid");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("org.aupat.AupatApplication__ApplicationContextInitializer ")
                .doesNotContain("org.springframework.context.annotation.ClassPathBeanDefinitionScanner ");
    }

    @Test
    void genShaHashesEachFileLikeSha256sum() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello\n");
        Files.write(home.resolve("empty"), new byte[0]);
        JarRunner.Result r = JarRunner.packaged(home).run("--script=gen_sha", "--file=a.txt", "--file=empty");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(
                "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  a.txt\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty\n");
        assertThat(home.resolve("logs/main.log")).exists();
        assertThat(r.err()).as("NSS hashes on this C1-only JVM").doesNotContain("SHA-256 runs about ten times slower");
    }

    /** Without NSS on a C1-only JVM (bin/aupat's settings wherever libnss3 exists) hashing is slow: the user is told. */
    @Test
    void genShaWarnsWhenItHashesSlowlyOnC1Alone() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello\n");
        JarRunner withoutNss = JarRunner.packaged(home, java.util.stream.Stream.concat(JarRunner.FAST_START.stream(),
                java.util.stream.Stream.of("-Daupat.native-sha256=false")).toList());
        JarRunner.Result r = withoutNss.run("--script=gen_sha", "--file=a.txt");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  a.txt\n");
        assertThat(r.err()).contains("SHA-256 runs about ten times slower").contains("turned off")
                .contains("JAVA_OPTS=-Daupat.native-sha256=false");
    }
}
