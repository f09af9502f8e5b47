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
 * Hostile input through the real jar, against a home that already holds one archived location: what
 * needs a process of its own (a missing temporary folder), and hostile files inside a source, imported
 * around: exit 4, the good files archived once, nothing followed. Bad options, sources, settings and
 * database files are refused in process, in {@link HostileOptionsTest}.
 */
class HostileInputIT {
    private static final String UNKNOWN_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private static final AtomicInteger TRIED = new AtomicInteger();

    @TempDir
    static Path home;
    static JarRunner aupat;

    @BeforeAll
    static void archiveWithOneLocation() throws Exception {
        Refusals.hostileHome(home);
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
        Refusals.refused(aupat, home, soft, exit, named, args);
        TRIED.incrementAndGet();
    }

    private static String[] importWith(String... replaced) {
        return Refusals.importWith(replaced);
    }

    @Test
    void aMissingTemporaryFolderIsNamedInsteadOfTheDatabase() throws Exception {
        Path missing = home.resolve("no-such-temp");
        // java -jar: bin/aupat keeps SQLite's native library beside its archive and needs no temporary folder.
        JarRunner noTemporaryFolder = JarRunner.packaged(home, Stream.concat(JarRunner.FAST_START.stream(),
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

    static Map<String, String> snapshot() throws Exception {
        return Refusals.snapshot(home);
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
        Refusals.mkfifo(path);
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
