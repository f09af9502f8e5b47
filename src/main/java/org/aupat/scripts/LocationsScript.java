package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.finding.FindingService;
import org.aupat.archive.finding.LocationSummary;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** locations: every location with its counts, capture dates, size and folder; changes nothing. */
@Component
@Command(name = "locations", description = {"List every location: state and type, sub-locations, photos, videos,"
        + " documents and URLs, first and last capture date, size, last import and folder. Read-only.",
        "With --json: one document {\"locations\": [...]}."})
public class LocationsScript extends AupatScript {
    @Option(names = "--name", paramLabel = "TEXT", description = "Only names (or aka) containing this, accents and case aside.")
    String name;

    @Option(names = "--state", paramLabel = "STATE", description = "Only this state (code or name).")
    String state;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only this location type.")
    String type;

    @Option(names = "--sort", paramLabel = "name|last-import", description = "Order: by name (default), or most"
            + " recent import first.")
    String sort;

    private final FindingService finding;
    private final Console console;
    private FindingService.Order order;

    public LocationsScript(ScriptRunner runner, FindingService finding, Console console) {
        super(runner);
        this.finding = finding;
        this.console = console;
    }

    @Override
    protected void check() {
        order = FindingService.Order.of(sort);
        finding.requireArchive();
    }

    @Override
    protected int execute() {
        List<LocationSummary> found = finding.locations(name, state, type, order);
        console.result(new Results.Locations(found));
        if (found.isEmpty()) {
            console.info(name == null && state == null && type == null ? "No locations yet."
                    : "No location matches.");
            return ExitCode.OK;
        }
        int width = Math.min(40, Math.max(4, found.stream().mapToInt(l -> l.name().length()).max().orElse(4)));
        String format = "%-12s  %-" + width + "s  %-20s %4s %7s %6s %5s %4s  %-23s  %-10s  %9s  %s";
        console.out(String.format(format, "UUID12", "NAME", "STATE-TYPE", "SUBS", "PHOTOS", "VIDEOS", "DOCS", "URLS",
                "CAPTURED", "IMPORTED", "SIZE", "FOLDER"));
        for (LocationSummary l : found) {
            console.out(String.format(format, l.uuid12(), cut(l.name(), width), cut(l.state() + "-" + l.type(), 20),
                    l.subLocations(), l.photos(), l.videos(), l.documents(), l.urls(), span(l), day(l.lastImport()),
                    Console.size(l.bytes()) + (l.unsized() > 0 ? "+" : ""),
                    l.folder() == null ? "(no folder yet)" : l.folder()));
        }
        console.info(found.size() + " location(s)." + (found.stream().anyMatch(l -> l.unsized() > 0)
                ? " A size with + leaves out files imported before sizes were recorded." : ""));
        return ExitCode.OK;
    }

    private static String span(LocationSummary l) {
        return l.firstCapture() == null ? "-" : day(l.firstCapture()) + ".." + day(l.lastCapture());
    }

    static String day(String time) {
        return time == null ? "-" : time.substring(0, Math.min(10, time.length()));
    }

    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
