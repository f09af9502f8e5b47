package org.aupat.foundation.rollback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The file operations a journal records, each undone by looking at the disk (see FileTransaction). */
enum JournalOperation {
    /** A folder created. */
    MKDIR,
    /** Removal of an empty folder; undone by creating it again. */
    RMDIR,
    /** A copy written under a temporary name, then renamed to the target. */
    COPY,
    /** A second name (hard link) for an existing file. */
    LINK,
    /** A rename within one file system. */
    RENAME,
    /** A delete is a rename to the backup name; the backup goes only when the transaction commits. */
    DELETE;

    /** The name written in the journal. */
    @JsonValue
    String journalName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a journal's name back; an unknown one is refused, never guessed. */
    @JsonCreator
    static JournalOperation fromJournal(String name) {
        return Arrays.stream(values()).filter(op -> op.journalName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown journal operation '" + name + "'"));
    }
}
