package org.aupat.foundation.console;

import java.io.PrintStream;
import org.springframework.stereotype.Component;

/**
 * What a person sees: results on standard output (so they can be piped), messages and errors on
 * standard error. Honours --quiet and --verbose; colour only when standard error is a terminal.
 */
@Component
public class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private boolean quiet;
    private boolean verbose;

    public Console() {
        this(System.out, System.err, System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public void configure(boolean quiet, boolean verbose) {
        this.quiet = quiet;
        this.verbose = verbose && !quiet;
    }

    /** A result line: always printed, to standard output. */
    public void out(String line) {
        out.println(line);
        out.flush();
    }

    /** A progress or summary message; suppressed by --quiet. */
    public void info(String line) {
        if (!quiet) {
            err.println(line);
        }
    }

    /** A detail shown only with --verbose. */
    public void detail(String line) {
        if (verbose) {
            err.println(line);
        }
    }

    /** A warning; shown even with --quiet. */
    public void warn(String line) {
        err.println(terminal ? "\u001b[33m" + line + "\u001b[0m" : line);
    }

    /** An error message; shown even with --quiet. */
    public void error(String line) {
        err.println(terminal ? "\u001b[31m" + line + "\u001b[0m" : line);
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean isQuiet() {
        return quiet;
    }

    public boolean isVerbose() {
        return verbose;
    }

    /** The stream a live progress bar may redraw on. */
    public PrintStream progressStream() {
        return err;
    }
}
