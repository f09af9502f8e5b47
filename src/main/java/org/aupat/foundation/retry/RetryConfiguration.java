package org.aupat.foundation.retry;

import org.aopalliance.intercept.MethodInterceptor;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.interceptor.RetryInterceptorBuilder;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetrySynchronizationManager;
import org.springframework.retry.support.RetryTemplate;

/** The retry interceptor behind {@link RetryTransient}: transient failures only, logged with attempt and delay. */
@Configuration(proxyBeanMethods = false)
public class RetryConfiguration {
    /** Bean name of the interceptor. */
    public static final String INTERCEPTOR = "transientRetry";
    private static final Logger log = LoggerFactory.getLogger(RetryConfiguration.class);

    @Bean(INTERCEPTOR)
    public MethodInterceptor transientRetry(RetrySettings settings) {
        return interceptor(settings, RetryConfiguration::sleepLogged);
    }

    /** An interceptor for the given settings; the sleeper waits between attempts. */
    public static MethodInterceptor interceptor(RetrySettings settings, Sleeper sleeper) {
        SimpleRetryPolicy policy = new SimpleRetryPolicy(settings.maxAttempts()) {
            @Override
            public boolean canRetry(RetryContext context) {
                Throwable last = context.getLastThrowable();
                return (last == null || TransientErrors.isTransient(last)) && super.canRetry(context);
            }
        };
        ExponentialRandomBackOffPolicy backOff = new ExponentialRandomBackOffPolicy();
        backOff.setInitialInterval(Math.max(1, settings.initialDelay().toMillis()));
        backOff.setMultiplier(settings.multiplier());
        backOff.setMaxInterval(Math.max(1, settings.maxDelay().toMillis()));
        backOff.setSleeper(period -> {
            RetryContext context = RetrySynchronizationManager.getContext();
            log.warn("retry {} of {} in {} ms after: {}", context.getRetryCount(), settings.maxAttempts() - 1, period,
                    context.getLastThrowable().getMessage());
            sleeper.sleep(period);
        });
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(policy);
        template.setBackOffPolicy(backOff);
        template.registerListener(new GaveUp());
        return RetryInterceptorBuilder.stateless().retryOperations(template).build();
    }

    private static void sleepLogged(long period) throws InterruptedException {
        Thread.sleep(period);
    }

    /** Notes in the log files when retries ran out or the failure was not one to retry. */
    private static final class GaveUp implements RetryListener {
        @Override
        public <T, E extends Throwable> void close(RetryContext context, RetryCallback<T, E> callback, Throwable error) {
            if (error != null && context.getRetryCount() > 0) {
                log.info(LogMarkers.FILE_ONLY, "gave up after {} attempt(s): {}", context.getRetryCount(),
                        error.getMessage());
            }
        }
    }
}
