package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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

    /** A stand-in for java (the launcher's JAVA) that runs one shell line first, then the real java. */
    private static Path javaWrapper(Path folder, String firstLine) throws Exception {
        Path java = Files.writeString(folder.resolve("java"), "#!/bin/sh\n" + firstLine + "\nexec java \"$@\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return java;
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
        assertThat(database.out()).contains("schema version " + MaintenanceTest.latestSchemaVersion());
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
        Path java = javaWrapper(cache, "case \"$*\" in *ArchiveClassesAtExit*) echo attempt >>\"" + attempts + "\"; exit 1 ;; esac");
        Map<String, String> environment = Map.of("AUPAT_CDS", cache.resolve("cds").toString(), "JAVA", java.toString());
        for (int run = 0; run < 2; run++) {
            JarRunner.Result result = launch(environment, "--script=gen_uuid");
            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).matches(UUID);
            assertThat(result.err()).contains("running without a CDS archive (recording one failed");
        }
        assertThat(Files.readAllLines(attempts)).as("training runs").hasSize(1);
    }

    /**
     * With NSS doing SHA-256 (Debian's Java depends on libnss3) even a hashing script runs on C1 alone;
     * with NSS turned off, hashing scripts get C2 back, for the JDK's SHA-256 intrinsic.
     */
    @Test
    void hashingScriptsRunOnC1OnlyWhereNssHashes(@TempDir Path cache) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libnss3.so")), "no Debian libnss3 here");
        Path arguments = cache.resolve("arguments");
        Path java = javaWrapper(cache, "echo \"$*\" >>\"" + arguments + "\"");
        Path file = Files.writeString(home.resolve("abc.txt"), "abc");
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        // No archive (a file stands where its folder would go): only the script's own JVM runs.
        String noArchive = Files.writeString(cache.resolve("file"), "x").resolve("cds").toString();
        for (String opts : new String[] {"", "-Daupat.native-sha256=false"}) {
            JarRunner.Result run = launch(Map.of("AUPAT_CDS", noArchive, "JAVA", java.toString(), "JAVA_OPTS", opts),
                    "--script=gen_sha", "--file=" + file);
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains(abc);
        }
        List<String> runs = Files.readAllLines(arguments).stream().filter(line -> line.contains("--script=gen_sha")).toList();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).contains("-XX:TieredStopAtLevel=1").doesNotContain("Tier4");
        assertThat(runs.get(1)).contains("-XX:Tier4InvocationThreshold=").doesNotContain("TieredStopAtLevel");
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        JarRunner.Result run = launch(Map.of("AUPAT_JAR", home.resolve("none.jar").toString()), "--script=gen_uuid");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("none.jar does not exist").contains("./mvnw -B -q -DskipTests package");
    }

    /** Under the C locale (cron, systemd) the launcher still runs Java in UTF-8: a non-ASCII --file is found. */
    @Test
    void runsJavaInUtf8UnderTheCLocale(@TempDir Path cache) throws Exception {
        Path file = Files.writeString(home.resolve("Café.txt"), "abc");
        String noArchive = Files.writeString(cache.resolve("file"), "x").resolve("cds").toString();
        JarRunner.Result run = launch(Map.of("AUPAT_CDS", noArchive, "LC_ALL", "C", "LANG", "C"),
                "--script=gen_sha", "--file=" + file);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
