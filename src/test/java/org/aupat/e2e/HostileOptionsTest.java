package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile options, run in process against a home that already holds one archived location: every bad
 * option, source, setting or database file must end with exit 2 or 3, one or two lines on stderr naming
 * the input, no stack trace, and the database, staging and archive exactly as before.
 */
@Tag("commands")
class HostileOptionsTest {
    private static final String UNKNOWN_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    /** Options whose value is a path: relative ones are resolved in the home, as a process started there would. */
    private static final Set<String> PATH_OPTIONS = Set.of("--source", "--file", "--config", "--aupat.database",
            "--aupat.staging", "--aupat.archive", "--aupat.backups", "--aupat.rules");

    @TempDir
    static Path home;
    static AupatRun aupat;

    @BeforeAll
    static void archiveWithOneLocation() throws Exception {
        Refusals.hostileHome(home);
        InProcessRunner runner = new InProcessRunner(home);
        aupat = args -> runner.run(inHome(args));
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=card", "--name=Sample Mill", "--state=ny",
                "--type=industrial", "--skip-backup");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /** The arguments with every relative path made absolute in the home (this JVM's working folder is the project). */
    private static String[] inHome(String... args) {
        return Arrays.stream(args).map(arg -> {
            int equals = arg.indexOf('=');
            if (equals < 0 || !PATH_OPTIONS.contains(arg.substring(0, equals))) {
                return arg;
            }
            String value = arg.substring(equals + 1);
            // An empty --aupat.* setting is refused as it is; an empty --source means the working folder.
            boolean setting = arg.startsWith("--aupat.");
            return value.startsWith("/") || (setting && value.isEmpty()) ? arg
                    : arg.substring(0, equals + 1) + home.resolve(value).normalize();
        }).toArray(String[]::new);
    }

    private static void refused(SoftAssertions soft, int exit, String named, String... args) throws Exception {
        Refusals.refused(aupat, home, soft, exit, named, args);
    }

    private static String[] importWith(String... replaced) {
        return Refusals.importWith(replaced);
    }

    private static Map<String, String> snapshot() throws Exception {
        return Refusals.snapshot(home);
    }

    @Test
    void badOptionsOfEveryScriptAreRefusedAndChangeNothing() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        // One case per distinct check: the whole table costs one Spring start each.
        Object[][] importCases = {
                {"source", "--source=<absent>"}, {"source", "--source="}, {"--sourc", "--sourc=card2"},
                {"state", "--state=XX"}, {"type", "--type=../../etc"}, {"name", "--name=a/b"},
                {"name", "--name=Mill'; DROP TABLE locations;--"}, {"name", "--name=Mill\u001b[2J\nrm"},
                {"name", "--name=" + "x".repeat(300)}, {"url", "--url=ftp://example.org/a"},
                {"url", "--url=file:///etc/passwd"}, {"location", "--location=not-a-uuid"},
                {"location", "--location=' OR '1'='1"}, {"location", "--location=" + UNKNOWN_UUID},
                {"sub-location", "--sub-location=../escape"}, {"aka", "--aka=line\nbreak"}, {"author", "--author=../x\ny"},
                {"a-file.txt", "--source=a-file.txt"}, {"missing", "--source=missing"}, {"fifo", "--source=fifo"},
                {"data/archive", "--source=data/archive"}, {"source", "--source=."},
                {"link-to-archive", "--source=link-to-archive"}};
        for (Object[] c : importCases) {
            refused(soft, 2, (String) c[0], importWith((String) c[1]));
        }
        String[][] otherCases = {
                {"../../etc", "--script=name", "--type=img", "--location=../../etc", "--sha=" + "a".repeat(64), "--ext=jpg"},
                {"ext", "--script=name", "--type=img", "--location=" + UNKNOWN_UUID, "--sha=" + "a".repeat(64), "--ext=../x"},
                {"fifo", "--script=gen_sha", "--file=fifo"}, {"--file", "--script=gen_sha"},
                {"--since", "--script=failures", "--since=last tuesday"}, {"--keep-days", "--script=db_cleanup", "--keep-days=0"},
                {"location", "--script=db_folder", "--location=not-a-uuid"},
                {"--skip-backup", "--script=db_ingest", "--skip-backup=maybe"}};
        for (String[] c : otherCases) {
            refused(soft, 2, c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
        }
        // A well-formed UUID of no location is refused before db_folder's backup too (backups are not in the snapshot).
        long backups = Refusals.backupCount(home);
        refused(soft, 2, "is not a location in this archive", "--script=db_folder", "--location=" + UNKNOWN_UUID);
        soft.assertThat(Refusals.backupCount(home)).as("backups after db_folder with an unknown location").isEqualTo(backups);
        // A script that needs the schema, on a database not set up yet: the step to take, not an SQL error.
        refused(soft, 2, "Run --script=db_migrate first", "--script=db_verify", "--aupat.database=not-set-up.db");
        // A missing or unknown script name prints the catalog (DESIGN decision 1): only its first line is the error.
        for (String script : List.of("--script=db_import;rm -rf /", "--script=")) {
            Map<String, String> before = snapshot();
            JarRunner.Result r = aupat.run(script);
            soft.assertThat(r.exit()).as(script).isEqualTo(2);
            soft.assertThat(r.err().lines().findFirst().orElse("")).as(script).startsWith("Unknown script '"
                    + script.substring("--script=".length()) + "'");
            soft.assertThat(r.err()).as(script).doesNotContain("\tat ");
            soft.assertThat(snapshot()).as(script).isEqualTo(before);
        }
        soft.assertAll();
    }

