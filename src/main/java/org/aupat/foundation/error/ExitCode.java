package org.aupat.foundation.error;

/** The process exit codes AUPAT promises to users and to systemd (see README). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int PREFLIGHT = 3;
    public static final int ITEM_FAILURES = 4;
    public static final int LOCKED = 75;
    /** Stopped by SIGINT (Ctrl-C) at a safe point: 128 + 2. */
    public static final int INTERRUPTED = 130;
    /** Stopped by SIGTERM (systemd's stop) at a safe point: 128 + 15. */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }
}
