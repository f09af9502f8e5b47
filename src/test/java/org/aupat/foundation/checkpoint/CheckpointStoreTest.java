package org.aupat.foundation.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.aupat.foundation.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
    @TempDir
    Path data;

    private static Checkpoint checkpoint(String identity, Checkpoint.Status status, Instant completed) {
        Instant now = Instant.now();
        return new Checkpoint(id(identity), status, 340, 1000, "IMG_0340.JPG", "d1g", new ChunkCounts(340, 330, 10, 0), 34, 1,
                now, now, completed, null);
    }

    private static CheckpointId id(String options) {
        return new CheckpointId("db_import", "stage", options);
    }

    @Test
    void savesFindsAndDiscardsByScriptOperationAndIdentity() {
        try (CheckpointStore store = new CheckpointStore(data.resolve("checkpoint_state.db"))) {
            store.save(checkpoint("source=/a", Checkpoint.Status.IN_PROGRESS, null));
            Checkpoint found = store.find(id("source=/a")).orElseThrow();
            assertThat(found.current()).isEqualTo(340);
            assertThat(found.total()).isEqualTo(1000);
            assertThat(found.lastItem()).isEqualTo("IMG_0340.JPG");
            assertThat(found.inputDigest()).isEqualTo("d1g");
            assertThat(found.id()).isEqualTo(id("source=/a"));
            assertThat(found.counts()).isEqualTo(new ChunkCounts(340, 330, 10, 0));
            assertThat(found.rollbacks()).isEqualTo(1);
            assertThat(found.resumable()).isTrue();
            assertThat(store.find(id("source=/b"))).isEmpty();
            assertThat(store.discard(id("source=/a"))).isTrue();
            assertThat(store.discard(id("source=/a"))).isFalse();
        }
    }

    @Test
    void archivesOnlyCompletedCheckpointsOlderThanTheAge() {
        try (CheckpointStore store = new CheckpointStore(data.resolve("checkpoint_state.db"))) {
            store.save(checkpoint("old", Checkpoint.Status.COMPLETED, Instant.now().minus(Duration.ofDays(40))));
            store.save(checkpoint("new", Checkpoint.Status.COMPLETED, Instant.now()));
            store.save(checkpoint("open", Checkpoint.Status.FAILED, null));
            assertThat(store.archiveCompletedOlderThan(Duration.ofDays(30))).isEqualTo(1);
            assertThat(store.find(id("old"))).isEmpty();
            assertThat(store.find(id("new"))).isPresent();
            assertThat(store.find(id("open"))).isPresent();
        }
    }

    @Test
    void aCorruptCheckpointDatabaseIsReportedMovedAsideAndReplaced() throws Exception {
        Path file = data.resolve("checkpoint_state.db");
        Files.writeString(file, "this is not a database, but it is somebody's bytes");
        try (LogCapture warnings = new LogCapture(CheckpointStore.class);
                CheckpointStore store = new CheckpointStore(file)) {
            assertThat(store.find(id(""))).isEmpty();
            assertThat(warnings.messages()).singleElement().asString().contains("was unreadable", "moved aside");
        }
        try (Stream<Path> files = Files.list(data)) {
            Path aside = files.filter(p -> p.getFileName().toString().contains(".corrupt-")).findFirst().orElseThrow();
            assertThat(aside).hasContent("this is not a database, but it is somebody's bytes");
        }
    }

    @Test
    void aRunWhoseCheckpointCannotBeWrittenGoesOnAndSaysSoOnce() throws Exception {
        boolean[] broken = {false};
        CheckpointStore store = new CheckpointStore(data.resolve("checkpoint_state.db")) {
            @Override
            public void save(Checkpoint c) {
                if (broken[0]) {
                    throw new org.aupat.foundation.error.CheckpointError("disk I/O error");
                }
                super.save(c);
            }
        };
        ChunkedRun run = new ChunkedRun(store, checkpoint("x", Checkpoint.Status.IN_PROGRESS, null));
        assertThat(run.resumed()).isTrue();
        run.total(1000);
        assertThat(store.find(id("x"))).isPresent();
        broken[0] = true;
        try (LogCapture warnings = new LogCapture(ChunkedRun.class)) {
            run.chunkCommitted(350, "IMG_0350.JPG", new ChunkCounts(10, 10, 0, 0));
            run.chunkRolledBack();
            run.failed(new IllegalStateException("stop"));
            assertThat(warnings.messages()).singleElement().asString().contains("the run goes on");
        }
        assertThat(run.position()).isEqualTo(350);
        assertThat(run.chunksCommitted()).isEqualTo(35);
        assertThat(run.rollbacks()).isEqualTo(2);
        assertThat(run.counts().written()).isEqualTo(340);
        store.close();
    }
}
