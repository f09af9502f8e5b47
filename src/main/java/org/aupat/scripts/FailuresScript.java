package org.aupat.scripts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.failure.FailureFilter;
import org.aupat.foundation.failure.FailureQuery;
import org.aupat.foundation.failure.FailureRecord;
import org.aupat.foundation.validation.PointInTime;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** failures: shows the failure log to a person as a table; changes nothing. */
@Component
@Command(name = "failures", description = "Show recorded failures (logs/failure.log) as a table. Read-only.")
public class FailuresScript extends AupatScript {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Option(names = "--since", paramLabel = "WHEN", description = "Only failures from then on: a date (2025-11-01),"
            + " a date and time (2025-11-01T14:30), a time ago (12h, 7d) or today/yesterday; in your time zone.")
    String since;

    @Option(names = "--for", paramLabel = "SCRIPT", description = "Only failures of this script, e.g. db_organize.")
    String script;

    @Option(names = "--severity", paramLabel = "LEVEL", description = "Only WARNING (skipped items), ERROR or CRITICAL.")
    String severity;

    private Instant from;
    private final FailureQuery query;
    private final Console console;

    public FailuresScript(ScriptRunner runner, FailureQuery query, Console console) {
        super(runner);
        this.query = query;
        this.console = console;
    }

    @Override
    protected void check() {
        from = since == null ? null : PointInTime.parse("--since", since, Clock.systemDefaultZone());
    }

    @Override
    protected int execute() {
        List<FailureRecord> found = query.find(new FailureFilter(script, severity, null, from));
        console.result(new Results.Failures(found));
        if (found.isEmpty()) {
            console.out("No failures recorded" + (script == null ? "" : " for " + script)
                    + (since == null ? "" : " since " + since) + ".");
            return ExitCode.OK;
        }
        String format = "%-19s  %-12s  %-8s  %-24s  %s";
        console.out(String.format(format, "TIME", "SCRIPT", "SEVERITY", "OPERATION", "ERROR"));
        for (FailureRecord r : found) {
            Object file = r.context() == null ? null : r.context().get("path");
            console.out(String.format(format, TIME.format(r.timestamp()), r.script(), r.severity(),
                    cut(r.operation(), 24), r.errorMessage() + (file == null ? "" : " [" + file + "]")));
        }
        console.out(found.size() + " failure(s). Full records: logs/failure.log (one JSON object per line).");
        return ExitCode.OK;
    }

    private static String cut(String text, int width) {
        return text == null ? "" : text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
