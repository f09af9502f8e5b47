package org.aupat.foundation.retry;

import java.time.Duration;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Backoff for transient failures ({@code aupat.retry.*}): attempts in all, first delay, growth factor and
 * the longest delay. Each delay is drawn at random between the nominal one and nominal x multiplier (jitter).
 */
@ConfigurationProperties("aupat.retry")
public record RetrySettings(@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialDelay,
        @DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxDelay) {

    public RetrySettings {
        if (maxAttempts < 1) {
            throw new ConfigurationError("aupat.retry.max-attempts must be at least 1 (1 = no retry); it is "
                    + maxAttempts + ".");
        }
        if (multiplier < 1.0) {
            throw new ConfigurationError("aupat.retry.multiplier must be at least 1.0; it is " + multiplier + ".");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new ConfigurationError("aupat.retry.initial-delay must be >= 0 and aupat.retry.max-delay at least"
                    + " as long; they are " + initialDelay + " and " + maxDelay + ".");
        }
    }
}