    @Test
    void badSettingsAreRefusedBeforeAnyChange() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        Path rules = Files.createDirectories(home.resolve("bad-rules"));
        Files.writeString(rules.resolve("location_type_mapping.json"),
                "{\"valid_types\": [\"industrial\"], \"mappings\": {\"mill\": \"spaceport\"}}");
        Path broken = Files.createDirectories(home.resolve("broken-rules"));
        Files.writeString(broken.resolve("location_type_mapping.json"), "{\"valid_types\": [\"industrial\",");
        refused(soft, 2, "aupat.archive", "--script=gen_uuid", "--aupat.staging=x", "--aupat.archive=x");
        refused(soft, 2, "aupat.backups", "--script=backup", "--aupat.backups=data/archive/backups");
        refused(soft, 2, "aupat.database", "--script=db_migrate", "--aupat.database=data/archive/aupat.db");
        refused(soft, 2, "aupat.database", "--script=gen_uuid", "--aupat.database=");
        refused(soft, 3, "/nonexistent", "--script=db_organize", "--aupat.exiftool=/nonexistent");
        refused(soft, 3, "/nonexistent", importWith("--script=pipeline", "--aupat.exiftool=/nonexistent"));
        refused(soft, 3, "/nonexistent/ffprobe", importWith("--script=pipeline", "--aupat.ffprobe=/nonexistent/ffprobe"));
        refused(soft, 2, "field 'mappings.mill'", importWith("--aupat.rules=bad-rules"));
        refused(soft, 2, "location_type_mapping.json", importWith("--aupat.rules=broken-rules"));
        // Below a regular file no folder can be made, whoever runs the test (root may write anywhere else).
        refused(soft, 3, "a-file.txt", importWith("--aupat.staging=a-file.txt/staging"));
        refused(soft, 3, "a-file.txt", "--script=db_ingest", "--aupat.archive=a-file.txt/archive");
        if ("root".equals(System.getProperty("user.name"))) {
            System.out.println("HostileInputIT: unwritable and unreadable folders by permissions are not tried:"
                    + " root reads and writes them anyway");
        } else {
            Path locked = Files.createDirectories(home.resolve("locked"));
            locked.toFile().setWritable(false);
            refused(soft, 3, "locked", importWith("--aupat.staging=locked/staging"));
            Path unreadable = Files.createDirectories(home.resolve("unreadable"));
            unreadable.toFile().setReadable(false);
            refused(soft, 2, "unreadable", importWith("--source=unreadable"));
        }
        soft.assertAll();
    }

    @Test
    void aDatabaseFileThatIsNotSqliteIsRefusedByteForByteUntouched() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        Path junk = home.resolve("not-sqlite.db");
        byte[] before = Files.readAllBytes(junk);
        for (String script : List.of("db_migrate", "pipeline", "gen_uuid", "backup")) {
            String[] args = script.equals("db_import") || script.equals("pipeline")
                    ? importWith("--script=" + script, "--aupat.database=not-sqlite.db")
                    : new String[] {"--script=" + script, "--aupat.database=not-sqlite.db"};
            refused(soft, 2, "not-sqlite.db", args);
            soft.assertThat(Files.readAllBytes(junk)).as(script).isEqualTo(before);
            soft.assertThat(home.resolve("not-sqlite.db-wal")).as(script).doesNotExist();
        }
        soft.assertAll();
    }
}
