package org.aupat.foundation.rollback;

import java.nio.file.Path;

/** One operation as written ahead to the journal: enough to undo it by looking at the disk. */
record JournalEntry(String op, String source, String target) {
    static final String MKDIR = "mkdir";
    /** Removal of an empty folder; undone by creating it again. */
    static final String RMDIR = "rmdir";
    static final String COPY = "copy";
    static final String LINK = "link";
    static final String RENAME = "rename";
    /** A delete is a rename to the backup name; the backup goes only when the transaction commits. */
    static final String DELETE = "delete";

    Path sourcePath() {
        return source == null ? null : Path.of(source);
    }

    Path targetPath() {
        return Path.of(target);
    }
}
