package org.aupat.scripts;

import java.util.List;
import org.aupat.archive.trash.TrashService;
import picocli.CommandLine.Option;

/** The options that choose files for trash and restore, declared once for both. */
final class FileSelectionOptions {
    @Option(names = "--sha", paramLabel = "HEX", description = "A file by its SHA-256 or a unique prefix (6+ digits); repeatable.")
    List<String> shas;

    @Option(names = "--name", paramLabel = "ORIGINAL", description = "A file by its original file name; repeatable.")
    List<String> names;

    @Option(names = "--location", paramLabel = "LOCATION", description = "Only files of this location; alone: all its files.")
    String location;

    @Option(names = "--import", paramLabel = "ID", description = "Only files of this import (its id or a unique prefix);"
            + " alone: all its files.")
    String importId;

    @Option(names = "--dry-run", description = "Print what would move; change nothing.")
    boolean dryRun;

    TrashService.Selection selection() {
        return new TrashService.Selection(shas, names, location, importId);
    }
}
