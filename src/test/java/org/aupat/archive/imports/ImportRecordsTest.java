package org.aupat.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.archive.media.MediaKey;
import org.aupat.foundation.checkpoint.Checkpoint;
import org.aupat.foundation.checkpoint.CheckpointId;
import org.aupat.foundation.checkpoint.CheckpointStore;
import org.aupat.foundation.checkpoint.ChunkCounts;
import org.aupat.e2e.InProcessRunner;
import org.aupat.e2e.JarRunner;
import org.aupat.foundation.error.ValidationError;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Imports are records, on a real archive in process: each db_import run is one import with its source, author,
 * options and counts, every file row names it, a location added to by several cards lists each, a re-import of
 * the same card is an import of its own (of duplicates), and a run that finds its own unfinished import (killed
 * before it finished in this home) continues it instead of making a second one.
 */
class ImportRecordsTest {
    private static final Pattern PRINTED = Pattern.compile("import ([0-9a-f]{8})");

    @TempDir
    Path home;

    @Test
    void everyRunIsOneImportAndEveryFileRowNamesIt() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path cardA = card("card-a", "A");
        JarRunner.Result first = ok(aupat.run("--script=db_import", "--source=" + cardA, "--name=Record Mill", "--state=ny",
                "--type=industrial", "--author=Tester", "--url=https://example.org/record-mill"));
        String a = printedId(first);
        JdbcTemplate db = database();
        ImportRepository imports = new ImportRepository(db);
        String uuid = db.queryForObject("SELECT loc_uuid FROM locations", String.class);

        ImportRecord record = imports.find(a).orElseThrow();
        assertThat(record.script()).isEqualTo("db_import");
        assertThat(record.source()).isEqualTo(cardA.toRealPath().toString());
        assertThat(record.author()).isEqualTo("tester");
        assertThat(record.options()).contains("--name=\"Record Mill\"").contains("--state=ny").contains("--type=industrial")
                .contains("--url=https://example.org/record-mill");
        assertThat(record.locationUuid()).isEqualTo(uuid);
        assertThat(record.isFinished()).isTrue();
        assertThat(record.runs()).isEqualTo(1);
        assertThat(List.of(record.found(), record.images(), record.documents(), record.duplicates(), record.files()))
                .containsExactly(2L, 1L, 1L, 0L, 2L);
        assertThat(record.urlsAdded()).isEqualTo(1);
        assertThat(db.queryForObject("SELECT imp_id FROM urls", String.class)).isEqualTo(a);
        assertThat(db.queryForList("SELECT imp_id FROM images UNION ALL SELECT imp_id FROM documents", String.class))
                .containsExactly(a, a);

        String b = printedId(ok(aupat.run("--script=db_import", "--source=" + card("card-b", "B"), "--location=" + uuid)));
        String again = printedId(ok(aupat.run("--script=db_import", "--source=" + cardA, "--location=" + uuid)));
        assertThat(List.of(a, b, again)).doesNotHaveDuplicates();
        assertThat(imports.ofLocation(uuid)).extracting(ImportRecord::id).containsExactly(a, b, again);
        ImportRecord repeated = imports.find(again).orElseThrow();
        assertThat(List.of(repeated.found(), repeated.imported(), repeated.duplicates(), repeated.files()))
                .as("the same card again: its files stay with the first import").containsExactly(2L, 0L, 2L, 0L);
        assertThat(imports.files(b)).hasSize(2).extracting(MediaKey::sha256)
                .doesNotContainAnyElementsOf(imports.files(a).stream().map(MediaKey::sha256).toList());

