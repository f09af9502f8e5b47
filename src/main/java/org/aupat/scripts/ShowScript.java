package org.aupat.scripts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.finding.FindingService;
import org.aupat.archive.finding.FoundFile;
import org.aupat.archive.finding.LocationDetail;
import org.aupat.archive.finding.LocationSummary;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.replication.CopyCounts;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** show: one location in full; changes nothing. */
@Component
@Command(name = "show", description = {"Show one location in full: names, sub-locations, URLs, files per hardware"
        + " category, year and state, damaged and unverified files, its folder and master JSON. Read-only.",
        "With --json: one document (see the README)."})
public class ShowScript extends AupatScript {
    @Option(names = "--location", required = true, paramLabel = "LOCATION", description = "The location: its UUID,"
            + " 12-digit prefix or name.")
    String location;

    private final FindingService finding;
    private final LocationService locations;
    private final Console console;
    private String uuid;

    public ShowScript(ScriptRunner runner, FindingService finding, LocationService locations, Console console) {
        super(runner);
        this.finding = finding;
        this.locations = locations;
        this.console = console;
    }

    @Override
    protected void check() {
        finding.requireArchive();
        uuid = locations.byReference("--location", location).uuid();
    }

    @Override
    protected int execute() {
        LocationDetail d = finding.show(uuid);
        console.result(d);
        LocationSummary l = d.location();
        console.out(l.name() + (l.aka() == null ? "" : " (aka " + l.aka() + ")"));
        field("uuid", l.uuid() + "  (" + l.uuid12() + " in names)");
        field("state, type", l.state() + ", " + l.type() + (l.subType() == null ? "" : " / " + l.subType()));
        field("registered", d.registered() + (d.author() == null ? "" : " by " + d.author()) + ", from " + d.source());
        field("folder", l.folder() == null ? "(none yet: db_folder makes it)" : l.folder());
        field("master JSON", d.masterJson() == null ? "(none yet)" : d.masterJson()
                + (d.masterJsonExists() ? "" : " (not written yet: db_identify writes it)"));
        field("files", l.photos() + " photo(s), " + l.videos() + " video(s), " + l.documents() + " document(s), "
                + l.urls() + " URL(s); " + Console.size(l.bytes()) + (l.unsized() > 0 ? " and " + l.unsized()
                + " file(s) of unrecorded size" : ""));
        field("captured", l.firstCapture() == null ? "-" : l.firstCapture() + " .. " + l.lastCapture());
        field("last import", l.lastImport());
        d.subLocations().forEach(s -> field("sub-location", s.uuid12() + "  " + s.name()));
        d.urls().forEach(u -> field("url", u.url()));
        d.imports().forEach(i -> field("import", i.id() + "  " + LocationsScript.day(i.started()) + " from " + i.source()
                + (i.author() == null ? "" : " by " + i.author()) + ": " + i.imported() + " imported, " + i.duplicates()
                + " duplicate(s), " + i.ignored() + " ignored, " + i.failed() + " failed"
                + (i.isFinished() ? "" : " (unfinished)")));
        field("hardware", counts(d.hardware(), "not organized yet"));
        field("years", counts(d.years(), "no capture time"));
        field("states", counts(d.states(), "?"));
        field("duplicates seen", d.duplicatesSeen() + (d.duplicatesSeen() == 0 ? ""
                : "  (--script=find --location=" + l.uuid12() + " lists them with the files)"));
        files("damaged", d.damaged());
        files("not verified", d.notVerified());
        CopyCounts.Report copies = d.copies();
        field("copies", copies.places().stream().map(p -> p.name() + " " + p.files()).collect(
                java.util.stream.Collectors.joining(", ")) + " verified of " + copies.files() + " archived; "
                + (copies.fewer() == 0 ? "each has " + copies.minCopies() + " or more (aupat.min-copies)"
                : copies.fewer() + " with fewer than " + copies.minCopies() + " (aupat.min-copies): --script=replicate"));
        copies.listed().forEach(f -> console.out("    " + f.path() + "  " + f.copies() + " cop" + (f.copies() == 1 ? "y"
                : "ies") + (f.places().isEmpty() ? "" : " (" + String.join(", ", f.places()) + ")")));
        return ExitCode.OK;
    }

    private void field(String label, String value) {
        console.out(String.format("  %-16s %s", label, value));
    }

    private void files(String label, List<FoundFile> files) {
        if (files.isEmpty()) {
            field(label, "none");
            return;
        }
        field(label, files.size() == FindingService.LISTED ? "the first " + files.size() : String.valueOf(files.size()));
        files.forEach(f -> console.out("    " + FindScript.line(f)));
    }

    /** "photos: dslr 3, phone 1; videos: drone 1" from per-type counts. */
    private static String counts(List<LocationDetail.Count> counts, String nullValue) {
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (LocationDetail.Count c : counts) {
            byType.computeIfAbsent(c.type(), t -> new ArrayList<>())
                    .add((c.value() == null ? nullValue : c.value()) + " " + c.files());
        }
        List<String> parts = new ArrayList<>();
        byType.forEach((type, values) -> parts.add(plural(type) + ": " + String.join(", ", values)));
        return parts.isEmpty() ? "-" : String.join("; ", parts);
    }

    private static String plural(String type) {
        return switch (type) {
            case "img" -> "photos";
            case "vid" -> "videos";
            default -> "documents";
        };
    }
}
