package org.aupat.foundation.retry;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.retry.annotation.Retryable;

/**
 * Retries the method on transient failures only, with the backoff set under {@code aupat.retry.*}.
 * Call it through its Spring proxy (from another bean): a call from inside its own class is not retried.
 * Put it outside {@code @Transactional} work so that every attempt gets a fresh transaction.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Retryable(interceptor = RetryConfiguration.INTERCEPTOR)
public @interface RetryTransient {
}
