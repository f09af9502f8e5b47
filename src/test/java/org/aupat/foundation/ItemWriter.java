package org.aupat.foundation;

import java.util.HashSet;
import java.util.Set;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** Writes one chunk of items in one transaction; an item already written is a no-op (design rule 5). */
public class ItemWriter {
    private final JdbcTemplate jdbc;
    /** Items that fail on purpose (a "bad file"). */
    private final Set<Long> failOn = new HashSet<>();

    public ItemWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS items (id INTEGER PRIMARY KEY, run TEXT NOT NULL)");
    }

    @RetryTransient
    @Transactional
    public int writeChunk(long from, long to, long sleepMillis) {
        int written = 0;
        for (long id = from; id < to; id++) {
            if (failOn.contains(id)) {
                throw new IllegalStateException("item " + id + " broke on purpose");
            }
            written += jdbc.update("INSERT OR IGNORE INTO items (id, run) VALUES (?, ?)", id, RunContext.runId());
            sleep(sleepMillis);
        }
        return written;
    }

    /** Makes the item fail on purpose, or with null, lets every item pass again. */
    public void failOn(Long id) {
        if (id == null) {
            failOn.clear();
        } else {
            failOn.add(id);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
