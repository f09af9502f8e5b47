package org.aupat.archive.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.maintenance.MigrationService;
import org.aupat.foundation.CapturedConsole;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.failure.FailureLog;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.rollback.DiskFileSystem;
import org.aupat.testing.ArchiveInvariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * db_import on a source that changes under it: a card swapped between an interrupted run and its rerun,
 * and files written to while they are copied. Real files, the real database and aspects; the
 * FileSystemCalls seam only picks the instant: it interrupts the run at the n-th source file it opens, or
 * has a real write land on a source file right after its copy has begun.
 */
class ChangingSourceTest {
    @TempDir
    static Path home;
    static ConfigurableApplicationContext context;
    static ArchiveInvariants invariants;

    /** A write to a source file, made while AUPAT copies it. */
    interface Write {
        void to(Path file) throws IOException;
    }

    /** The real disk, plus an interruption and a concurrent writer, each armed by a test. */
    static final class ChangingDisk extends DiskFileSystem {
        private Path sources;
        private int interruptAt;
        private Path written;
        private Write write;
        private int writes;

        synchronized void interruptAtSource(Path folder, int nth) {
            sources = folder;
            interruptAt = nth;
        }

        synchronized void writeDuringCopy(Path file, int times, Write what) {
            written = file;
            writes = times;
            write = what;
        }

        synchronized void disarm() {
            interruptAt = 0;
            writes = 0;
        }

        private synchronized boolean interruptNow(Path file) {
            return interruptAt > 0 && file.startsWith(sources) && --interruptAt == 0;
        }

        private synchronized Write writeNow(Path file) {
            if (writes == 0 || !file.equals(written)) {
                return null;
            }
            writes--;
            return write;
        }