        assertThat(imports.byReference("import", a.substring(0, 4).toUpperCase()).id()).isIn(a, b, again);
        assertThatThrownBy(() -> imports.byReference("import", "xyz")).isInstanceOf(ValidationError.class)
                .hasMessageContaining("is not an import id");
        assertThatThrownBy(() -> imports.byReference("import", unused(imports))).isInstanceOf(ValidationError.class)
                .hasMessageContaining("is no import of this archive");
    }

    @Test
    void aRunThatFindsItsOwnUnfinishedImportContinuesIt() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path cardA = card("card-a", "A");
        ImportRepository imports = new ImportRepository(database());
        // As a db_import killed before it finished leaves it: open, no location yet, no summary, and this home's
        // checkpoint of its staging unfinished.
        String runKey = "source=" + cardA.toAbsolutePath().normalize() + " location=Resumed Mill";
        String killed = imports.open(new ImportRepository.Opening("db_import", runKey, cardA.toString(), "tester", "",
                null, null), false, "2026-01-01T00:00:00.000Z");
        String other = imports.open(new ImportRepository.Opening("pipeline", "source=elsewhere location=Other", "elsewhere",
                "tester", "", null, null), false, "2026-01-01T00:00:00.000Z");
        leaveUnfinishedCheckpoint("db_import", runKey);

        String printed = printedId(ok(aupat.run("--script=db_import", "--source=" + cardA, "--name=Resumed Mill",
                "--state=ny", "--type=industrial")));
        assertThat(printed).isEqualTo(killed);
        ImportRecord record = imports.find(killed).orElseThrow();
        assertThat(record.runs()).isEqualTo(2);
        assertThat(record.isFinished()).isTrue();
        assertThat(record.files()).isEqualTo(2);
        assertThat(imports.all()).extracting(ImportRecord::id).containsExactlyInAnyOrder(killed, other);

        String next = printedId(ok(aupat.run("--script=db_import", "--source=" + cardA, "--name=Resumed Mill",
                "--state=ny", "--type=industrial")));
        assertThat(next).as("a finished import is not continued: a new run is a new import").isNotEqualTo(killed);
    }

    @Test
    void aReimportSaysWhereEachDuplicateIsAndSuggestsTheMoveWhenTheWholeCardIsElsewhere() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path card = card("card-a", "A");
        String wrong = printedId(ok(aupat.run("--script=db_import", "--source=" + card, "--name=Wrong Mill", "--state=ny",
                "--type=industrial")));
        JdbcTemplate db = database();
        String wrongUuid = db.queryForObject("SELECT loc_uuid FROM locations WHERE loc_name = 'Wrong Mill'", String.class);
        String wrong12 = wrongUuid.replace("-", "").substring(0, 12);

        JarRunner.Result right = ok(aupat.run("--script=db_import", "--source=" + card, "--name=Right Mill", "--state=ny",
                "--type=industrial"));
        String rightUuid = db.queryForObject("SELECT loc_uuid FROM locations WHERE loc_name = 'Right Mill'", String.class);
        assertThat(right.err()).contains("Duplicates already archived: 2 in Wrong Mill, " + wrong12 + ".")
                .contains("duplicate IMG_A.JPG (already in location Wrong Mill, " + wrong12 + ")")
                .contains("duplicate notes-A.txt (already in location Wrong Mill, " + wrong12 + ")")
                .contains("All 2 files of this card are already in location Wrong Mill, " + wrong12 + ", brought by import "
                        + wrong + ". If they belong here, move them: aupat --script=move --import=" + wrong + " --to="
                        + rightUuid);

        // A card with one file of its own is not a misfiled card: no suggestion.
        Path mixed = card("card-mixed", "M");
        Files.copy(card.resolve("IMG_A.JPG"), mixed.resolve("IMG_A.JPG"));
        JarRunner.Result partly = ok(aupat.run("--script=db_import", "--source=" + mixed, "--location=" + rightUuid));
        assertThat(partly.err()).contains("Duplicates already archived: 1 in Wrong Mill, " + wrong12 + ".")
                .doesNotContain("--script=move");

        // Half of what an import brought: moving that import would move more than this card.
        Path half = Files.createDirectories(home.resolve("sources/half"));
        Files.copy(card.resolve("notes-A.txt"), half.resolve("notes-A.txt"));
        JarRunner.Result some = ok(aupat.run("--script=db_import", "--source=" + half, "--location=" + rightUuid));
        assertThat(some.err()).contains("(import " + wrong + " brought 2 files, more than this card's)")
                .doesNotContain("--import=");
    }

    private Path card(String name, String content) throws Exception {
        Path card = Files.createDirectories(home.resolve("sources/" + name));
        MediaFactory media = new MediaFactory(card);
        media.photo("IMG_" + content + ".JPG", "Canon", "Canon EOS 5D Mark IV");
        media.text("notes-" + content + ".txt", "notes " + content);
        return card;
    }

    private static JarRunner.Result ok(JarRunner.Result r) {
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return r;
    }

    private static String printedId(JarRunner.Result r) {
        Matcher m = PRINTED.matcher(r.out() + r.err());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        return m.group(1);
    }

    private static String unused(ImportRepository imports) {
        List<String> used = new ArrayList<>(imports.all().stream().map(ImportRecord::id).toList());
        for (String candidate : List.of("00000000", "ffffffff", "12345678")) {
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * An unfinished import of the same options with no checkpoint in this home is another machine's run, which may
     * be alive (a shared database): this run opens an import of its own and leaves that one alone.
     */
    @Test
    void anUnfinishedImportThisHomeDidNotRunIsNotContinued() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path card = card("card-a", "A");
        ImportRepository imports = new ImportRepository(database());
        String elsewhere = imports.open(new ImportRepository.Opening("db_import", "source=" + card.toAbsolutePath()
                .normalize() + " location=Shared Mill", card.toString(), "tester", "", null, null), false,
                "2026-01-01T00:00:00.000Z");

        String printed = printedId(ok(aupat.run("--script=db_import", "--source=" + card, "--name=Shared Mill",
                "--state=ny", "--type=industrial")));
        assertThat(printed).isNotEqualTo(elsewhere);
        assertThat(imports.find(elsewhere).orElseThrow().runs()).as("the other run's import, untouched").isEqualTo(1);
        assertThat(imports.find(elsewhere).orElseThrow().isFinished()).isFalse();
        assertThat(imports.find(printed).orElseThrow().files()).isEqualTo(2);
    }

    /** What a run killed in its staging leaves in this home: its checkpoint, in progress. */
    private void leaveUnfinishedCheckpoint(String script, String runKey) {
        String archive = database().queryForObject("SELECT archive_id FROM archive_identity", String.class);
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        try (CheckpointStore checkpoints = new CheckpointStore(home.resolve("data/checkpoint_state.db"))) {
            checkpoints.save(new Checkpoint(new CheckpointId(script, "stage files", runKey).inArchive(archive),
                    Checkpoint.Status.IN_PROGRESS, 0, 0, null, null, ChunkCounts.NONE, 0, 0, then, then, null, null));
        }
    }

    private JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:sqlite:" + home.resolve("data/aupat.db")));
    }
}
