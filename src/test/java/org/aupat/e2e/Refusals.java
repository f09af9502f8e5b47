package org.aupat.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;

/** What a refused run must leave: its exit code, one or two lines naming the input, no stack trace, nothing changed. */
final class Refusals {
    private Refusals() {
    }

    /** Runs the arguments and checks the refusal against the home's archive before and after. */
    static void refused(AupatRun aupat, Path home, SoftAssertions soft, int exit, String named, String... args)
            throws Exception {
        Map<String, String> before = snapshot(home);
        JarRunner.Result r = aupat.run(args);
        String what = String.join(" ", args).replace("\n", "\\n") + "\nstderr: " + r.err() + "stdout: " + r.out();
        soft.assertThat(r.exit()).as(what).isEqualTo(exit);
        soft.assertThat(r.err().lines().count()).as("stderr lines of " + what).isBetween(1L, 2L);
        soft.assertThat(r.err()).as(what).contains(named).doesNotContain("\tat ");
        soft.assertThat(r.out()).as(what).doesNotContain("\tat ");
        soft.assertThat(snapshot(home)).as("database, staging and archive after " + what).isEqualTo(before);
    }

    /** db_import of card2 as "Other Mill" with options replaced, added, or removed ({@code --key=<absent>}). */
    static String[] importWith(String... replaced) {
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

    /** Path (relative to data/, the lock file and backups left out) -> SHA-256, plus the row count of every table. */
    static Map<String, String> snapshot(Path home) throws Exception {
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

    /**
     * The inputs the hostile cases name, in the home: card (one photo, one text, to archive first), card2
     * (one photo to import), a regular file, a text file named .db, a link to the archive and a named pipe.
     */
    static void hostileHome(Path home) throws Exception {
        MediaFactory media = new MediaFactory(Files.createDirectories(home.resolve("card")));
        media.photo("IMG_0001.JPG", "Apple", "iPhone 13 Pro");
        media.text("notes.txt", "Built 1880.");
        new MediaFactory(Files.createDirectories(home.resolve("card2"))).photo("DSC_0001.JPG", "Canon", "Canon EOS 5D Mark IV");
        Files.writeString(home.resolve("a-file.txt"), "not a folder");
        Files.writeString(home.resolve("not-sqlite.db"), "These are a photographer's notes, not a database.\n");
        Files.createSymbolicLink(home.resolve("link-to-archive"), home.resolve("data/archive"));
        mkfifo(home.resolve("fifo"));
    }

    /** A named pipe: a file that blocks whoever reads it. */
    static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("mkfifo " + path + ": " + out);
        }
    }

    /** The number of files in the home's backups folder. */
    static long backupCount(Path home) throws Exception {
        Path backups = home.resolve("data/backups");
        if (!Files.isDirectory(backups)) {
            return 0;
        }
        try (var files = Files.list(backups)) {
            return files.count();
        }
    }
}
