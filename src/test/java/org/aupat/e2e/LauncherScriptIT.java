package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/aupat, the launcher the README recommends: records its class data sharing archive once, then uses it. */
class LauncherScriptIT {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\s*";

    @TempDir
    Path home;

    private JarRunner.Result launch(Map<String, String> environment, String... args) throws Exception {
        return new JarRunner(home).runLauncher(environment, args);
    }

    @Test
    void recordsTheArchiveOnceThenStartsFromIt(@TempDir Path cache) throws Exception {
        Path cds = cache.resolve("cds");
        // The run that records still shows the script's own messages (a mistyped option here).
        JarRunner.Result first = launch(Map.of("AUPAT_CDS", cds.toString()), "--script=gen_uuid", "--colour");
        assertThat(first.exit()).as(first.err()).isEqualTo(2);
        assertThat(first.err()).contains("Unknown option: '--colour'").doesNotContain("without a CDS archive");
        assertThat(cds.resolve("stamp")).isNotEmptyFile();
        FileTime recorded = Files.getLastModifiedTime(cds.resolve("aupat.jsa"));

        // -Xshare:on makes the JVM refuse to start unless it really maps the archive.
        JarRunner.Result second = launch(Map.of("AUPAT_CDS", cds.toString(), "JAVA_OPTS", "-Xshare:on"), "--script=gen_uuid");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).matches(UUID);
        assertThat(Files.getLastModifiedTime(cds.resolve("aupat.jsa"))).as("not recorded again").isEqualTo(recorded);

        // SQLite's native library is loaded from the copy kept beside the archive: with no usable temporary
        // folder, sqlite-jdbc's own extraction would fail and the database could not be opened.
        JarRunner.Result database = launch(Map.of("AUPAT_CDS", cds.toString(),
                "JAVA_OPTS", "-Djava.io.tmpdir=" + home.resolve("no-such-folder")), "--script=db_migrate");
        assertThat(database.exit()).as(database.err()).isZero();
        assertThat(database.out()).contains("schema version 2");
        try (var kept = Files.list(cds.resolve("native"))) {
            assertThat(kept.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("sqlitejdbc-").endsWith(".so");
        }
    }

    @Test
    void runsThePlainJarWhenItCannotRecord() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("file"), "x");
        JarRunner.Result run = launch(Map.of("AUPAT_CDS", notAFolder.resolve("cds").toString()), "--script=gen_uuid");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches(UUID);
        assertThat(run.err()).contains("running without a CDS archive");
    }

    /** A JVM that cannot record (here one whose recording always fails) costs one training run, not one per script. */
    @Test
    void aFailedRecordingIsNotRetriedOnEveryRun(@TempDir Path cache) throws Exception {
        Path attempts = cache.resolve("attempts");
        Path java = cache.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                case "$*" in *ArchiveClassesAtExit*) echo attempt >>"%s"; exit 1 ;; esac
                exec java "$@"
                """.formatted(attempts));
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> environment = Map.of("AUPAT_CDS", cache.resolve("cds").toString(), "JAVA", java.toString());
        for (int run = 0; run < 2; run++) {
            JarRunner.Result result = launch(environment, "--script=gen_uuid");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).matches(UUID);
            assertThat(result.err()).contains("running without a CDS archive (recording one failed");
        }
        assertThat(Files.readAllLines(attempts)).as("training runs").hasSize(1);
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        JarRunner.Result run = launch(Map.of("AUPAT_JAR", home.resolve("none.jar").toString()), "--script=gen_uuid");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("none.jar does not exist").contains("./mvnw -B -q -DskipTests package");
    }
}
