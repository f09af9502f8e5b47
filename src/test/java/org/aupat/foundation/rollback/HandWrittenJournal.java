package org.aupat.foundation.rollback;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A journal written as someone who knows the format and the archive's identity could write it by hand:
 * correct checksums, any operations. For tests that recovery still refuses what it must.
 */
public final class HandWrittenJournal {
    private HandWrittenJournal() {
    }

    /** Writes the journal; each entry is {op, source or null, target}, op as in the journal ("copy"...). */
    public static void write(Path file, String archiveId, String[]... entries) throws IOException {
        try (Journal journal = new Journal(file, archiveId, new DiskFileSystem())) {
            for (String[] e : entries) {
                journal.append(new JournalEntry(JournalOperation.fromJournal(e[0]), e[1], e[2]), true);
            }
        }
    }
}
