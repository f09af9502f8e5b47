package org.aupat.scripts;

import org.aupat.archive.layout.ArchiveLayout;
import org.aupat.archive.location.LocationService;
import org.aupat.archive.media.MediaType;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.ValidationError;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** name: prints the standard file name of a media file, or the master JSON name of a location. */
@Component
@Command(name = "name", description = "Print the standard file name (name.json) of a media file, or with --master"
        + " the master JSON name of a location. Changes nothing.")
public class NameScript extends AupatScript {
    private final ArchiveLayout layout;
    private final Console console;
    private final LocationService locations;

    @Option(names = "--type", paramLabel = "img|vid|doc", description = "Media type: img, vid or doc.")
    String type;

    @Option(names = "--location", paramLabel = "LOCATION", description = "The location: its loc_uuid (UUID v4), or"
            + " with an archive its 12-digit prefix or name.")
    String location;

    @Option(names = "--sub-location", paramLabel = "UUID", description = "The sub-location's sub_uuid, if any.")
    String subLocation;

    @Option(names = "--sha", paramLabel = "HEX", description = "The file's SHA-256 (64 hex characters).")
    String sha;

    @Option(names = "--ext", paramLabel = "EXT", description = "The file's extension without dot (jpg, mp4, pdf).")
    String ext;

    @Option(names = "--master", description = "Print the master JSON name of --location instead.")
    boolean master;

    public NameScript(ScriptRunner runner, ArchiveLayout layout, Console console, LocationService locations) {
        super(runner);
        this.layout = layout;
        this.console = console;
        this.locations = locations;
    }

    @Override
    protected int execute() {
        if (location == null) {
            throw new ValidationError("--location", null, "is required: give the location's UUID");
        }
        location = locations.uuidOf("--location", location);
        if (master) {
            return print(layout.masterJsonName(location));
        }
        MediaType mediaType = MediaType.fromPrefix(type);
        if (mediaType == null) {
            throw new ValidationError("--type", type, "must be img, vid or doc");
        }
        return print(layout.fileName(mediaType, location, subLocation, sha, ext));
    }

    private int print(String name) {
        console.out(name);
        console.result(new Results.Name(name));
        return ExitCode.OK;
    }
}
