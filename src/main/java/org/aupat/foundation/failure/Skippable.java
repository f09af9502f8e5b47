package org.aupat.foundation.failure;

import java.util.Objects;

/**
 * What a method that works on one item returns when it may skip that item: the item's result, or
 * "skipped" after a recoverable failure that the failure log has recorded and counted. A
 * {@link LogFailures} method says that it skips recoverable failures by returning this type; the
 * failure-log aspect then turns such a failure into {@link #skipped()} and the run goes on.
 *
 * @param <T> the item's result
 */
public final class Skippable<T> {
    private static final Skippable<?> SKIPPED = new Skippable<>(null);
    private final T value;

    private Skippable(T value) {
        this.value = value;
    }

    /** The item was done; {@code value} is its result. */
    public static <T> Skippable<T> done(T value) {
        return new Skippable<>(Objects.requireNonNull(value, "a done item has a result"));
    }

    /** The item was skipped; its failure is in the failure log. */
    @SuppressWarnings("unchecked")
    public static <T> Skippable<T> skipped() {
        return (Skippable<T>) SKIPPED;
    }

    public boolean isSkipped() {
        return this == SKIPPED;
    }

    /** The item's result; only for an item that was not skipped. */
    public T value() {
        if (isSkipped()) {
            throw new IllegalStateException("a skipped item has no result");
        }
        return value;
    }
}
