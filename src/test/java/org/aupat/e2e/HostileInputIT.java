package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input through the real jar, against a home that already holds one archived location: every
 * bad option, source, setting or database file must end with exit 2 or 3, one or two lines on stderr
 * naming the input, no stack trace, and the database, staging and archive exactly as before. Hostile
 * files inside a source are imported around: exit 4, the good files archived once, nothing followed.
 */
class HostileInputIT {
    private static final String UNKNOWN_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static final AtomicInteger TRIED = new AtomicInteger();

    @TempDir
    static Path home;
    static JarRunner aupat;

    @BeforeAll
    static void archiveWithOneLocation() throws Exception {
        Path card = Files.createDirectories(home.resolve("card"));
        MediaFactory media = new MediaFactory(card);
        media.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro");
        media.text("notes.txt", "Built 1880.");
        Files.createDirectories(home.resolve("card2"));
        new MediaFactory(home.resolve("card2")).photo("DSC_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        Files.writeString(home.resolve("a-file.txt"), "not a folder");
        Files.writeString(home.resolve("not-sqlite.db"), "These are a photographer's notes, not a database.\n");
        Files.createSymbolicLink(home.resolve("link-to-archive"), home.resolve("data/archive"));
        mkfifo(home.resolve("fifo"));
        aupat = new JarRunner(home);
        JarRunner.Result r = aupat.run("--script=pipeline", "--source=card", "--name=Sample Mill", "--state=ny",
                "--type=industrial", "--skip-backup");
        assertThat(r.exit()).as(r.err()).isZero();
    }

    @AfterAll
    static void count() {
        System.out.println("HostileInputIT: " + TRIED.get() + " hostile inputs tried");
    }

    /** A refused run: the exit code, one or two lines naming the input, no stack trace, nothing changed. */
    private static void refused(SoftAssertions soft, int exit, String named, String... args) throws Exception {
        Map<String, String> before = snapshot();
        JarRunner.Result r = aupat.run(args);
        TRIED.incrementAndGet();
        String what = String.join(" ", args).replace("\n", "\\n") + "\nstderr: " + r.err() + "stdout: " + r.out();
        soft.assertThat(r.exit()).as(what).isEqualTo(exit);
        soft.assertThat(r.err().lines().count()).as("stderr lines of " + what).isBetween(1L, 2L);
        soft.assertThat(r.err()).as(what).contains(named).doesNotContain("\tat ");
        soft.assertThat(r.out()).as(what).doesNotContain("\tat ");
        soft.assertThat(snapshot()).as("database, staging and archive after " + what).isEqualTo(before);
    }

    private static String[] importWith(String... replaced) {
        List<String> args = new ArrayList<>(List.of("--script=db_import", "--source=card2", "--name=Other Mill",
                "--state=ny", "--type=industrial"));
        for (String option : replaced) {
            String key = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            args.removeIf(a -> a.startsWith(key + "="));
            if (!option.endsWith("=<absent>")) {
                args.add(option);
            }
        }
        return args.toArray(String[]::new);
    }

    @Test
    void badOptionsOfEveryScriptAreRefusedAndChangeNothing() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        // One case per distinct check: the whole table costs one JVM start each.
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
                {"--since", "--script=failures", "--since=yesterday"}, {"--keep-days", "--script=db_cleanup", "--keep-days=0"},
                {"location", "--script=db_folder", "--location=not-a-uuid"},
                {"--skip-backup", "--script=db_ingest", "--skip-backup=maybe"}};
        for (String[] c : otherCases) {
            refused(soft, 2, c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
        }
        // A well-formed UUID of no location is refused before db_folder's backup too (backups are not in the snapshot).
        long backups = backupCount();
        refused(soft, 2, "is not a location in this archive", "--script=db_folder", "--location=" + UNKNOWN_UUID);
        soft.assertThat(backupCount()).as("backups after db_folder with an unknown location").isEqualTo(backups);
        // A script that needs the schema, on a database not set up yet: the step to take, not an SQL error.
        refused(soft, 2, "Run --script=db_migrate first", "--script=db_verify", "--aupat.database=not-set-up.db");
        // A missing or unknown script name prints the catalog (DESIGN decision 1): only its first line is the error.
        for (String script : List.of("--script=db_import;rm -rf /", "--script=")) {
            Map<String, String> before = snapshot();
            JarRunner.Result r = aupat.run(script);
            TRIED.incrementAndGet();
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

    /**
     * Under java -jar, sqlite-jdbc unpacks its native library into the temporary folder: when that folder
     * is missing the error names it and says what to do, rather than suggesting the database is broken.
     */
    @Test
    void aMissingTemporaryFolderIsNamedInsteadOfTheDatabase() throws Exception {
        Path missing = home.resolve("no-such-temp");
        JarRunner noTemporaryFolder = new JarRunner(home, Stream.concat(JarRunner.FAST_START.stream(),
                Stream.of("-Djava.io.tmpdir=" + missing)).toList());
        SoftAssertions soft = new SoftAssertions();
        for (String[] args : List.of(new String[] {"--script=db_migrate"}, new String[] {"--script=db_verify"},
                importWith("--script=pipeline"))) {
            Map<String, String> before = snapshot();
            JarRunner.Result r = noTemporaryFolder.run(args);
            String what = String.join(" ", args) + "\nstderr: " + r.err();
            soft.assertThat(r.exit()).as(what).isEqualTo(3);
            soft.assertThat(r.err()).as(what).contains("cannot load SQLite's native library")
                    .contains(missing.toString()).contains("-Djava.io.tmpdir").doesNotContain("AUPAT database")
                    .doesNotContain("\tat ");
            soft.assertThat(snapshot()).as(what).isEqualTo(before);
        }
        soft.assertThat(missing).doesNotExist();
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

    @Test
    void hostileFilesInASourceAreSkippedOrArchivedOnceAndNothingIsFollowed() throws Exception {
        Path source = Files.createDirectories(home.resolve("hostile-card"));
        Path outside = Files.createDirectories(home.resolve("outside"));
        MediaFactory media = new MediaFactory(source);
        List<Path> archivable = new ArrayList<>(List.of(media.photo("good.jpg", "Canon", "EOS R5"),
                media.truncatedJpeg("cut.jpg"), media.randomBytes("junk.mp4", 4000), media.jpeg("new\nline.jpg"),
                media.jpeg("café-写真-ünï.jpg"), media.jpeg("-rf.jpg"), media.jpeg("--help.jpg")));
        Files.delete(source.resolve("whole-cut.jpg"));
        media.zeroBytes("empty.jpg");
        Path secret = new MediaFactory(outside).jpeg("secret.jpg");
        Files.createSymbolicLink(source.resolve("escape.jpg"), secret);
        Files.createSymbolicLink(source.resolve("escape-folder"), outside);
        mkfifo(source.resolve("pipe.jpg"));
        Path deep = source;
        for (int i = 0; i < 300; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        archivable.add(new MediaFactory(deep).jpeg("deep.jpg"));
        int hostile = 11;
        Map<String, String> sourceBefore = tree(source);

        JarRunner.Result r = aupat.run("--script=pipeline", "--source=hostile-card", "--name=Hostile Card", "--state=ny",
                "--type=industrial", "--skip-backup");
        TRIED.addAndGet(hostile);
        assertThat(r.exit()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("empty.jpg").doesNotContain("\tat ");
        assertThat(tree(source)).as("the source is never modified").isEqualTo(sourceBefore);
        assertThat(Files.readAttributes(source.resolve("pipe.jpg"), "unix:mode", LinkOption.NOFOLLOW_LINKS)).isNotNull();
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        invariants.assertArchivedExactlyOnce(archivable);
        assertThat(invariants.archivedContent()).as("a symbolic link is never followed")
                .doesNotContainKey(ArchiveInvariants.sha256(secret));
        assertThat(invariants.recordedFiles()).doesNotContainKey(ArchiveInvariants.sha256(secret));
        assertThat(invariants.query("PRAGMA integrity_check")).containsExactly("ok");
        assertThat(snapshot().keySet()).noneMatch(name -> name.endsWith(".aupat-tmp") || name.endsWith(".aupat-deleted"));
    }

    /** Path (relative to data/, the lock file left out) -> SHA-256, plus the row count of every table. */
    private static long backupCount() throws Exception {
        Path backups = home.resolve("data/backups");
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        try (var files = Files.list(backups)) {
            return files.count();
        }
    }

    static Map<String, String> snapshot() throws Exception {
        Map<String, String> snapshot = new TreeMap<>();
        Path data = home.resolve("data");
        for (Path file : ArchiveInvariants.files(data)) {
            String name = data.relativize(file).toString();
            // The lock file names the last run's pid; backups are extra copies, not the archive.
            if (!name.endsWith(".lock") && !name.startsWith("backups/")) {
                snapshot.put(name, ArchiveInvariants.sha256(file));
            }
        }
        ArchiveInvariants invariants = ArchiveInvariants.ofHome(home);
        for (String table : invariants.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            snapshot.put("rows of " + table, invariants.query("SELECT count(*) FROM \"" + table + "\"").get(0));
        }
        return snapshot;
    }

    /** Every entry below a folder (links not followed) -> its SHA-256, "link", "fifo" or "dir". */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? ArchiveInvariants.sha256(p) : "other";
                entries.put(root.relativize(p).toString(), kind);
            }
        }
        return entries;
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }

    /**
     * A journal is input: one written by hand (the old format, or the new one with correct checksums) that
     * would make recovery delete a user's file is refused with exit 3 and kept, and the user's file survives.
     */
    @Test
    void aHandWrittenJournalNeverTouchesAUsersFile() throws Exception {
        Path onlyCopy = Files.writeString(home.resolve("my-only-copy.txt"), "irreplaceable");
        // The undo of a copy deletes its target when the source still has the same bytes.
        Path twin = Files.writeString(home.resolve("twin.txt"), "irreplaceable");
        Path journals = home.resolve("data/journal");
        String archiveId = ArchiveInvariants.ofHome(home).query("SELECT archive_id FROM archive_identity").get(0);
        Path byHand = journals.resolve("1-by-hand.journal");
        Path forged = journals.resolve(archiveId).resolve("2-forged.journal");
        SoftAssertions soft = new SoftAssertions();
        try {
            Files.createDirectories(journals);
            Files.writeString(byHand, "{\"op\":\"copy\",\"source\":\"" + twin + "\",\"target\":\"" + onlyCopy + "\"}\n");
            refused(soft, 3, byHand.toString(), importWith());
            soft.assertThat(byHand).as("kept for a person").exists();
            Files.delete(byHand);

            org.aupat.foundation.rollback.HandWrittenJournal.write(forged, archiveId,
                    new String[] {"mkdir", null, home.resolve("data/staging/by-hand").toString()},
                    new String[] {"copy", twin.toString(), onlyCopy.toString()});
            refused(soft, 3, forged + ": line 3", importWith());
            soft.assertThat(forged).as("kept for a person").exists();
            soft.assertThat(onlyCopy).hasContent("irreplaceable");
        } finally {
            Files.deleteIfExists(byHand);
            Files.deleteIfExists(forged);
        }
        soft.assertAll();
    }

    @Test
    void unwritableLogsASettingGivenTwiceAndAHostileUserJsonStopInOneLine() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        refused(soft, 3, "a-file.txt: it is a file", importWith("--aupat.logs=a-file.txt"));
        Path readOnly = Files.createDirectories(home.resolve("read-only-logs"));
        Path full = Files.createDirectories(home.resolve("full-disk"));
        boolean mounted = mount(readOnly, "size=1m,ro") && mount(full, "size=2m");
        try {
            if (mounted) {
                refused(soft, 3, "Read-only file system", importWith("--aupat.logs=" + readOnly));
                try (var out = Files.newOutputStream(full.resolve("filler"))) {
                    byte[] block = new byte[64 * 1024];
                    while (true) {
                        out.write(block);
                    }
                } catch (IOException diskFull) {
                    // the disk is full now
                }
                refused(soft, 3, full + "/logs", importWith("--aupat.logs=" + full.resolve("logs")));
            }
        } finally {
            new ProcessBuilder("umount", readOnly.toString()).start().waitFor();
            new ProcessBuilder("umount", full.toString()).start().waitFor();
        }
        refused(soft, 2, "given twice (--aupat.database=one.db and --aupat.database=two.db)",
                Stream.concat(Stream.of(importWith("--aupat.database=one.db")), Stream.of("--aupat.database=two.db"))
                        .toArray(String[]::new));
        soft.assertThat(home.resolve("one.db,two.db")).doesNotExist();
        refused(soft, 2, "/dev/zero is not a regular file", importWith("--config=/dev/zero"));
        refused(soft, 2, home.resolve("fifo") + " is not a regular file", importWith("--config=fifo"));
        soft.assertAll();
        org.junit.jupiter.api.Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: read-only and full log disks untried");
    }

    /** A small tmpfs at the folder (root only); false when this machine does not allow it. */
    private static boolean mount(Path folder, String options) throws Exception {
        return new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
    }
}
