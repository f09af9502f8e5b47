package org.aupat.foundation.db;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.sql.DataSource;
import org.aupat.foundation.interruption.Interruption;
import org.aupat.foundation.logging.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JDBC transaction manager, writing every BEGIN, COMMIT and ROLLBACK to transaction.log with the
 * script, the operation (the transaction's name), its duration, the rows it changed and, for a
 * rollback, the exception that caused it. Failures on commit are translated like repository ones.
 */
public class LoggingTransactionManager extends JdbcTransactionManager {
    static final String LOGGER = "aupat.transaction";
    private static final Logger txLog = LoggerFactory.getLogger(LOGGER);
    private static final ThreadLocal<Deque<Started>> STARTED = ThreadLocal.withInitial(ArrayDeque::new);
    private static final ThreadLocal<Throwable> ROLLBACK_CAUSE = new ThreadLocal<>();

    private record Started(String operation, long nanos, long changes) {
    }

    private final SqlDialect dialect;

    public LoggingTransactionManager(ArchiveDatabase dataSource) {
        this(dataSource, dataSource.dialect());
    }

    public LoggingTransactionManager(DataSource dataSource, SqlDialect dialect) {
        super(dataSource);
        this.dialect = dialect;
        setNestedTransactionAllowed(true);
    }

    /** Remembers why the current transaction is about to roll back (called by the transaction aspect). */
    static void rollbackCause(Throwable cause) {
        ROLLBACK_CAUSE.set(cause);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        Interruption.atSafePoint(); // between two transactions: the last one is committed, the next not begun
        super.doBegin(transaction, definition);
        String operation = definition.getName() == null ? "unnamed" : shortName(definition.getName());
        STARTED.get().push(new Started(operation, System.nanoTime(), totalChanges()));
        txLog.info("BEGIN {} script={} run={}", operation, RunContext.script(), RunContext.runId());
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        Started started = STARTED.get().peek();
        long changes = totalChanges();
        try {
            super.doCommit(status);
        } catch (TransactionException e) {
            throw DatabaseErrors.translate(e);
        }
        if (started != null) {
            txLog.info("COMMIT {} script={} duration_ms={} rows={}", started.operation, RunContext.script(),
                    millis(started), rows(started, changes));
        }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        Started started = STARTED.get().peek();
        long changes = totalChanges();
        Throwable cause = ROLLBACK_CAUSE.get();
        ROLLBACK_CAUSE.remove();
        super.doRollback(status);
        if (started != null) {
            txLog.warn("ROLLBACK {} script={} duration_ms={} rows_discarded={} cause={}", started.operation,
                    RunContext.script(), millis(started), rows(started, changes),
                    cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        Deque<Started> stack = STARTED.get();
        if (!stack.isEmpty()) {
            stack.pop();
        }
        super.doCleanupAfterCompletion(transaction);
    }

    private long totalChanges() {
        ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
        if (holder == null) {
            return 0;
        }
        return dialect.totalChanges(holder.getConnection());
    }

    /** The rows a transaction changed, or "n/a" where the database keeps no count (PostgreSQL). */
    private static String rows(Started started, long changes) {
        return started.changes < 0 || changes < 0 ? "n/a" : String.valueOf(changes - started.changes);
    }

    private static long millis(Started started) {
        return (System.nanoTime() - started.nanos) / 1_000_000;
    }

    private static String shortName(String name) {
        int method = name.lastIndexOf('.');
        int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
        return type >= 0 ? name.substring(type + 1) : name;
    }
}
