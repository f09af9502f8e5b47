package org.aupat.foundation.logging;

import java.util.UUID;
import org.slf4j.MDC;

/**
 * Context carried through every log line of a run via the MDC: script, run id, and the location and
 * file being worked on. The combined {@code ctx} key is what the log pattern prints.
 */
public final class RunContext {
    public static final String SCRIPT = "script";
    public static final String RUN = "run";
    public static final String LOCATION = "location";
    public static final String FILE = "file";
    static final String COMBINED = "ctx";

    private RunContext() {
    }

    /** Starts a run of the named script with a fresh 8-character run id. */
    public static String start(String script) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MDC.clear();
        MDC.put(SCRIPT, script);
        MDC.put(RUN, run);
        refresh();
        return run;
    }

    public static String script() {
        return MDC.get(SCRIPT);
    }

    public static String runId() {
        return MDC.get(RUN);
    }

    /** Sets (or with null clears) the location the run is working on. */
    public static void location(String locationUuid) {
        put(LOCATION, locationUuid);
    }

    /** Sets (or with null clears) the file the run is working on. */
    public static void file(String file) {
        put(FILE, file);
    }

    public static void clear() {
        MDC.clear();
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        refresh();
    }

    private static void refresh() {
        StringBuilder ctx = new StringBuilder();
        append(ctx, "", MDC.get(SCRIPT));
        append(ctx, "run=", MDC.get(RUN));
        append(ctx, "loc=", MDC.get(LOCATION));
        append(ctx, "file=", MDC.get(FILE));
        MDC.put(COMBINED, ctx.toString());
    }

    private static void append(StringBuilder ctx, String label, String value) {
        if (value != null) {
            if (!ctx.isEmpty()) {
                ctx.append(' ');
            }
            ctx.append(label).append(value);
        }
    }
}
