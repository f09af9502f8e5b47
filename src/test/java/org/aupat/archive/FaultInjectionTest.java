package org.aupat.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.aupat.archive.importing.ImportRequest;
import org.aupat.archive.importing.ImportService;
import org.aupat.archive.importing.ImportSummary;
import org.aupat.archive.ingest.IngestService;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.organizing.OrganizeService;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.testing.ArchiveInvariants;
import org.aupat.testing.MediaFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Faults at every file system step of an import chunk and an ingest chunk, through the FileSystemCalls
 * seam on real files; a crashing and a hanging exiftool during organize; a really full file system during
 * ingest. After each fault the chunk is rolled back or the file logged as recoverable, nothing else is
 * lost, and a rerun without the fault archives every file exactly once.
 */
class FaultInjectionTest {
    private static final String[] KINDS = {"injected I/O error", "No space left on device"};

    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static ArchiveInvariants invariants;
    static int faults;

    /** The real disk, except that one chosen call of one step fails once with the given message. */
    static final class FaultyDisk extends DiskFileSystem {
        private String step;
        private int countdown;
        private String message;
        private boolean fired;

        synchronized void arm(String step, int nth, String message) {
            this.step = step;
            this.countdown = nth;
            this.message = message;
            this.fired = false;
        }

        synchronized boolean disarm() {
            step = null;
            return fired;
        }

        private synchronized void maybeFail(String at) throws IOException {
            if (at.equals(step) && --countdown == 0) {
                step = null;
                fired = true;
                throw new IOException(message);
            }
        }

        @Override
        public InputStream openRead(Path file) throws IOException {
            maybeFail("open");
            return new FilterInputStream(super.openRead(file)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    maybeFail("read");
                    return super.read(b, off, len);
                }
            };
        }

        @Override
        public FileChannel createNew(Path file) throws IOException {
            maybeFail("create");
            return super.createNew(file);
        }

        @Override
        public FileChannel openWrite(Path file) throws IOException {
            maybeFail("reopen");
            return super.openWrite(file);
        }

        @Override
        public void write(FileChannel channel, ByteBuffer bytes) throws IOException {
            maybeFail("write");
            super.write(channel, bytes);
        }

        @Override
        public void force(FileChannel channel) throws IOException {
            maybeFail("fsync");
            super.force(channel);
        }

        @Override
        public void forceDirectory(Path directory) throws IOException {
            maybeFail("fsync-dir");
            super.forceDirectory(directory);
        }

        @Override
        public void rename(Path from, Path to) throws IOException {
            maybeFail("rename");
            super.rename(from, to);
        }

        @Override
        public void createDirectory(Path directory) throws IOException {
            maybeFail("mkdir");
            super.createDirectory(directory);
        }

        @Override
        public void createLink(Path link, Path existing) throws IOException {
            maybeFail("link");
            super.createLink(link, existing);
        }

