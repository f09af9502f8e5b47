package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as users meet it: catalog, exit codes, the two utilities, no stack traces, logs on disk. */
class CommandLineIT {
    @TempDir
    Path home;

    @Test
    void withoutAScriptTheCatalogIsPrintedAndTheExitCodeIs2() throws Exception {
        JarRunner.Result r = new JarRunner(home).run();
        assertThat(r.exit()).isEqualTo(2);
        for (String name : new String[] {"db_migrate", "db_import", "db_organize", "db_folder", "db_ingest", "db_verify",
                "db_identify", "db_cleanup", "backup", "gen_uuid", "gen_sha", "name", "folder"}) {
            assertThat(r.err()).contains("  " + name + " ");
        }
    }

    @Test
    void genUuidPrintsAVersion4Uuid() throws Exception {
        JarRunner.Result r = new JarRunner(home).run("--script=gen_uuid");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    /** The jar starts from the context prepared at build time (Spring AOT), which saves each script ~0.4 s. */
    @Test
    void theJarStartsFromItsPreparedContext() throws Exception {
        JarRunner.Result r = new JarRunner(home, java.util.List.of("-Xlog:class+load=info:stderr")).run("--script=gen_uuid");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("org.aupat.AupatApplication__ApplicationContextInitializer ")
                .doesNotContain("org.springframework.context.annotation.ClassPathBeanDefinitionScanner ");
    }

    @Test
    void genShaHashesEachFileLikeSha256sum() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello\n");
        Files.write(home.resolve("empty"), new byte[0]);
        JarRunner.Result r = new JarRunner(home).run("--script=gen_sha", "--file=a.txt", "--file=empty");
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
        JarRunner withoutNss = new JarRunner(home, java.util.stream.Stream.concat(JarRunner.FAST_START.stream(),
                java.util.stream.Stream.of("-Daupat.native-sha256=false")).toList());
        JarRunner.Result r = withoutNss.run("--script=gen_sha", "--file=a.txt");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  a.txt\n");
        assertThat(r.err()).contains("SHA-256 runs about ten times slower").contains("turned off")
                .contains("JAVA_OPTS=-Daupat.native-sha256=false");
    }

    @Test
    void genShaOnAMissingFileFailsCleanly() throws Exception {
        JarRunner.Result r = new JarRunner(home).run("--script=gen_sha", "--file=missing.jpg");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("missing.jpg").contains("does not exist").doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        JarRunner.Result r = new JarRunner(home).run("--script=gen_sha", "--fiel=a.txt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--fiel").contains("--help").doesNotContain("\tat ");
    }

    @Test
    void nestedFoldersInTheSettingsAreRefusedNamingBoth() throws Exception {
        JarRunner.Result r = new JarRunner(home).run("--script=gen_uuid", "--aupat.staging=/tmp/a", "--aupat.archive=/tmp/a/b");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("aupat.staging").contains("aupat.archive").doesNotContain("\tat ");
    }

    @Test
    void scriptHelpListsItsOptions() throws Exception {
        JarRunner.Result r = new JarRunner(home).run("--script=gen_sha", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("--file=PATH").contains("Exit status");
    }
}
