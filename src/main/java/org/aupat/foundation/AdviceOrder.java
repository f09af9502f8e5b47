package org.aupat.foundation;

import org.springframework.core.Ordered;

/**
 * The one place that orders the advice around business methods, outermost first:
 * failure logging, checkpoint, retry, transaction, then the method itself.
 * Retry wraps the transaction so that every attempt gets a fresh transaction,
 * and failure logging sees only the final outcome.
 */
public final class AdviceOrder {
    public static final int FAILURE_LOG = Ordered.HIGHEST_PRECEDENCE + 100;
    public static final int CHECKPOINT = Ordered.HIGHEST_PRECEDENCE + 200;
    public static final int RETRY = Ordered.HIGHEST_PRECEDENCE + 300;
    public static final int TRANSACTION = Ordered.HIGHEST_PRECEDENCE + 400;
    /** Translation of SQLite errors sits innermost, right around repository methods. */
    public static final int SQL_TRANSLATION = Ordered.HIGHEST_PRECEDENCE + 500;

    private AdviceOrder() {
    }
}
