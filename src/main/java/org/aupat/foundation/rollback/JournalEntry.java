package org.aupat.foundation.rollback;

import java.nio.file.Path;

/** One operation as written ahead to the journal: enough to undo it by looking at the disk. */
record JournalEntry(JournalOperation op, String source, String target) {

    Path sourcePath() {
        return source == null ? null : Path.of(source);
    }

    Path targetPath() {
        return Path.of(target);
    }
}
