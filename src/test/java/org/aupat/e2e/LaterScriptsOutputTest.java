package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output rules for replicate, recover, trash, restore, db_cleanup --empty-trash, catalogue, locations,
 * show and find: with --json exactly one document on standard output (JSON lines for find), naming the
 * script and its exit code, also on failure; with --quiet the totals line stays on standard output.
 */
@Tag("commands")
class LaterScriptsOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path nas;

    /** The only thing on standard output, parsed: exactly one JSON document of {@code script}. */
    private static JsonNode document(String script, int exit, JarRunner.Result r) throws Exception {
        assertThat(r.out().lines().toList()).as("stdout: " + r.out() + "\nstderr: " + r.err()).hasSize(1);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.path("script").asText()).as(r.out()).isEqualTo(script);
        assertThat(doc.path("exit").asInt(-1)).as(r.out()).isEqualTo(exit);
        assertThat(r.exit()).isEqualTo(exit);
        return doc;
    }

    private String[] replica(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--aupat.replicas.nas.path=" + nas)).toArray(String[]::new);
    }

    /** Loses the home, as a disaster would: recover rebuilds it from the replica. */
    private void emptyTheHome() throws Exception {
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(home)).forEach(p -> p.toFile().delete());
        }
    }

    /** One archived, verified photo in location "Output Mill"; returns its SHA-256. */
    private String archive(InProcessRunner aupat) throws Exception {
        MediaFactory media = new MediaFactory(Files.createDirectories(home.resolve("card")));
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=" + aupat.path("card"), "--name=Output Mill",
                "--state=ny", "--type=industrial", "--no-catalogue", "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        JarRunner.Result found = aupat.run("--script=find", "--name=IMG_0001.JPG", "--json");
        return JSON.readTree(found.out().lines().findFirst().orElseThrow()).path("sha256").asText();
    }

    @Test
    void locationsShowAndFindGiveOneDocumentOrJsonLinesAndAnErrorDocumentOnFailure() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        archive(aupat);
        JsonNode listed = document("locations", 0, aupat.run("--script=locations", "--json"));
        assertThat(listed.path("locations")).singleElement().satisfies(l ->
                assertThat(l.path("name").asText()).isEqualTo("Output Mill"));
        String uuid = listed.path("locations").get(0).path("uuid").asText();
        assertThat(aupat.run("--script=locations", "--quiet").out()).contains("Output Mill");

        JsonNode shown = document("show", 0, aupat.run("--script=show", "--location=" + uuid, "--json"));
        assertThat(shown.path("location").path("uuid").asText()).isEqualTo(uuid);
        assertThat(aupat.run("--script=show", "--location=" + uuid, "--quiet").out()).contains("Output Mill");
        JsonNode noSuch = document("show", 2, aupat.run("--script=show", "--location=Nowhere Mill", "--json"));
        assertThat(noSuch.path("error").asText()).contains("Nowhere Mill");

        JarRunner.Result found = aupat.run("--script=find", "--name=IMG_*", "--json");
        assertThat(found.exit()).isZero();
        List<String> lines = found.out().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(JSON.readTree(lines.get(0)).path("originalName").asText()).isEqualTo("IMG_0001.JPG");
        assertThat(aupat.run("--script=find", "--name=IMG_*", "--quiet").out()).contains("IMG_0001.JPG");
        JsonNode refused = document("find", 2, aupat.run("--script=find", "--location=Nowhere Mill", "--json"));
        assertThat(refused.path("error").asText()).contains("Nowhere Mill");
    }

    @Test
    void trashRestoreAndEmptyingTheTrashGiveOneDocumentAndKeepTheirTotalsWithQuiet() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String sha = archive(aupat);
        JsonNode plan = document("trash", 0, aupat.run("--script=trash", "--sha=" + sha, "--dry-run", "--json"));
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("files").asInt()).isEqualTo(1);
        JarRunner.Result quietPlan = aupat.run("--script=trash", "--sha=" + sha, "--dry-run", "--quiet");
        assertThat(quietPlan.out()).contains("1 file(s) would move");

        JsonNode trashed = document("trash", 0, aupat.run("--script=trash", "--sha=" + sha, "--json"));
        assertThat(trashed.path("files").asInt()).isEqualTo(1);
        JsonNode restored = document("restore", 0, aupat.run("--script=restore", "--sha=" + sha, "--json"));
        assertThat(restored.path("files").asInt()).isEqualTo(1);
        assertThat(aupat.run("--script=trash", "--sha=" + sha, "--quiet").out()).contains("trash: trashed 1 file(s)");
        assertThat(aupat.run("--script=restore", "--sha=" + sha, "--quiet").out()).contains("restore: restored 1 file(s)");
        JsonNode refused = document("restore", 2, aupat.run("--script=restore", "--sha=" + sha, "--json"));
        assertThat(refused.path("error").asText()).contains("not in the trash");

        assertThat(aupat.run("--script=trash", "--sha=" + sha, "--quiet").exit()).isZero();
        JsonNode dry = document("db_cleanup", 0, aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=0d",
                "--dry-run", "--json"));
        assertThat(dry.path("emptyTrash").path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("emptyTrash").path("files")).hasSize(1);
        assertThat(aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=0d", "--dry-run", "--quiet").out())
                .contains("1 file(s) would be deleted");
        JsonNode emptied = document("db_cleanup", 0, aupat.run("--script=db_cleanup", "--empty-trash",
                "--older-than=0d", "--no-vacuum", "--json"));
        assertThat(emptied.path("emptyTrash").path("deleted").asInt()).isEqualTo(1);
        assertThat(emptied.path("lines").isArray()).isTrue();
        JsonNode badAge = document("db_cleanup", 2, aupat.run("--script=db_cleanup", "--empty-trash",
                "--older-than=soon", "--json"));
        assertThat(badAge.path("error").asText()).contains("--older-than");
    }

    @Test
    void theTrashTakesAnAgeOrADateAsEveryDateOption() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        archive(aupat);
        assertThat(aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=2w", "--dry-run").exit()).isZero();
        assertThat(aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=2025-11-01", "--dry-run").exit())
                .isZero();
        assertThat(aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=7", "--dry-run").exit())
                .as("a bare number of days, as before").isZero();
        JarRunner.Result bad = aupat.run("--script=db_cleanup", "--empty-trash", "--older-than=last week", "--dry-run");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--older-than 'last week': is not a date or time");
    }

    @Test
    void catalogueGivesOneDocumentAndKeepsItsTotalsWithQuiet() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        archive(aupat);
        JsonNode written = document("catalogue", 0, aupat.run("--script=catalogue", "--json"));
        assertThat(written.path("locations").asInt()).isEqualTo(1);
        assertThat(written.path("index").asText()).endsWith("index.html");
        assertThat(aupat.run("--script=catalogue", "--quiet").out()).contains("Catalogue: 1 location(s)");
    }

    @Test
    void replicateAndRecoverGiveOneDocumentAndKeepTheirTotalsWithQuiet() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        archive(aupat);
        JsonNode plan = document("replicate", 0, aupat.run(replica("--script=replicate", "--dry-run", "--json")));
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("replicas")).singleElement().satisfies(r ->
                assertThat(r.path("replica").asText()).isEqualTo("nas"));
        JsonNode sent = document("replicate", 0, aupat.run(replica("--script=replicate", "--json")));
        assertThat(sent.path("replicas").get(0).path("sent").asLong()).isPositive();
        assertThat(aupat.run(replica("--script=replicate", "--quiet")).out()).contains("Replica nas");
        JsonNode unknown = document("replicate", 2, aupat.run(replica("--script=replicate", "--replica=nsa", "--json")));
        assertThat(unknown.path("error").asText()).contains("nsa");

        emptyTheHome();
        JsonNode recovered = document("recover", 0, aupat.run(replica("--script=recover", "--replica=nas", "--json")));
        assertThat(recovered.path("files").asLong()).isEqualTo(1);
        assertThat(recovered.path("replica").asText()).isEqualTo("nas");
        JsonNode again = document("recover", 3, aupat.run(replica("--script=recover", "--replica=nas", "--json")));
        assertThat(again.path("error").asText()).isNotBlank();
        emptyTheHome();
        JarRunner.Result quiet = aupat.run(replica("--script=recover", "--replica=nas", "--quiet"));
        assertThat(quiet.out()).as(quiet.err()).contains("Recovered from replica nas");
    }
}
