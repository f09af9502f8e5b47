package org.aupat.scripts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.finding.FileQuery;
import org.aupat.archive.finding.FindingService;
import org.aupat.archive.finding.FoundFile;
import org.aupat.archive.location.LocationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** find: files by original name, folder, SHA-256, camera, date or place, one line each; changes nothing. */
@Component
@Command(name = "find", description = {"Find files: one line per file with its archive path and where it came from,"
        + " duplicates an import saw included (with the archived file holding their bytes). Every criterion given"
        + " must hold. Read-only.", "With --json: one JSON object per line; with --print0: the paths only, each"
        + " ended by a NUL byte (for xargs -0)."})
public class FindScript extends AupatScript {
    @Option(names = "--name", paramLabel = "GLOB", description = "Original file name, * ? [..] allowed, case aside"
            + " (quote it: --name='IMG_10*.JPG').")
    String name;

    @Option(names = "--folder", paramLabel = "DIR", description = "Original folder: this one and those below it,"
            + " or a glob.")
    String folder;

    @Option(names = "--sha", paramLabel = "HEX", description = "SHA-256, or its first digits (as in archive names).")
    String sha;

    @Option(names = "--make", paramLabel = "TEXT", description = "Camera make containing this, case aside.")
    String make;

    @Option(names = "--model", paramLabel = "TEXT", description = "Camera model containing this, case aside.")
    String model;

    @Option(names = "--hardware", paramLabel = "CATEGORY", description = "dslr, point_shoot, phone, drone, gopro,"
            + " action_camera, dash_cam, film, 360_camera, webcam, security_camera, other, or a folder's flag: camera,"
            + " go_pro.")
    String hardware;

    @Option(names = "--type", paramLabel = "photo|video|document", split = ",", description = "Only these media"
            + " types (repeatable, or comma-separated).")
    List<String> types = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Captured on or after this day (camera clock).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Captured on or before this day (camera clock).")
    LocalDate to;

    @Option(names = "--location", paramLabel = "LOCATION", description = "Only this location: UUID, 12-digit prefix"
            + " or name.")
    String location;

    @Option(names = "--sub-location", paramLabel = "SUB", description = "Only this sub-location: UUID, prefix or name.")
    String subLocation;

    @Option(names = "--import", paramLabel = "ID", description = "Only files this import brought (and duplicates it"
            + " saw): its id or a unique prefix of 4 or more.")
    String importRef;

    @Option(names = "--damaged", description = "Only files exiftool or ffprobe reported damaged.")
    boolean damaged;

    @Option(names = "--not-verified", description = "Only files db_verify has not verified yet.")
    boolean notVerified;

    @Option(names = "--print0", description = "Print only the paths, each followed by a NUL byte (xargs -0).")
    boolean print0;

    private final FindingService finding;
    private final LocationService locations;
    private final Console console;
    private FileQuery query;

    public FindScript(ScriptRunner runner, FindingService finding, LocationService locations, Console console) {
        super(runner);
        this.finding = finding;
        this.locations = locations;
        this.console = console;
    }

    @Override
    protected void check() {
        finding.requireArchive();
        String uuid = location == null ? null : locations.byReference("--location", location).uuid();
        query = finding.query(new FindingService.Criteria(name, folder, sha, make, model, hardware, types, from, to,
                uuid, subLocation, importRef, damaged, notVerified));
    }

    @Override
    protected int execute() {
        long[] counts = new long[2];
        String[] lastPath = {null};
        finding.find(query, f -> {
            counts[0]++;
            if (f.duplicate() != null) {
                counts[1]++;
            }
            if (print0) {
                // Paths come in order, and a duplicate follows the file holding its bytes: print each once.
                if (f.path() != null && !f.path().equals(lastPath[0])) {
                    console.outNul(f.path());
                }
                lastPath[0] = f.path();
            } else if (console.isJson()) {
                console.json(f);
            } else {
                console.out(line(f));
            }
        });
        console.info(counts[0] + " file(s) found" + (counts[1] == 0 ? "." : ", " + counts[1]
                + " of them duplicates an import saw (their bytes are in the file named first)."));
        return ExitCode.OK;
    }

    /** One file for a person: the path holding its bytes, then where it came from. */
    static String line(FoundFile f) {
        String from = f.originalFolder() + "/" + f.originalName();
        if (f.duplicate() != null) {
            FoundFile.Duplicate d = f.duplicate();
            return (f.path() == null ? "(no file holds these bytes any more)" : f.path()) + "  <- duplicate " + from
                    + " (" + f.locationName() + ", seen " + LocationsScript.day(d.seen()) + ")"
                    + (d.heldAsName() == null ? "" : "; archived from " + d.heldAsFolder() + "/" + d.heldAsName());
        }
        String state = "VERIFIED".equals(f.state()) ? "" : " [" + f.state().toLowerCase(java.util.Locale.ROOT) + "]";
        return f.path() + "  <- " + from + state;
    }
}