        @Override
        public void delete(Path file) throws IOException {
            maybeFail("delete");
            super.delete(file);
        }
    }

    /**
     * Puts the faulty disk under every file transaction of the real application context. Deliberately not a
     * {@code @Configuration}: component scanning would put it into every other test's context too.
     */
    static class Faults {
        @Bean
        @Primary
        FaultyDisk faultyDisk() {
            return new FaultyDisk();
        }
    }

    @BeforeAll
    static void start() {
        context = FoundationContext.start(home, Faults.class);
        migrate(context);
        invariants = ArchiveInvariants.ofHome(home);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        System.out.println("FaultInjectionTest: " + faults + " injected faults, each rolled back or logged, then rerun to completion");
    }

    @Test
    void aFaultAtEveryStepOfAnImportChunkIsUndoneAndTheRerunStagesEveryFileOnce() throws Exception {
        // Which call of each step fails: chosen so the fault lands inside the chunk, after some work is done.
        Object[][] steps = {{"open", 2, false}, {"read", 2, false}, {"create", 2, false}, {"write", 3, false},
                {"fsync", 3, false}, {"reopen", 2, false}, {"fsync-dir", 3, false}, {"rename", 2, false}, {"mkdir", 1, false},
                {"delete", 1, false}, {"link", 2, true}, {"fsync-dir", 2, true}};
        SoftAssertions soft = new SoftAssertions();
        int n = 0;
        for (Object[] step : steps) {
            for (String kind : KINDS) {
                String name = "import " + step[0] + " #" + step[1] + (((Boolean) step[2]) ? " (hard link)" : "") + ": " + kind;
                List<Path> files = documents("import-" + n++);
                ImportRequest request = request(files.get(0).getParent(), "Import Case " + n, (Boolean) step[2]);
                disk().arm((String) step[0], (Integer) step[1], kind);
                Outcome first = attempt(() -> importing(request));
                soft.assertThat(disk().disarm()).as(name + ": the fault fired").isTrue();
                soft.assertThat(first.failedOrSkipped()).as(name + ": reported").isTrue();
                soft.assertThat(first.error()).as(name).satisfiesAnyOf(e -> assertThat(e).isNull(),
                        e -> assertThat(e.getMessage()).contains(kind));
                assertNothingLostOrHalfDone(soft, name, files);
                Outcome again = attempt(() -> importing(request));
                soft.assertThat(again.error()).as(name + ": rerun").isNull();
                for (Path file : files) {
                    soft.assertThat(invariants.recordedFiles()).as(name + ": staged " + file).containsKey(ArchiveInvariants.sha256(file));
                }
                assertNothingLostOrHalfDone(soft, name + " after the rerun", files);
                faults++;
            }
        }
        soft.assertAll();
    }

    @Test
    void aFaultAtEveryStepOfAnIngestChunkIsUndoneAndTheRerunArchivesEveryFileOnce() throws Exception {
        Object[][] steps = {{"link", 2}, {"mkdir", 2}, {"create", 1}, {"write", 2}, {"fsync-dir", 1}, {"fsync-dir", 2},
                {"delete", 1}};
        SoftAssertions soft = new SoftAssertions();
        int n = 0;
        for (Object[] step : steps) {
            for (String kind : KINDS) {
                String name = "ingest " + step[0] + " #" + step[1] + ": " + kind;
                List<Path> files = documents("ingest-" + n++);
                ImportRequest request = request(files.get(0).getParent(), "Ingest Case " + n, false);
                assertThat(attempt(() -> importing(request)).error()).isNull();
                disk().arm((String) step[0], (Integer) step[1], kind);
                Outcome first = attempt(() -> ingesting());
                soft.assertThat(disk().disarm()).as(name + ": the fault fired").isTrue();
                soft.assertThat(first.failedOrSkipped()).as(name + ": reported").isTrue();
                assertNothingLostOrHalfDone(soft, name, files);
                Outcome again = attempt(() -> ingesting());
                soft.assertThat(again.error()).as(name + ": rerun").isNull();
                soft.assertThatCode(() -> invariants.assertArchivedExactlyOnce(files)).as(name).doesNotThrowAnyException();
                assertNothingLostOrHalfDone(soft, name + " after the rerun", files);
                faults++;
            }
        }
        soft.assertAll();
    }

    @Test
    void aCrashingOrHangingExiftoolLeavesOnlyItsFileStagedAndARealRerunFinishes() throws Exception {
        for (String behaviour : List.of("exit 3", "sleep 20")) {
            Path folder = Files.createDirectories(home.resolve("exif-" + behaviour.length()));
            MediaFactory media = new MediaFactory(folder);
            // Names give the bytes, so each round has its own names: the second round must not find duplicates.
            String round = behaviour.substring(0, 1);
            List<Path> photos = List.of(media.photo(round + "a.jpg", "Canon", "EOS R5"),
                    media.photo(round + "b.jpg", "GoPro", "HERO9 Black"), media.photo(round + "c.jpg", "DJI", "FC3170"));
            assertThat(attempt(() -> importing(request(folder, "Exif Case " + behaviour.length(), false))).error()).isNull();
            // The stand-in passes every request to the real exiftool but crashes or hangs on b.jpg's staged copy.
            String poison = ArchiveInvariants.sha256(photos.get(1)).substring(0, 12);
            Path standIn = home.resolve("exiftool-" + behaviour.length());
            // sh's read takes one line at a time from a pipe, so requests pass through at once (awk would buffer them).
            Files.writeString(standIn, "#!/bin/sh\nwhile IFS= read -r line; do case \"$line\" in *" + poison + "*) " + behaviour
                    + ";; esac; printf '%s\\n' \"$line\"; done | exiftool \"$@\"\n");
            Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwx------"));
            try (ExiftoolPool pool = new ExiftoolPool(standIn.toString(), 1, Duration.ofSeconds(3))) {
                OrganizeService.Summary s = running("db_organize", () -> organizeWith(pool));
                assertThat(s.leftStaged()).as(behaviour).isEqualTo(1);
                assertThat(s.organized().values().stream().mapToLong(Long::longValue).sum()).as(behaviour).isEqualTo(2);
            }
            assertThat(Files.readString(home.resolve("logs/failure.log"))).contains(poison);
            OrganizeService.Summary rerun = running("db_organize", () -> context.getBean(OrganizeService.class).organize());
            assertThat(rerun.leftStaged()).isZero();
            assertThat(rerun.organized().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
            assertThat(attempt(() -> ingesting()).error()).isNull();
            invariants.assertArchivedExactlyOnce(photos);
            faults++;
        }
    }

    @Test
    void aReallyFullFileSystemDuringIngestIsUndoneAndTheRerunFinishesOnceThereIsRoom() throws Exception {
        Path other = home.resolve("small-disk");
        Path mount = Files.createDirectories(other.resolve("mnt"));
        boolean mounted = command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0;
        if (!mounted) {
            System.out.println("FaultInjectionTest: no real full disk test: mounting a 2 MB tmpfs is not allowed here"
                    + " (needs root and CAP_SYS_ADMIN)");
        }
        Assumptions.assumeTrue(mounted, "mounting a 2 MB tmpfs is not allowed here");
        List<String> settings = new ArrayList<>(Arrays.asList(FoundationContext.settings(other)));
        settings.replaceAll(s -> s.startsWith("--aupat.archive=") ? "--aupat.archive=" + mount.resolve("archive") : s);
        try (ConfigurableApplicationContext small = new org.springframework.boot.builder.SpringApplicationBuilder(
                org.aupat.AupatApplication.class).web(org.springframework.boot.WebApplicationType.NONE).run(settings.toArray(String[]::new))) {
            migrate(small);
            Path folder = Files.createDirectories(other.resolve("card"));
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                byte[] bytes = new byte[700_000];
                new Random(i).nextBytes(bytes);
                files.add(Files.write(folder.resolve("scan-" + i + ".txt"), bytes));
            }
            ImportService imports = small.getBean(ImportService.class);
            IngestService ingest = small.getBean(IngestService.class);
            assertThat(attempt(() -> running(small, "db_import", () -> imports.run(imports.check(request(folder, "Full Disk", false)),
                    new RunIdentity("db_import", "full", false))))
                    .error()).isNull();
            Outcome full = attempt(() -> running(small, "db_ingest", ingest::ingest));
            assertThat(full.error()).isNotNull();
            assertThat(full.error().getMessage()).contains("No space left on device");
            ArchiveInvariants smallInvariants = new ArchiveInvariants(other.resolve("data/aupat.db"),
                    other.resolve("data/staging"), mount.resolve("archive"));
            assertThat(ArchiveInvariants.files(mount.resolve("archive"))).as("the chunk's copies were undone").isEmpty();
            for (Path file : files) {
                assertThat(ArchiveInvariants.sha256(Path.of(smallInvariants.recordedFiles().get(ArchiveInvariants.sha256(file)))))
                        .isEqualTo(ArchiveInvariants.sha256(file));
            }
            assertThat(command("mount", "-o", "remount,size=8m", mount.toString())).isZero();
            assertThat(attempt(() -> running(small, "db_ingest", ingest::ingest)).error()).isNull();
            smallInvariants.assertArchivedExactlyOnce(files);
            faults++;
        } finally {
            command("umount", mount.toString());
        }
    }

    /** What one run did: its summary, or the error that stopped it. */
    record Outcome(Object summary, AupatError error) {
        boolean failedOrSkipped() {
            return error != null || (summary instanceof ImportSummary s && !s.failed().isEmpty())
                    || (summary instanceof IngestService.Summary i && i.failed() > 0);
        }
    }

    private static Outcome attempt(Supplier<Object> run) {
        try {
            return new Outcome(run.get(), null);
        } catch (AupatError e) {
            return new Outcome(null, e);
        }
    }

    /** Runs work as a script would: run context and a fresh failure count (the identity is the work's own). */
    private static <T> T running(String script, Supplier<T> work) {
        return running(context, script, work);
    }

    private static <T> T running(ConfigurableApplicationContext in, String script, Supplier<T> work) {
        return org.aupat.testing.InProcessRuns.asScript(in, script, work);
    }

    private static ImportSummary importing(ImportRequest request) {
        return running("db_import", () -> context.getBean(ImportService.class)
                .run(context.getBean(ImportService.class).check(request), new RunIdentity("db_import", "source=" + request.source(), false)));
    }

    private static IngestService.Summary ingesting() {
        return running("db_ingest", () -> context.getBean(IngestService.class).ingest());
    }

    /** The context's OrganizeService with another exiftool pool: every other collaborator is the context's bean. */
    private static OrganizeService.Summary organizeWith(ExiftoolPool pool) {
        try {
            Constructor<?> constructor = OrganizeService.class.getConstructors()[0];
            Object[] args = Arrays.stream(constructor.getParameterTypes())
                    .map(type -> type == ExiftoolPool.class ? pool : context.getBean(type)).toArray();
            return ((OrganizeService) constructor.newInstance(args)).organize();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void migrate(ConfigurableApplicationContext in) {
        MigrationService migration = in.getBean(MigrationService.class);
        migration.migrate(migration.check());
    }

    private static ImportRequest request(Path source, String name, boolean hardlink) {
        return new ImportRequest(source, new LocationService.Request(null, name, null, "ny", "industrial", null, "tester",
                null, List.of(), source, false, false), false, null, hardlink);
    }

    private static FaultyDisk disk() {
        return context.getBean(FaultyDisk.class);
    }

    /** Three documents with bytes no other case has. */
    private static List<Path> documents(String name) throws IOException {
        Path folder = Files.createDirectories(home.resolve("sources/" + name));
        List<Path> files = new ArrayList<>();
        for (String file : List.of("a.txt", "b.txt", "c.txt")) {
            files.add(Files.writeString(folder.resolve(file), name + "/" + file + " " + "x".repeat(3000)));
        }
        return files;
    }

    /**
     * The sources intact; no temporary, backup or journal file left; every recorded file present with its
     * bytes; and no file in staging or the archive that the database does not know.
     */
    private static void assertNothingLostOrHalfDone(SoftAssertions soft, String name, List<Path> sources) throws Exception {
        for (Path source : sources) {
            soft.assertThat(Files.readString(source, StandardCharsets.UTF_8)).as(name + ": source " + source)
                    .startsWith(home.relativize(source.getParent()).toString().substring("sources/".length()) + "/");
        }
        List<Path> leftovers = new ArrayList<>();
        for (Path file : ArchiveInvariants.files(home.resolve("data"))) {
            String fileName = file.getFileName().toString();
            if (fileName.endsWith(".aupat-tmp") || fileName.endsWith(".aupat-deleted") || fileName.endsWith(".journal")) {
                leftovers.add(file);
            }
        }
        soft.assertThat(leftovers).as(name + ": temporary, backup and journal files").isEmpty();
        Map<String, String> recorded = invariants.recordedFiles();
        recorded.forEach((sha, loc) -> soft.assertThat(Files.exists(Path.of(loc)) && ArchiveInvariants.sha256(Path.of(loc)).equals(sha))
                .as(name + ": recorded file " + loc + " is there with its bytes").isTrue());
        List<Path> unknown = new ArrayList<>();
        for (Path file : ArchiveInvariants.files(home.resolve("data/staging"))) {
            if (!recorded.containsKey(ArchiveInvariants.sha256(file))) {
                unknown.add(file);
            }
        }
        for (Path file : ArchiveInvariants.files(home.resolve("data/archive"))) {
            if (!file.toString().equals(recorded.get(ArchiveInvariants.sha256(file)))) {
                unknown.add(file);
            }
        }
        soft.assertThat(unknown).as(name + ": files the database does not know").isEmpty();
    }

    private static int command(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
