package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aupat.archive.importing.ImportPreview;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.scripts.DbImportScript;
import org.aupat.scripts.PipelineScript;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** db_import --dry-run predicts, file by file and in its exit code, what the real db_import then does. */
class ImportDryRunTest {
    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = FoundationContext.start(home, FaultInjectionTest.Faults.class);
        context.getBean(MigrationService.class).migrate(context.getBean(MigrationService.class).check());
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    /** One script run in process: its exit code and everything it printed. */
    record Run(int code, String output) {
    }

    private static Run importing(String... args) throws Exception {
        return running(DbImportScript.class, args);
    }

    /**
     * Runs a new instance of the script (so that no option of an earlier run carries over) through the
     * context's runner, with every collaborator from the context but a console that keeps what it prints.
     */
    private static Run running(Class<? extends AupatScript> type, String... args) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Console console = new Console(out, out, false);
        console.configure(false, true);
        Constructor<?> constructor = type.getConstructors()[0];
        AupatScript script = (AupatScript) constructor.newInstance(Arrays.stream(constructor.getParameterTypes())
                .map(p -> p == Console.class ? console : context.getBean(p)).toArray());
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--skip-backup");
        int code = context.getBean(ScriptRunner.class).run(script, all.toArray(String[]::new));
        return new Run(code, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theDryRunPredictsEveryFileAndTheExitCodeOfTheRealRun() throws Exception {
        importedAsANewLocation("earlier", "Earlier Mill", "bytes another location owns");

        Path source = Files.createDirectories(home.resolve("card/DCIM"));
        MediaFactory media = new MediaFactory(source);
        media.photo("scan01.jpg", "Nikon", "Super Coolscan 5000");
        media.photo("IMG_0001.JPG", "Apple", "iPhone 12");
        Files.writeString(source.resolve("notes.txt"), "field notes");
        Files.writeString(source.resolve("notes-copy.txt"), "field notes");
        Files.writeString(source.resolve("also-known.txt"), "bytes another location owns");
        Files.write(source.resolve("empty.txt"), new byte[0]);
        Path locked = Files.writeString(source.resolve("locked.txt"), "no permission");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        Files.writeString(source.resolve("Thumbs.db"), "cache");
        Files.writeString(source.resolve("notes.txt~"), "editor backup");
        Files.writeString(source.resolve("x.jpg_original"), "exiftool's copy of the unedited file");
        Files.writeString(source.resolve("README"), "no extension");
        Files.writeString(source.resolve(".hidden"), "a dot file");
        Files.writeString(source.resolve("odd.@@@"), "nothing but signs in its extension");
        Files.createSymbolicLink(source.resolve("link.jpg"), source.resolve("IMG_0001.JPG"));
        String[] options = {"--source=" + source, "--name=Mixed Card", "--state=ny", "--type=industrial", "--film",
            "--verbose"};

        Map<String, String> predicted = new TreeMap<>();
        List<String> targets = new ArrayList<>();
        ImportService service = context.getBean(ImportService.class);
        ImportRequest request = new ImportRequest(source, new LocationService.Request(null, "Mixed Card", null, "ny",
                "industrial", null, null, null, List.of(), source, false, false), true, null, false);
        context.getBean(ImportPreview.class).preview(service.prepare(request), planned -> {
            predicted.put(planned.source(), kindOfPreview(planned.outcome()));
            targets.add(planned.source() + " " + planned.outcome());
        });
        Run dry = importing(append(options, "--dry-run"));
        Run real = importing(options);

        Map<String, String> happened = new TreeMap<>();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        for (String table : List.of("images", "documents")) {
            String p = table.equals("images") ? "img" : "doc";
            jdbc.queryForList("SELECT " + p + "_nameo FROM " + table + " JOIN locations USING (loc_uuid)"
                    + " WHERE loc_name = 'Mixed Card'", String.class).forEach(name -> happened.put(name, "imported"));
        }
        for (String line : real.output().split("\n")) {
            String l = line.strip();
            for (String kind : List.of("duplicate", "ignored", "failed", "not imported:")) {
                if (l.startsWith(kind + " ")) {
                    String rest = l.substring(kind.length() + 1);
                    happened.put(rest.substring(0, rest.indexOf(kind.equals("not imported:") ? ":" : " (")),
                            kind.replace(":", ""));
                }
            }
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        assertThat(predicted).as(dry.output() + "\n" + real.output()).hasSize(14).isEqualTo(happened);
        assertThat(predicted).containsEntry("empty.txt", "failed").containsEntry("notes.txt", "duplicate")
                .containsEntry("also-known.txt", "duplicate").containsEntry("Thumbs.db", "ignored")
                .containsEntry("notes.txt~", "ignored").containsEntry("x.jpg_original", "imported")
                .containsEntry("README", "imported").containsEntry(".hidden", "imported")
                .containsEntry("odd.@@@", "imported").containsEntry("link.jpg", "not imported")
                .containsEntry("locked.txt", root ? "imported" : "failed");
        assertThat(targets).anySatisfy(t -> assertThat(t).startsWith("scan01.jpg").contains("/photos/original_film/"))
                .anySatisfy(t -> assertThat(t).startsWith("x.jpg_original").contains("/file-extensions/jpgoriginal/"))
                .anySatisfy(t -> assertThat(t).startsWith("odd.@@@").contains("/file-extensions/none/"));
        assertThat(dry.code()).as(dry.output()).isEqualTo(ExitCode.ITEM_FAILURES).isEqualTo(real.code());
        assertThat(dry.output()).contains("exit code 4");
    }

    @Test
    void theDryRunRefusesANameTheRealRunRefuses() throws Exception {
        importedAsANewLocation("first", "Twice Named", "first source");
        Path second = Files.createDirectories(home.resolve("second"));
        Files.writeString(second.resolve("b.txt"), "second source");
        String[] options = {"--source=" + second, "--name=Twice Named", "--state=ny", "--type=industrial"};
        Run dry = importing(append(options, "--dry-run"));
        Run real = importing(options);
        assertThat(dry.code()).as(dry.output()).isEqualTo(ExitCode.USAGE).isEqualTo(real.code());
    }

    @Test
    void aStoppedImportLeavesNoNewLocationWithNothingInIt() throws Exception {
        Path source = Files.createDirectories(home.resolve("doomed"));
        Files.writeString(source.resolve("a.txt"), "the disk breaks before this is staged");
        FaultInjectionTest.FaultyDisk disk = context.getBean(FaultInjectionTest.FaultyDisk.class);
        disk.arm("rename", 1, "Input/output error");
        Run stopped;
        try {
            stopped = importing("--source=" + source, "--name=Doomed Place", "--state=ny", "--type=industrial");
        } finally {
            disk.disarm();
        }
        assertThat(stopped.code()).as(stopped.output()).isNotIn(ExitCode.OK, ExitCode.ITEM_FAILURES);
        Integer left = context.getBean(JdbcTemplate.class).queryForObject(
                "SELECT count(*) FROM locations WHERE loc_name = 'Doomed Place'", Integer.class);
        assertThat(left).as(stopped.output()).isZero();
        assertThat(importing("--source=" + source, "--name=Doomed Place", "--state=ny", "--type=industrial").code())
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void thePipelinesDryRunPredictsWhereEveryFileIsArchivedAndTheExitCode() throws Exception {
        Path source = Files.createDirectories(home.resolve("pipeline-card"));
        MediaFactory media = new MediaFactory(source);
        media.photo("scan02.jpg", "Nikon", "Super Coolscan 5000");
        media.photo("IMG_0101.JPG", "Apple", "iPhone 12");
        media.mp4("DJI_0101.MP4", "DJI.AVC");
        media.iphoneMov("IMG_0102.MOV", "iPhone 12");
        media.randomBytes("junk.jpg", 2000);
        media.text("trip.txt", "pipeline notes");
        media.text("y.jpg_original", "another unedited original");
        media.zeroBytes("zero.txt");
        String[] options = {"--source=" + source, "--name=Pipeline Card", "--state=ny", "--type=industrial", "--film"};
        Run dry = running(PipelineScript.class, append(options, "--dry-run"));
        Run real = running(PipelineScript.class, options);

        String provisional = dry.output().replaceAll("(?s).*Location folder: \\S+_([0-9a-f]{12}) .*", "$1");
        String uuid12 = context.getBean(JdbcTemplate.class).queryForObject("SELECT replace(loc_uuid, '-', '') FROM"
                + " locations WHERE loc_name = 'Pipeline Card'", String.class).substring(0, 12);
        Map<String, String> predicted = new TreeMap<>();
        for (String line : dry.output().split("\n")) {
            int arrow = line.indexOf("  -> ");
            if (arrow > 0) {
                predicted.put(line.substring(0, arrow), line.substring(arrow + 5).replace(provisional, uuid12));
            }
        }
        Map<String, String> archived = new TreeMap<>();
        for (String[] table : new String[][] {{"images", "img"}, {"videos", "vid"}, {"documents", "doc"}}) {
            context.getBean(JdbcTemplate.class).query("SELECT " + table[1] + "_nameo, " + table[1] + "_loc FROM " + table[0]
                    + " JOIN locations USING (loc_uuid) WHERE loc_name = 'Pipeline Card'",
                    (org.springframework.jdbc.core.RowCallbackHandler) rs -> archived.put(rs.getString(1), rs.getString(2)));
        }
        assertThat(predicted).as(dry.output() + "\n" + real.output()).hasSize(7).isEqualTo(archived);
        assertThat(predicted.get("scan02.jpg")).contains("/photos/original_film/");
        assertThat(predicted.get("DJI_0101.MP4")).contains("/videos/original_drone/");
        assertThat(predicted.get("IMG_0102.MOV")).contains("/videos/original_phone/");
        // Its metadata cannot be read, but it was imported as film, so db_organize files it as film.
        assertThat(predicted.get("junk.jpg")).contains("/photos/original_film/");
        assertThat(dry.code()).as(dry.output()).isEqualTo(ExitCode.ITEM_FAILURES).isEqualTo(real.code());
    }

    /** A folder holding one note, imported successfully as a new location of this name. */
    private static void importedAsANewLocation(String folder, String name, String note) throws Exception {
        Path source = Files.createDirectories(home.resolve(folder));
        Files.writeString(source.resolve("note.txt"), note);
        assertThat(importing("--source=" + source, "--name=" + name, "--state=ny", "--type=industrial").code())
                .isEqualTo(ExitCode.OK);
    }

    private static String kindOfPreview(String outcome) {
        if (outcome.startsWith("-> ")) {
            return "imported";
        }
        if (outcome.startsWith("would fail")) {
            return "failed";
        }
        if (outcome.startsWith("not imported")) {
            return "not imported";
        }
        return outcome.substring(0, outcome.indexOf(' '));
    }

    private static String[] append(String[] options, String more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.add(more);
        return all.toArray(String[]::new);
    }
}
