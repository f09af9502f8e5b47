package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output rules, in process: results on standard output (kept by --quiet), messages on standard error,
 * with --json exactly one JSON document on standard output, also when the run is refused or fails.
 */
@Tag("commands")
class OutputRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** The only thing on standard output, parsed: exactly one JSON document. */
    private static JsonNode document(JarRunner.Result r) throws Exception {
        assertThat(r.out().lines().toList()).as("stdout: " + r.out() + "\nstderr: " + r.err()).hasSize(1);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.isObject()).isTrue();
        return doc;
    }

    private JarRunner.Result importCard(InProcessRunner aupat, String... more) throws Exception {
        MediaFactory media = new MediaFactory(Files.createDirectories(home.resolve("card")));
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        media.text("notes.txt", "about the mill\n");
        assertThat(aupat.run("--script=db_migrate", "--quiet").exit()).isZero();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--script=db_import",
                "--source=" + aupat.path("card"), "--name=Output Mill", "--state=ny", "--type=industrial"));
        args.addAll(java.util.List.of(more));
        return aupat.run(args.toArray(String[]::new));
    }

    @Test
    void quietKeepsTheImportsTotalsOnStandardOutput() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result r = importCard(aupat, "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Registered location Output Mill (")
                .contains("Found 2 files: 2 imported (1 images, 0 videos, 1 documents");
        assertThat(r.err()).doesNotContain("backed up").doesNotContain("Found 2 files");
    }

    @Test
    void importWithJsonGivesTheLocationUuidAndTheCountsAndNothingElseOnStandardOutput() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result r = importCard(aupat, "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = document(r);
        assertThat(doc.path("script").asText()).isEqualTo("db_import");
        assertThat(doc.path("exit").asInt()).isZero();
        assertThat(doc.has("error")).isFalse();
        assertThat(doc.path("location").path("uuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(doc.path("location").path("created").asBoolean()).isTrue();
        assertThat(doc.path("found").asLong()).isEqualTo(2);
        assertThat(doc.path("importId").asText()).isNotBlank();
        assertThat(doc.path("imported").path("images").asLong()).isEqualTo(1);
        assertThat(doc.path("imported").path("total").asLong()).isEqualTo(2);
        // The person's summary is still there, on standard error.
        assertThat(r.err()).contains("Found 2 files");

        String uuid = doc.path("location").path("uuid").asText();
        JarRunner.Result again = aupat.run("--script=db_import", "--source=" + aupat.path("card"), "--location=" + uuid,
                "--json");
        JsonNode second = document(again);
        assertThat(second.path("location").path("uuid").asText()).isEqualTo(uuid);
        assertThat(second.path("duplicates")).hasSize(2);
        assertThat(second.path("duplicates").get(0).path("location").asText()).isEqualTo(uuid);
    }

    @Test
    void everyLineListingScriptGivesOneDocumentWithJson() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        Files.writeString(home.resolve("a.txt"), "hello\n");
        JsonNode uuid = document(aupat.run("--script=gen_uuid", "--json"));
        assertThat(uuid.path("uuid").asText()).matches("[0-9a-f-]{36}");
        JsonNode sha = document(aupat.run("--script=gen_sha", "--file=" + aupat.path("a.txt"), "--json"));
        assertThat(sha.path("files").get(0).path("sha256").asText())
                .isEqualTo("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");
        assertThat(sha.path("files").get(0).path("file").asText()).isEqualTo(aupat.path("a.txt"));
        JsonNode migrated = document(aupat.run("--script=db_migrate", "--json"));
        assertThat(migrated.path("created").asBoolean()).isTrue();
        assertThat(migrated.path("schemaVersion").asText()).isNotEmpty();
        JsonNode failures = document(aupat.run("--script=failures", "--json"));
        assertThat(failures.path("failures").isArray()).isTrue();
        JsonNode organized = document(aupat.run("--script=db_organize", "--json"));
        assertThat(organized.path("organized").path("total").asLong()).isZero();
    }

    @Test
    void aRefusedOrMistypedRunIsStillOneJsonDocumentNamingTheError() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JsonNode unknownOption = document(aupat.run("--script=gen_sha", "--fiel=a.txt", "--json"));
        assertThat(unknownOption.path("script").asText()).isEqualTo("gen_sha");
        assertThat(unknownOption.path("exit").asInt()).isEqualTo(2);
        assertThat(unknownOption.path("error").asText()).contains("--fiel").contains("--file");

        JsonNode missing = document(aupat.run("--script=gen_sha", "--file=" + aupat.path("missing.jpg"), "--json"));
        assertThat(missing.path("exit").asInt()).isEqualTo(2);
        assertThat(missing.path("error").asText()).contains("missing.jpg");

        JsonNode unknownScript = document(aupat.run("--script=db_imprt", "--json"));
        assertThat(unknownScript.path("script").asText()).isEqualTo("db_imprt");
        assertThat(unknownScript.path("exit").asInt()).isEqualTo(2);
        assertThat(unknownScript.path("error").asText()).contains("db_import");
    }

    @Test
    void aMistypedScriptOrOptionGetsADidYouMeanAndOneLineInMainLog() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result script = aupat.run("--script=db_imprt");
        assertThat(script.exit()).isEqualTo(2);
        assertThat(script.err()).startsWith("Unknown script 'db_imprt'. Did you mean db_import?");
        assertThat(aupat.run("--script=gen_uiud").err()).contains("Did you mean gen_uuid?");
        assertThat(aupat.run("--script=frobnicate").err()).doesNotContain("Did you mean")
                .contains("Choose one of the scripts below");

        JarRunner.Result option = aupat.run("--script=db_import", "--sorce=" + aupat.path("card"), "--name=X");
        assertThat(option.exit()).isEqualTo(2);
        assertThat(option.err()).contains("Unknown option: '--sorce'. Did you mean --source?").doesNotContain("\tat ");
        assertThat(aupat.run("--script=db_verify", "--lcoation=x").err()).contains("Did you mean --location?");
        assertThat(aupat.run("--script=db_verify", "--dry-rn").err()).contains("Did you mean --dry-run?");

        assertThat(Files.readAllLines(home.resolve("logs/main.log"))).filteredOn(l -> l.contains("--sorce"))
                .singleElement().asString().contains("db_import refused, usage error");
        Path errorLog = home.resolve("logs/error.log");
        assertThat(Files.exists(errorLog) ? Files.readString(errorLog) : "").doesNotContain("\tat ");
    }

    @Test
    void aRefusedSettingIsOneLineInMainLogWithoutAStackTrace() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result r = aupat.run("--script=gen_uuid", "--aupat.staging=" + home.resolve("a"),
                "--aupat.archive=" + home.resolve("a/b"));
        assertThat(r.exit()).isEqualTo(2);
        Path errorLog = home.resolve("logs/error.log");
        assertThat(Files.exists(errorLog) ? Files.readString(errorLog) : "").doesNotContain("\tat ");
        assertThat(Files.readAllLines(home.resolve("logs/main.log"))).filteredOn(l -> l.contains("refused at start-up"))
                .singleElement().asString().contains("aupat.archive");
    }

    @Test
    void aDateOptionTakesRelativeFormsAndRefusesAnythingElseInOneLine() {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=failures", "--since=7d").exit()).isZero();
        assertThat(aupat.run("--script=failures", "--since=yesterday").exit()).isZero();
        JarRunner.Result bad = aupat.run("--script=failures", "--since=last tuesday");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().lines().toList()).singleElement().asString()
                .startsWith("failures: --since 'last tuesday': is not a date or time").doesNotContain("Exception");
    }

    @Test
    void aDryRunsPlanIsItsJsonDocument() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        MediaFactory media = new MediaFactory(Files.createDirectories(home.resolve("card")));
        media.photo("IMG_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        JsonNode plan = document(aupat.run("--script=db_import", "--source=" + aupat.path("card"), "--name=Plan Mill",
                "--state=ny", "--type=industrial", "--dry-run", "--json"));
        assertThat(plan.path("script").asText()).isEqualTo("db_import");
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("files")).singleElement().satisfies(f -> {
            assertThat(f.path("source").asText()).contains("IMG_0001.JPG");
            assertThat(f.path("outcome").asText()).startsWith("->");
        });
        assertThat(plan.path("folder").asText()).contains("plan-mill_");
    }

    @Test
    void aMistypedSettingIsRefusedInsteadOfQuietlyUsingTheDefault() {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result r = aupat.run("--script=gen_uuid", "--aupat.databse=" + aupat.path("other.db"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("Unknown setting 'aupat.databse'. Did you mean aupat.database?");
        assertThat(aupat.run("--script=gen_uuid", "--aupat.checkpoint_database=" + aupat.path("c.db")).exit()).isZero();
        assertThat(aupat.run("--script=gen_uuid", "--aupat.progress.everyItems=5").exit()).isZero();
        assertThat(aupat.run("--script=gen_uuid", "--aupat.something-else-entirely=5").exit()).isZero();
        assertThat(aupat.run("--script=gen_uuid", "--aupat.home=" + aupat.path("h")).exit())
                .as("a setting of another part, not a slip").isZero();
    }
}
