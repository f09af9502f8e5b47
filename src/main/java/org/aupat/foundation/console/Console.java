package org.aupat.foundation.console;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
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
    private boolean json;

    /** Results for scripts: records as objects, paths as plain strings, times as ISO-8601 text. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(Path.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public Console() {
        this(System.out, System.err, System.console() != null && System.getenv("NO_COLOR") == null);
    }

    public Console(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public void configure(boolean quiet, boolean verbose) {
        configure(quiet, verbose, false);
    }

    /** With {@code json}, standard output carries only JSON (see {@link #json(Object)}); messages stay on standard error. */
    public void configure(boolean quiet, boolean verbose, boolean json) {
        this.quiet = quiet;
        this.verbose = verbose && !quiet;
        this.json = json;
        consoleLogThreshold(quiet ? Level.ERROR : this.verbose ? Level.INFO : Level.WARN);
    }

    /**
     * Log lines on the console: the services' step-by-step INFO lines only with --verbose (they are
     * always in main.log); a script's own summary goes through this class and is not affected.
     */
    static void consoleLogThreshold(Level level) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Appender<ILoggingEvent> console = context.getLogger("org.aupat").getAppender("CONSOLE");
        if (console == null) {
            return;
        }
        console.getCopyOfAttachedFiltersList().stream().filter(f -> f instanceof ThresholdFilter)
                .forEach(f -> ((ThresholdFilter) f).setLevel(level.toString()));
    }

    /** A result line: always printed, to standard output. */
    public void out(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * A result as one line of JSON on standard output: one document for a script's summary, or one line
     * per item (JSON lines) for a listing. The shapes are documented in the README.
     */
    public void json(Object result) {
        try {
            out.println(JSON.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /** Whether --json was given: results then go out through {@link #json(Object)} only. */
    public boolean isJson() {
        return json;
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

    /** A byte count as a person reads it in a summary line: KB below a megabyte, MB above. */
    public static String size(long bytes) {
        return bytes < 1 << 20 ? String.format("%.1f KB", bytes / 1024.0) : String.format("%.1f MB", bytes / 1048576.0);
    }

    /** A result for {@code xargs -0}: the text followed by a NUL byte instead of a newline (find --print0). */
    public void outNul(String item) {
        out.print(item);
        out.print('\0');
        out.flush();
    }
}
