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
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    /** The script's one JSON document (--json), written by {@link #finish} with its name and exit code. */
    private Object result;
    private boolean jsonWritten;

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
        this.result = null;
        this.jsonWritten = false;
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

    /**
     * A result line for a person (a summary's totals, a listed path): on standard output, even with --quiet.
     * With --json, standard output carries the JSON document only, so the line goes to standard error instead
     * (and --quiet drops it).
     */
    public void out(String line) {
        if (json) {
            info(line);
            return;
        }
        out.println(line);
        out.flush();
    }

    /**
     * The script's result as one JSON document (with --json): a record whose fields the runner writes, after
     * {@code "script"} and {@code "exit"}, when the run ends. Does nothing without --json. The shapes are
     * documented in the README ("JSON output").
     */
    public void result(Object record) {
        result = record;
    }

    /**
     * Ends a run: with --json, writes its one document unless the script already wrote JSON lines and
     * succeeded. A failed run without a result still gets one, with the {@code error} message.
     */
    public void finish(String script, int exit, String error) {
        if (!json || (result == null && (jsonWritten || exit == 0))) {
            return;
        }
        out.println(document(script, exit, error, result));
        out.flush();
        jsonWritten = true;
    }

    /**
     * The one JSON document of a run: {@code script}, {@code exit}, {@code error} when it failed, then the
     * result's own fields. Also used before a console exists (an unknown script name).
     */
    public static String document(String script, int exit, String error, Object result) {
        ObjectNode document = JSON.createObjectNode();
        document.put("script", script);
        document.put("exit", exit);
        if (error != null) {
            document.put("error", error);
        }
        if (result != null) {
            document.setAll((ObjectNode) JSON.valueToTree(result));
        }
        return document.toString();
    }

    /**
     * One line of JSON on standard output, at once: for a listing, one line per item (JSON lines). A
     * script's summary goes through {@link #result(Object)} instead. The shapes are documented in the README.
     */
    public void json(Object result) {
        try {
            out.println(JSON.writeValueAsString(result));
            jsonWritten = true;
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
