package org.aupat.archive.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aupat.e2e.InProcessRunner;
import org.aupat.e2e.JarRunner;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * db_import with --location and no source: web addresses are added to and removed from a location (each run an
 * import of its own), a dry run says what would change, and the options of a new location given with --location
 * are refused with exit 2 instead of being ignored.
 */
class LocationUrlsTest {
    @TempDir
    Path home;

    @Test
    void urlsAreAddedAndRemovedWithoutASourceFolder() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = imported(aupat);
        JdbcTemplate db = database();

        JarRunner.Result dry = aupat.run("--script=db_import", "--location=" + uuid, "--url=https://example.org/mill",
                "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("add URL https://example.org/mill");
        assertThat(urls(db, uuid)).as("a dry run changes nothing").isEmpty();

        JarRunner.Result added = ok(aupat.run("--script=db_import", "--location=" + uuid, "--url=https://example.org/mill",
                "--url=https://example.com/history"));
        assertThat(added.out() + added.err()).contains("URLs: 2 added, 0 removed.").doesNotContain("Found ");
        assertThat(urls(db, uuid)).containsExactlyInAnyOrder("https://example.org/mill", "https://example.com/history");
        ImportRecord record = new ImportRepository(db).ofLocation(uuid).get(1);
        assertThat(record.source()).isNull();
        assertThat(record.urlsAdded()).isEqualTo(2);
        assertThat(record.options()).contains("--url=https://example.org/mill");

        JarRunner.Result again = ok(aupat.run("--script=db_import", "--location=" + uuid, "--url=https://example.org/mill"));
        assertThat(again.out() + again.err()).as("idempotent").contains("URLs: 0 added, 0 removed.");

        JarRunner.Result removed = ok(aupat.run("--script=db_import", "--location=" + uuid,
                "--remove-url=https://example.org/mill"));
        assertThat(removed.out() + removed.err()).contains("URLs: 0 added, 1 removed.");
        assertThat(urls(db, uuid)).containsExactly("https://example.com/history");

        JarRunner.Result gone = aupat.run("--script=db_import", "--location=" + uuid, "--remove-url=https://example.org/mill");
        assertThat(gone.exit()).isEqualTo(2);
        assertThat(gone.err()).contains("is not a URL of location " + uuid).contains("https://example.com/history")
                .doesNotContain("\tat ");
        assertThat(urls(db, uuid)).containsExactly("https://example.com/history");
    }

    @Test
    void optionsOfANewLocationGivenWithLocationAreRefusedNotIgnored() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        String uuid = imported(aupat);
        Path card = Files.createDirectories(home.resolve("sources/more"));
        new MediaFactory(card).text("more.txt", "more");
        long backups = backups();

        JarRunner.Result named = aupat.run("--script=db_import", "--source=" + card, "--location=" + uuid, "--name=Other Mill");
        assertThat(named.exit()).isEqualTo(2);
        assertThat(named.err()).contains("--name").contains("describes a new location").contains("--script=rename")
                .doesNotContain("\tat ");
        JarRunner.Result typed = aupat.run("--script=db_import", "--source=" + card, "--location=" + uuid, "--type=school");
        assertThat(typed.exit()).isEqualTo(2);
        assertThat(database().queryForObject("SELECT count(*) FROM documents", Integer.class)).isEqualTo(1);
        assertThat(backups()).as("refused before the backup").isEqualTo(backups);

        JarRunner.Result bare = aupat.run("--script=db_import", "--location=" + uuid);
        assertThat(bare.exit()).isEqualTo(2);
        assertThat(bare.err()).contains("source").contains("--remove-url");
        JarRunner.Result removeWithoutLocation = aupat.run("--script=db_import", "--source=" + card, "--name=New Mill",
                "--state=ny", "--type=industrial", "--remove-url=https://example.org/");
        assertThat(removeWithoutLocation.exit()).isEqualTo(2);
        assertThat(removeWithoutLocation.err()).contains("needs --location");
    }

    private String imported(InProcessRunner aupat) throws Exception {
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        Path card = Files.createDirectories(home.resolve("sources/card"));
        new MediaFactory(card).text("notes.txt", "notes");
        ok(aupat.run("--script=db_import", "--source=" + card, "--name=Url Mill", "--state=ny", "--type=industrial"));
        return database().queryForObject("SELECT loc_uuid FROM locations", String.class);
    }

    private long backups() throws Exception {
        Path folder = home.resolve("data/backups");
        if (!Files.exists(folder)) {
            return 0;
        }
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".db")).count();
        }
    }

    private static List<String> urls(JdbcTemplate db, String uuid) {
        return db.queryForList("SELECT url FROM urls WHERE loc_uuid = ?", String.class, uuid);
    }

    private static JarRunner.Result ok(JarRunner.Result r) {
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        return r;
    }

    private JdbcTemplate database() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:sqlite:" + home.resolve("data/aupat.db")));
    }
}
