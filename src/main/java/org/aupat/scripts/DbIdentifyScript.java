package org.aupat.scripts;

import org.aupat.archive.identify.IdentifyService;
import org.aupat.archive.location.LocationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_identify: writes the master JSON of every location that changed since its last export. */
@Component
@Command(name = "db_identify", description = {"Write <location folder>/documents/<uuid12>_master.json for every"
        + " location changed since its last export (atomically: a temporary file, then a rename).",
        "One failing location does not stop the others; the run then exits 1."})
public class DbIdentifyScript extends AupatScript {
    @Option(names = "--location", paramLabel = "LOCATION", description = "Only this location (its UUID, 12-digit"
            + " prefix or name), changed or not.")
    String location;

    @Option(names = "--all", description = "Every location, changed or not.")
    boolean all;

    private final IdentifyService service;
    private final Console console;
    private final LocationService locations;

    public DbIdentifyScript(ScriptRunner runner, IdentifyService service, Console console, LocationService locations) {
        super(runner);
        this.service = service;
        this.console = console;
        this.locations = locations;
    }

    @Override
    protected void check() {
        if (location != null) {
            location = locations.byReference("--location", location).uuid();
        }
    }

    @Override
    protected int execute() {
        IdentifyService.Result result = service.identify(location, all);
        result.written().forEach(path -> console.out("wrote " + path));
        result.failed().forEach((uuid, why) -> console.error("  FAILED location " + uuid + ": " + why));
        console.result(Results.Identify.of(result));
        console.out("Wrote " + result.written().size() + " master JSON file(s); " + result.failed().size()
                + " location(s) failed" + (result.failed().isEmpty() ? "." : " (see logs/error.log)."));
        return result.failed().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