        @Override
        public InputStream openRead(Path file) throws IOException {
            if (interruptNow(file)) {
                throw new IOException("the run is interrupted here");
            }
            Write now = writeNow(file);
            InputStream in = super.openRead(file);
            if (now == null) {
                return in;
            }
            // The writer writes once the first megabyte was read and once more as the copy reaches the end:
            // without a check, the copy would hold some of the old bytes and some of the new.
            return new FilterInputStream(in) {
                private int seen;

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (seen == 0 || (n < 0 && seen == 1)) {
                        seen++;
                        now.to(file);
                    }
                    return n;
                }
            };
        }
    }

    /** Deliberately not a {@code @Configuration}: component scanning would put it into every other test's context. */
    static class Changes {
        @Bean
        @Primary
        ChangingDisk changingDisk() {
            return new ChangingDisk();
        }
    }

    @BeforeAll
    static void start() {
        context = FoundationContext.start(home, Changes.class, CapturedConsole.class);
        MigrationService migration = context.getBean(MigrationService.class);
        migration.migrate(migration.check());
        invariants = ArchiveInvariants.ofHome(home);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @BeforeEach
    void quiet() {
        disk().disarm();
        CapturedConsole.OUT.reset();
    }

    @Test
    void aRerunOnAnUnchangedSourceResumesFromItsCheckpoint() throws Exception {
        Path card = documents("same", 130);
        interruptInSecondChunk(card);

        ImportSummary rerun = importing(card);
        assertThat(rerun.resumedFromPosition()).isEqualTo(100);
        assertThat(rerun.importedTotal()).isEqualTo(30);
        assertThat(rerun.duplicates()).isEmpty();
        assertThat(CapturedConsole.text()).doesNotContain("the source changed");
        assertEveryFileImportedOnce(card);
    }

    @Test
    void aFileReplacedBeforeTheResumePositionIsStillImported() throws Exception {
        Path card = documents("replaced", 130);
        interruptInSecondChunk(card);
        // Same name, same size, other bytes: the last file done is unchanged, an earlier one is not.
        Path replaced = card.resolve("doc-010.txt");
        Files.write(replaced, content("replaced-again", 10));
        Files.setLastModifiedTime(replaced, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        ImportSummary rerun = importing(card);
        assertEveryFileImportedOnce(card);
        assertThat(CapturedConsole.text()).contains("not resuming at entry 100: the source changed since the interrupted"
                + " run (an entry up to " + card.resolve("doc-100.txt") + " was added, removed, replaced or changed);"
                + " walking all of the source again");
        assertThat(rerun.resumedFromPosition()).isZero();
        assertThat(rerun.importedTotal()).as("the replaced file and the 30 the interrupted run never reached")
                .isEqualTo(31);
    }

    @Test
    void aSwappedCardWithFilesAddedRemovedAndRenamedIsWalkedAgainAndEveryFileImportedOnce() throws Exception {
        Path card = documents("swapped", 130);
        interruptInSecondChunk(card);
        Files.write(card.resolve("a-new-first.txt"), content("swapped-new", 1));
        Files.delete(card.resolve("doc-020.txt"));
        Files.move(card.resolve("doc-120.txt"), card.resolve("doc-005b.txt"));
        Files.write(card.resolve("zz-new-last.txt"), content("swapped-new", 2));

        ImportSummary rerun = importing(card);
        assertEveryFileImportedOnce(card);
        assertThat(CapturedConsole.text()).contains("the source changed since the interrupted run ("
                + card.resolve("doc-100.txt") + " is no longer entry 100)");
        assertThat(rerun.resumedFromPosition()).isZero();
        assertThat(rerun.failed()).isEmpty();
    }

    @Test
    void aFileThatGrowsWhileItIsCopiedIsCopiedAgainWhole() throws Exception {
        Path card = documents("grows", 3);
        Path big = Files.write(card.resolve("big.txt"), content("grows-big", 3 << 20));
        disk().writeDuringCopy(big, 1, file -> Files.write(file, content("grows-tail", 500), StandardOpenOption.APPEND));

        ImportSummary summary = importing(card);
        assertThat(summary.failed()).isEmpty();
        assertThat(context.getBean(FailureLog.class).skippedCount()).isZero();
        assertThat(Files.size(big)).isEqualTo((3 << 20) + 1000);
        assertEveryFileImportedOnce(card);
    }

    @Test
    void aFileRewrittenInPlaceWhileItIsCopiedIsCopiedAgainNotArchivedTorn() throws Exception {
        Path card = documents("rewritten", 3);
        Path big = Files.write(card.resolve("big.txt"), content("rewritten-big", 3 << 20));
        // Same size: only the times and the bytes tell.
        disk().writeDuringCopy(big, 1, file -> overwrite(file, content("rewritten-new", 3 << 20)));

        ImportSummary summary = importing(card);
        assertThat(summary.failed()).isEmpty();
        assertEveryFileImportedOnce(card);
    }

    @Test
    void aFileThatKeepsChangingWhileItIsCopiedIsRefusedAsAnItemFailureNamingIt() throws Exception {
        Path card = documents("keeps-changing", 3);
        Path big = Files.write(card.resolve("big.txt"), content("keeps-changing-big", 3 << 20));
        byte[] first = Files.readAllBytes(big);
        disk().writeDuringCopy(big, 99, file -> Files.write(file, content("more", 100), StandardOpenOption.APPEND));

        ImportSummary summary = importing(card);
        disk().disarm();
        assertThat(summary.failed()).containsExactly("big.txt");
        assertThat(summary.importedTotal()).isEqualTo(3);
        assertThat(context.getBean(FailureLog.class).skippedCount()).as("the runner's exit code 4").isEqualTo(1);
        assertThat(Files.readString(home.resolve("logs/failure.log"))).contains(big + " changed while it was copied");
        Map<String, String> recorded = invariants.recordedFiles();
        assertThat(recorded).doesNotContainKey(ArchiveInvariants.sha256(big)).doesNotContainKey(sha(first));
        assertNoLeftovers();
        List<Path> others = files(card).stream().filter(f -> !f.equals(big)).toList();
        others.forEach(f -> assertThat(recorded).containsKey(ArchiveInvariants.sha256(f)));
    }

    /** Runs the import and lets it fail when the 115th source file is opened: in chunk 2, after chunk 1 committed. */
    private static void interruptInSecondChunk(Path card) {
        disk().interruptAtSource(card, 115);
        assertThatThrownBy(() -> importing(card)).isInstanceOf(AupatError.class)
                .hasMessageContaining("the run is interrupted here");
        disk().disarm();
        CapturedConsole.OUT.reset();
    }

    private static ImportSummary importing(Path card) {
        String name = card.getFileName() + " Mill";
        ImportRequest request = new ImportRequest(card, new LocationService.Request(null, name, null, "ny", "industrial",
                null, "tester", null, List.of(), card, false, false), false, null, false);
        RunContext.start("db_import");
        context.getBean(FailureLog.class).reset();
        try {
            ImportService imports = context.getBean(ImportService.class);
            return imports.run(imports.check(request), new RunIdentity("db_import", "source=" + card + " location=" + name, false));
        } finally {
            RunContext.clear();
        }
    }

    /** Every file in the source now has exactly one row and one staged copy, and nothing is left half done. */
    private static void assertEveryFileImportedOnce(Path card) throws Exception {
        Map<String, String> recorded = invariants.recordedFiles();
        for (Path file : files(card)) {
            String sha = ArchiveInvariants.sha256(file);
            assertThat(recorded).as("recorded " + file).containsKey(sha);
            assertThat(ArchiveInvariants.sha256(Path.of(recorded.get(sha)))).as("staged bytes of " + file).isEqualTo(sha);
        }
        Map<String, Long> copies = ArchiveInvariants.files(home.resolve("data/staging")).stream()
                .collect(Collectors.groupingBy(ArchiveInvariants::sha256, Collectors.counting()));
        assertThat(copies.values()).as("one staged copy per file").allMatch(n -> n == 1);
        assertThat(copies.keySet()).as("no staged copy without a row").isSubsetOf(recorded.keySet());
        assertNoLeftovers();
    }

    private static void assertNoLeftovers() {
        assertThat(ArchiveInvariants.files(home.resolve("data")).stream().map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".aupat-tmp") || n.endsWith(".aupat-deleted") || n.endsWith(".journal")))
                .as("temporary, backup and journal files").isEmpty();
    }

    private static List<Path> files(Path card) {
        return ArchiveInvariants.files(card);
    }

    private static Path documents(String name, int count) throws IOException {
        Path folder = Files.createDirectories(home.resolve("sources/" + name));
        for (int i = 1; i <= count; i++) {
            Files.write(folder.resolve(String.format("doc-%03d.txt", i)), content(name, i));
        }
        return folder;
    }

    /** Bytes no other file of these tests has. */
    private static byte[] content(String seed, int size) {
        byte[] bytes = new byte[Math.max(size, 64)];
        new Random((seed + "/" + size).hashCode()).nextBytes(bytes);
        byte[] label = (seed + "/" + size + "\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(label, 0, bytes, 0, label.length);
        return bytes;
    }

    /** Writes new bytes over a file in place (the same inode, no truncation), as an editor saving in place does. */
    private static void overwrite(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
        }
    }

    private static String sha(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static ChangingDisk disk() {
        return context.getBean(ChangingDisk.class);
    }

    /**
     * A file the interrupted run refused, before its checkpoint's position, whose size and time are the same
     * now (as after a chmod): the rerun gives it another try rather than skipping it by position.
     */
    @Test
    void aFileTheInterruptedRunRefusedBeforeThePositionGetsAnotherTry() throws Exception {
        Path card = documents("refused", 130);
        Path refused = card.resolve("doc-050.txt");
        FileTime walked = Files.getLastModifiedTime(refused);
        // Rewritten in place on every copy, its time set back each time: refused as changing while copied.
        disk().writeDuringCopy(refused, 99, file -> {
            overwrite(file, content("refused-now", 50));
            Files.setLastModifiedTime(file, walked);
        });
        interruptInSecondChunk(card);

        ImportSummary rerun = importing(card);
        assertEveryFileImportedOnce(card);
        // Chunk 1 holds 100 imported files, so it ended at entry 101.
        assertThat(CapturedConsole.text()).contains("not resuming at entry 101: 1 file(s) the interrupted run could not"
                + " import get another try");
        assertThat(rerun.resumedFromPosition()).isZero();
    }
}
