package org.aupat.foundation.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.logging.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Writes failure records as JSON lines to the {@code aupat.failure} logger (logs/failure.log, rotated by
 * logback) and counts the items skipped in this run, which turn a successful exit into exit code 4.
 */
@Component
public class FailureLog {
    static final String LOGGER = "aupat.failure";
    private static final Logger failures = LoggerFactory.getLogger(LOGGER);
    private static final Logger log = LoggerFactory.getLogger(FailureLog.class);
    private final AtomicInteger skipped = new AtomicInteger();
    private final Set<Throwable> written = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    /** Whether an item that failed with this error may be skipped while the run goes on. */
    public static boolean skippable(Throwable error) {
        return error instanceof AupatError a && a.recoverable() && !(error instanceof DatabaseError);
    }

    /**
     * Writes one record for the error unless it was already written (an error passing several annotated
     * methods is logged once, where it was first seen). With {@code skipped}, counts the item as skipped.
     */
    public void record(Throwable error, String function, String operation, boolean skipped) {
        if (!written.add(error)) {
            return;
        }
        if (skipped) {
            this.skipped.incrementAndGet();
        }
        FailureRecord failure = describe(error, function, operation, skipped);
        failures.error(json(failure));
        if (skipped) {
            log.warn("skipped: {} ({})", failure.errorMessage(), operation);
        }
    }

    /** Items skipped since the start of this run (or the last reset). */
    public int skippedCount() {
        return skipped.get();
    }

    public void reset() {
        skipped.set(0);
        written.clear();
    }

    static FailureRecord describe(Throwable error, String function, String operation, boolean skipped) {
        Map<String, Object> context = new LinkedHashMap<>();
        putIfPresent(context, "run", RunContext.runId());
        putIfPresent(context, "location", MDC.get(RunContext.LOCATION));
        putIfPresent(context, "file", MDC.get(RunContext.FILE));
        boolean expected = error instanceof AupatError;
        if (error instanceof AupatError a) {
            context.putAll(a.context());
        }
        boolean recoverable = expected && ((AupatError) error).recoverable();
        String severity = skipped ? FailureRecord.WARNING : expected ? FailureRecord.ERROR : FailureRecord.CRITICAL;
        String recovery = skipped ? "skipped this item; the run went on"
                : "rolled back the open transaction and stopped the run";
        String script = RunContext.script();
        return new FailureRecord(Instant.now(), script == null ? "unnamed" : script, function, operation, severity,
                recoverable, error.getClass().getSimpleName(), String.valueOf(error.getMessage()), traceback(error),
                context, recovery, !(recoverable && !skipped));
    }

    private static void putIfPresent(Map<String, Object> context, String key, String value) {
        if (value != null) {
            context.put(key, value);
        }
    }

    private static String traceback(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    private static String json(FailureRecord failure) {
        try {
            return mapper().writeValueAsString(failure);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a failure record always serialises", e);
        }
    }
}
