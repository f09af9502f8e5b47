package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.AupatApplication;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.foundation.rollback.FileTransactions;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * The catalog declares each script's preamble (lock, journal recovery, backup) and the runner alone does it:
 * the script's check first, then the backup, then its work; a refused or read-only run makes no backup.
 */
class ScriptPreambleTest {
    @TempDir
    Path home;
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    ScriptRunner runner;
    RunLock lock;

    @BeforeEach
    void runner() {
        Console console = new Console(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        AupatProperties properties = new AupatProperties(home.resolve("data/aupat.db"), home.resolve("data/cp.db"),
                home.resolve("staging"), home.resolve("archive"), home.resolve("backups"), home.resolve("logs"),
                home.resolve("rules"), "exiftool", "ffprobe");
        lock = new RunLock(properties);
        runner = new ScriptRunner(console, lock, properties, new FailureLog(),
                new FileTransactions(properties.journals(), new DiskFileSystem()), () -> {
                    events.add("backup");
                    return Optional.of(home.resolve("backups/aupat-1.db"));
                });
    }

    /** A script that records what the runner asked of it; inner (not static), so the catalog test's scan skips it. */
    abstract class Recording extends AupatScript {
        RuntimeException refusal;
        boolean dryRun;

        Recording() {
            super(ScriptPreambleTest.this.runner);
        }

        @Override
        protected boolean changesNothing() {
            return dryRun;
        }

        @Override
        protected void check() {
            events.add("check" + (locked() ? " (locked)" : ""));
            if (refusal != null) {
                throw refusal;
            }
        }

        @Override
        protected int execute() {
            events.add("execute");
            return ExitCode.OK;
        }
    }

    /** Whether the run lock is held (in this JVM, a second lock on the file is refused too). */
    boolean locked() {
        try (RunLock.Held probe = lock.acquire("probe")) {
            return false;
        } catch (RuntimeException held) {
            return true;
        }
    }

    @Command(name = "db_import")
    class Importing extends Recording {
    }

    @Command(name = "db_cleanup")
    class Cleaning extends Recording {
    }

    @Command(name = "failures")
    class Reading extends Recording {
    }

    @Test
    void eachScriptDeclaresItsPreambleInTheCatalog() {
        Map<String, Preamble> declared = new TreeMap<>();
        for (ScriptCatalog s : ScriptCatalog.values()) {
            declared.put(s.scriptName(), s.preamble());
        }
        assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("db_migrate", Preamble.WRITES_AFTER_BACKUP), Map.entry("db_import", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("db_organize", Preamble.WRITES_AFTER_BACKUP), Map.entry("db_folder", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("db_ingest", Preamble.WRITES_AFTER_BACKUP), Map.entry("db_verify", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("pipeline", Preamble.WRITES_AFTER_BACKUP), Map.entry("db_identify", Preamble.WRITES),
                Map.entry("db_cleanup", Preamble.WRITES), Map.entry("backup", Preamble.WRITES),
                Map.entry("folder", Preamble.WRITES), Map.entry("gen_uuid", Preamble.READS),
                Map.entry("gen_sha", Preamble.READS), Map.entry("name", Preamble.READS),
                Map.entry("failures", Preamble.READS),
                Map.entry("rename", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("move", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("merge", Preamble.WRITES_AFTER_BACKUP),
                Map.entry("replicate", Preamble.WRITES),
                Map.entry("recover", Preamble.WRITES),
                Map.entry("trash", Preamble.WRITES_AFTER_BACKUP), Map.entry("restore", Preamble.WRITES_AFTER_BACKUP),

                // Derived files only (pages, thumbnails): locked, no backup.
                Map.entry("catalogue", Preamble.WRITES),
                Map.entry("locations", Preamble.READS), Map.entry("show", Preamble.READS),
                Map.entry("find", Preamble.READS)));
        assertThat(Preamble.WRITES_AFTER_BACKUP.locks()).as("a backup is always made under the lock").isTrue();
    }

    @Test
    void aScriptThatBacksUpIsCheckedUnderTheLockThenBackedUpOnceThenRun() {
        assertThat(runner.run(new Importing())).isEqualTo(ExitCode.OK);
        assertThat(events).containsExactly("check (locked)", "backup", "execute");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("db_import: database backed up to "
                + home.resolve("backups/aupat-1.db"));
    }

    @Test
    void aRefusedRunMakesNoBackup() {
        Importing badOption = new Importing();
        badOption.refusal = new ValidationError("--source", "nowhere", "does not exist");
        assertThat(runner.run(badOption)).isEqualTo(ExitCode.USAGE);
        Importing noRoom = new Importing();
        noRoom.refusal = new PreflightError("no room in staging");
        assertThat(runner.run(noRoom)).isEqualTo(ExitCode.PREFLIGHT);
        assertThat(events).containsExactly("check (locked)", "check (locked)");
    }

    @Test
    void skipBackupIsTheRunnersOptionOfTheScriptsThatBackUpAndOnlyWarns() {
        assertThat(runner.run(new Importing(), "--skip-backup")).isEqualTo(ExitCode.OK);
        assertThat(events).containsExactly("check (locked)", "execute");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("db_import: --skip-backup given: the database is changed without a fresh backup.");

        assertThat(runner.run(new Cleaning(), "--skip-backup")).as("db_cleanup makes no backup to skip")
                .isEqualTo(ExitCode.USAGE);
        assertThat(runner.run(new Reading(), "--skip-backup")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void readOnlyWritingWithoutBackupAndDryRunsMakeNoBackup() {
        assertThat(runner.run(new Reading())).isEqualTo(ExitCode.OK);
        assertThat(runner.run(new Cleaning())).isEqualTo(ExitCode.OK);
        Importing dryRun = new Importing();
        dryRun.dryRun = true;
        assertThat(runner.run(dryRun)).isEqualTo(ExitCode.OK);
        assertThat(events).as("read-only and dry runs take no lock either")
                .containsExactly("check", "execute", "check (locked)", "execute", "check", "execute");
    }

    /** The real scripts in process, counting the backups in the backups folder. */
    @Test
    void realScriptsBackUpExactlyAsTheirCatalogEntriesSay() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).text("history.txt", "Built 1880.");

        assertThat(run("db_migrate")).isZero();
        assertThat(backups()).as("a new database has nothing to back up").isZero();
        assertThat(run("db_import", "--source=" + card, "--name=Mill", "--state=ny", "--type=industrial")).isZero();
        assertThat(backups()).as("db_import").isEqualTo(1);
        assertThat(run("db_folder", "--location=5e9f7a10-3c2b-4d8e-9f01-a2b3c4d5e6f7")).isEqualTo(ExitCode.USAGE);
        assertThat(backups()).as("refused runs").isEqualTo(1);
        new MediaFactory(Files.createDirectories(home.resolve("card2"))).text("plan.txt", "Floor plan.");
        assertThat(run("pipeline", "--source=" + home.resolve("card2"), "--name=Mill", "--state=ny",
                "--type=industrial", "--allow-duplicate-name")).isZero();
        assertThat(backups()).as("the pipeline's one backup covers every step").isEqualTo(2);

        // Staging cannot be created: the pipeline stops in pre-flight, before its backup and its migration.
        Files.writeString(home.resolve("not-a-folder"), "x");
        staging = "--aupat.staging=" + home.resolve("not-a-folder/staging");
        assertThat(run("pipeline", "--source=" + card, "--name=Mill", "--state=ny", "--type=industrial",
                "--allow-duplicate-name")).isEqualTo(ExitCode.PREFLIGHT);
        assertThat(backups()).as("a pipeline refused in pre-flight").isEqualTo(2);
    }

    private String staging;

    private int run(String script, String... options) {
        List<String> args = new ArrayList<>(List.of(FoundationContext.settings(home)));
        if (staging != null) {
            args.replaceAll(a -> a.startsWith("--aupat.staging=") ? staging : a);
        }
        args.add("--script=" + script);
        args.addAll(List.of(options));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AupatApplication.class)
                .web(WebApplicationType.NONE).run(args.toArray(String[]::new))) {
            return context.getBean(AupatScript.class).getExitCode();
        }
    }

    private long backups() throws Exception {
        Path folder = home.resolve("data/backups");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".db")).count();
        }
    }

    /** A db_verify with no file to re-hash changes nothing, so it makes no backup; one with files does. */
    @Test
    void aVerifyWithNothingToDoMakesNoBackup() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).text("history.txt", "Built 1880.");
        assertThat(run("db_migrate")).isZero();
        assertThat(run("db_verify")).as("an empty archive").isZero();
        assertThat(backups()).isZero();
        assertThat(run("pipeline", "--source=" + card, "--name=Mill", "--state=ny", "--type=industrial")).isZero();
        assertThat(backups()).isEqualTo(1);
        assertThat(run("db_verify")).as("everything verified by the pipeline already").isZero();
        assertThat(backups()).as("nothing to verify").isEqualTo(1);
        assertThat(run("db_verify", "--all")).isZero();
        assertThat(backups()).as("an audit re-hashes and records: backed up first").isEqualTo(2);
    }

    /**
     * db_organize, db_folder and db_ingest with nothing to do change nothing, so they make no backup (and say so);
     * each with work to do still backs up first.
     */
    @Test
    void aStepWithNothingToDoMakesNoBackup() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        new MediaFactory(card).text("history.txt", "Built 1880.");
        assertThat(run("db_migrate")).isZero();
        assertThat(run("pipeline", "--source=" + card, "--name=Mill", "--state=ny", "--type=industrial")).isZero();
        assertThat(backups()).isEqualTo(1);
        for (String step : List.of("db_organize", "db_folder", "db_ingest")) {
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintStream before = System.err;
            System.setErr(new PrintStream(messages, true, StandardCharsets.UTF_8));
            try {
                assertThat(run(step)).as(step).isZero();
            } finally {
                System.setErr(before);
            }
            assertThat(backups()).as(step + " with nothing to do").isEqualTo(1);
            assertThat(messages.toString(StandardCharsets.UTF_8)).as(step).contains(step + ": nothing to do, so no backup");
        }
        assertThat(run("db_ingest", "--dry-run")).isZero();

        Path other = Files.createDirectories(home.resolve("other"));
        new MediaFactory(other).photo("IMG_0001.JPG", "Canon", "Canon EOS R5");
        assertThat(run("db_import", "--source=" + other, "--name=Other Mill", "--state=ny", "--type=industrial")).isZero();
        assertThat(backups()).isEqualTo(2);
        int expected = 2;
        for (String step : List.of("db_organize", "db_folder", "db_ingest")) {
            assertThat(run(step)).as(step).isZero();
            assertThat(backups()).as(step + " with work to do backs up first").isEqualTo(++expected);
        }
        assertThat(run("db_ingest")).isZero();
        assertThat(backups()).as("everything archived: nothing left to ingest").isEqualTo(expected);
    }
}
