package org.aupat.foundation.checkpoint;

/** The item counters a batch engineer expects, for one chunk or summed over a run. */
public record ChunkCounts(long read, long written, long skipped, long failed) {
    public static final ChunkCounts NONE = new ChunkCounts(0, 0, 0, 0);

    public ChunkCounts plus(ChunkCounts other) {
        return new ChunkCounts(read + other.read, written + other.written, skipped + other.skipped,
                failed + other.failed);
    }
}
