package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * aupat.min-copies: db_cleanup reports every archived file with fewer verified copies than asked (the archive
 * counting once verified, each proven replica copy once) and how to fix it; show gives the copies per place
 * of one location and names its files that lack copies. Both only report: the exit code is unchanged.
 */
class MinCopiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;
    @TempDir
    Path nas;

    @Test
    void filesWithFewerVerifiedCopiesThanAskedAreReportedWithHowToFixIt() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String replica = "--aupat.replicas.nas.path=" + nas;
        JarRunner.Result imported = aupat.run("--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(),
                "--name=Sample Mill", "--state=ny", "--type=industrial", "--no-catalogue");
        assertThat(imported.exit()).as(imported.err()).isZero();

        // No replica yet: one copy of each (the archive's), fewer than the default 2.
        JarRunner.Result alone = aupat.run("--script=db_cleanup", "--no-vacuum", "--json");
        assertThat(alone.exit()).as(alone.err()).isZero();
        JsonNode copies = JSON.readTree(alone.out()).get("copies");
        assertThat(copies.get("minCopies").asInt()).isEqualTo(2);
        assertThat(copies.get("files").asLong()).isEqualTo(9);
        assertThat(copies.get("fewer").asLong()).isEqualTo(9);
        assertThat(copies.get("listed")).hasSize(9).allSatisfy(f -> {
            assertThat(f.get("copies").asInt()).isEqualTo(1);
            assertThat(f.get("places").toString()).isEqualTo("[\"archive\"]");
        });
        JarRunner.Result text = aupat.run("--script=db_cleanup", "--no-vacuum");
        assertThat(text.out()).contains("copies: 9 of 9 archived file(s) have fewer than 2 verified copies")
                .contains("add a replica").contains("FEWER COPIES ");

        // Replicated: two verified copies of each; the replica has a line of its own.
        assertThat(aupat.run("--script=replicate", replica).exit()).isZero();
        JarRunner.Result two = aupat.run("--script=db_cleanup", "--no-vacuum", replica);
        assertThat(two.exit()).as(two.err()).isZero();
        assertThat(two.out()).contains("copies: all 9 archived file(s) have at least 2 verified copies")
                .contains("archive 9, nas 9").doesNotContain("FEWER COPIES");
        JarRunner.Result shown = aupat.run("--script=show", "--location=Sample Mill", replica);
        assertThat(shown.out()).contains("archive 9, nas 9 verified of 9 archived; each has 2 or more");

        // A copy on the replica found bad is forgotten: that file is down to one copy, and named.
        Path onNas;
        try (Stream<Path> walk = Files.walk(nas)) {
            onNas = walk.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(onNas);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(onNas, bytes);
        aupat.run("--script=db_verify", "--replica=nas", "--all", replica);
        JarRunner.Result one = aupat.run("--script=db_cleanup", "--no-vacuum", replica);
        assertThat(one.out()).contains("copies: 1 of 9 archived file(s) have fewer than 2")
                .contains("run --script=replicate").contains("FEWER COPIES ").contains(onNas.getFileName().toString())
                .contains(": 1 verified (archive)");
        JsonNode detail = JSON.readTree(aupat.run("--script=show", "--location=Sample Mill", "--json", replica).out())
                .get("copies");
        assertThat(detail.get("fewer").asLong()).isEqualTo(1);
        assertThat(detail.get("places").toString()).contains("{\"name\":\"archive\",\"files\":9}")
                .contains("{\"name\":\"nas\",\"files\":8}");
        assertThat(detail.get("listed").get(0).get("path").asText()).endsWith(onNas.getFileName().toString());

        // Asking for three: every file is short, and each names where its copies are.
        JarRunner.Result three = aupat.run("--script=db_cleanup", "--no-vacuum", "--aupat.min-copies=3", replica);
        assertThat(three.exit()).isZero();
        assertThat(three.out()).contains("copies: 9 of 9 archived file(s) have fewer than 3").contains(
                ": 2 verified (archive, nas)");
    }

    @Test
    void aMinCopiesThatIsNoNumberOfCopiesIsRefusedWithOneLine() {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        JarRunner.Result refused = aupat.run("--script=db_cleanup", "--no-vacuum", "--aupat.min-copies=0");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("aupat.min-copies=0 is not a number of copies").doesNotContain("Exception");
    }
}
