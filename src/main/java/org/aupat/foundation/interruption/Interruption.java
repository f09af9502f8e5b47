package org.aupat.foundation.interruption;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.InterruptedRunError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM (systemd's stop) and SIGINT (Ctrl-C) stop a run at a safe point instead of at once. The
 * JVM's own handling would run the shutdown hooks, and Spring's would close the database under the
 * script still using it. Here a signal only raises a flag; the next database transaction to begin
 * ({@link #atSafePoint()}, called by the transaction manager) throws an {@link InterruptedRunError}
 * instead, so the last chunk stays committed and nothing new starts. The error travels up like any
 * other: the lock is released, exiftool and ffprobe end with the Spring context, exit 143 or 130.
 *
 * <p>A run that reaches no safe point within {@link #GRACE_SECONDS} (one long copy, a backup) or a
 * second signal stops at once, as after a crash: its children are ended and the next run undoes
 * whatever the journal shows unfinished.
 */
public final class Interruption {
    /** Long enough for a chunk to finish, well inside systemd's 90 s before it sends SIGKILL. */
    static final int GRACE_SECONDS = 20;
    private static final Logger log = LoggerFactory.getLogger(Interruption.class);
    private static final AtomicReference<String> REQUESTED = new AtomicReference<>();
    /** How the process stops at once: the JVM's halt; a test in process gives one that only records. */
    private static volatile IntConsumer halt = status -> Runtime.getRuntime().halt(status);
    private static volatile long graceMillis = TimeUnit.SECONDS.toMillis(GRACE_SECONDS);
    private static volatile Thread watchdog;

    private Interruption() {
    }

    /** Takes over SIGTERM and SIGINT for this process; called once, before the script starts. */
    public static void install(PrintStream err) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> requested(signal.getName(), err));
        }
    }

    /** Throws when a signal asked the run to stop; called where stopping leaves nothing half done. */
    public static void atSafePoint() {
        String signal = REQUESTED.get();
        if (signal != null) {
            throw new InterruptedRunError("interrupted by SIG" + signal + "; the work done so far is committed and"
                    + " nothing is half done. Run the same command again to resume.", exitCode(signal));
        }
    }

    /** 128 + the signal's number, as a shell reports a process a signal ended: 143 for TERM, 130 for INT. */
    static int exitCode(String signal) {
        return "INT".equals(signal) ? ExitCode.INTERRUPTED : ExitCode.TERMINATED;
    }

    static void requested(String signal, PrintStream err) {
        if (!REQUESTED.compareAndSet(null, signal)) {
            stopNow(signal, err, "a second signal");
            return;
        }
        log.warn(LogMarkers.FILE_ONLY, "SIG{} received: stopping at the next safe point", signal);
        long grace = graceMillis;
        Thread timer = new Thread(() -> {
            try {
                TimeUnit.MILLISECONDS.sleep(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            stopNow(signal, err, "no safe point within " + TimeUnit.MILLISECONDS.toSeconds(grace) + " s");
        }, "aupat-interruption");
        timer.setDaemon(true); // a run that ends normally meanwhile exits without waiting for it
        watchdog = timer;
        timer.start();
    }

    /**
     * For tests in process only: stop at once through {@code stop} instead of the JVM's halt, after
     * {@code grace} instead of {@link #GRACE_SECONDS}.
     */
    static void stoppingWith(IntConsumer stop, long grace, TimeUnit unit) {
        halt = stop;
        graceMillis = unit.toMillis(grace);
    }

    /** For tests in process only: forgets a signal, cancels its timer, and stops with the JVM's halt again. */
    static void reset() throws InterruptedException {
        Thread timer = watchdog;
        if (timer != null) {
            timer.interrupt();
            timer.join();
        }
        watchdog = null;
        REQUESTED.set(null);
        halt = status -> Runtime.getRuntime().halt(status);
        graceMillis = TimeUnit.SECONDS.toMillis(GRACE_SECONDS);
    }

    /** As after a crash: the file-operation journal makes the next run undo what was unfinished. */
    private static void stopNow(String signal, PrintStream err, String why) {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
        err.println("interrupted by SIG" + signal + " (" + why + "); the next run first undoes what was left"
                + " unfinished. Run the same command again to resume.");
        err.flush();
        log.warn(LogMarkers.FILE_ONLY, "SIG{}: stopped at once ({})", signal, why);
        halt.accept(exitCode(signal));
    }
}
