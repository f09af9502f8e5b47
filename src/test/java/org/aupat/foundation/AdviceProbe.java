package org.aupat.foundation;

import java.util.concurrent.atomic.AtomicInteger;
import org.aupat.foundation.db.SqliteErrors;
import org.aupat.foundation.failure.LogFailures;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A method carrying all the advice: writes a row, then fails with SQLITE_BUSY while {@code busyLeft} > 0. */
public class AdviceProbe {
    private final JdbcTemplate jdbc;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger busyLeft = new AtomicInteger();

    public AdviceProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS probe (attempt INTEGER NOT NULL)");
    }

    @LogFailures("probe write")
    @RetryTransient
    @Transactional
    public void write() {
        jdbc.update("INSERT INTO probe (attempt) VALUES (?)", calls.incrementAndGet());
        if (busyLeft.getAndDecrement() > 0) {
            throw SqliteErrors.translate(new SQLiteException("[SQLITE_BUSY] database is locked",
                    SQLiteErrorCode.SQLITE_BUSY));
        }
    }

    @LogFailures("probe validation")
    @RetryTransient
    @Transactional
    public void refuse() {
        calls.incrementAndGet();
        jdbc.update("INSERT INTO probe (attempt) VALUES (-1)");
        throw new org.aupat.foundation.error.ValidationError("probe", "x", "is refused on purpose");
    }

    /** How many of the next calls fail with SQLITE_BUSY. */
    public void busyFor(int calls) {
        busyLeft.set(calls);
    }

    public int calls() {
        return calls.get();
    }

    public int rows() {
        return jdbc.queryForObject("SELECT count(*) FROM probe", Integer.class);
    }

    /** Registers the probe. */
    public static class Setup {
        @Bean
        AdviceProbe adviceProbe(JdbcTemplate jdbc) {
            return new AdviceProbe(jdbc);
        }
    }
}
