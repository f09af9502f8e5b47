package org.aupat.cli;

import static org.aupat.cli.Preamble.READS;
import static org.aupat.cli.Preamble.WRITES;
import static org.aupat.cli.Preamble.WRITES_AFTER_BACKUP;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one list of scripts AUPAT can run, each with a one-line description and its {@link Preamble}: whether
 * the runner locks, recovers the journal and backs the database up before the script's work.
 */
public enum ScriptCatalog {
    DB_MIGRATE("db_migrate", "Create or upgrade the database schema (backs up first).", WRITES_AFTER_BACKUP),
    DB_IMPORT("db_import", "Register a location and stage its photos, videos, documents and URLs.", WRITES_AFTER_BACKUP),
    DB_ORGANIZE("db_organize", "Read camera metadata and sort staged media by hardware.", WRITES_AFTER_BACKUP),
    DB_FOLDER("db_folder", "Create the archive folders for each location.", WRITES_AFTER_BACKUP),
    DB_INGEST("db_ingest", "Copy organised files from staging into the archive.", WRITES_AFTER_BACKUP),
    DB_VERIFY("db_verify", "Re-hash archived files, then remove their verified staging copies.", WRITES_AFTER_BACKUP),
    DB_IDENTIFY("db_identify", "Write the master JSON record of each changed location.", WRITES),
    DB_CLEANUP("db_cleanup", "Check integrity, report orphans, prune old backups, vacuum.", WRITES),
    // A backup is this script's work, not its preamble.
    BACKUP("backup", "Make a verified backup of the database.", WRITES),
    GEN_UUID("gen_uuid", "Print a new UUID v4 whose 12-character prefix is unused.", READS),
    GEN_SHA("gen_sha", "Print the SHA-256 of each given file.", READS),
    NAME("name", "Print the standard archive name for a file or master JSON.", READS),
    FOLDER("folder", "Create the archive folder template of one location.", WRITES),
    // One backup at the start covers every step.
    PIPELINE("pipeline", "Import a folder and run every step: migrate, import, organize, folder, ingest, verify, identify.",
            WRITES_AFTER_BACKUP),
    FAILURES("failures", "Show the failure log as a table (read-only).", READS),
    RENAME("rename", "Rename a location or sub-location; --move-folder moves its folder with its files.",
            WRITES_AFTER_BACKUP),
    MOVE("move", "Move archived files (and the files linked to them) to another location or sub-location.",
            WRITES_AFTER_BACKUP),
    MERGE("merge", "Merge a location into another that is the same place; the first is removed.", WRITES_AFTER_BACKUP),
    // Its backup is its work, made last: the one it sends knows every copy the replica holds.
    REPLICATE("replicate", "Copy verified files, master JSONs and the newest backup to each replica.", WRITES),
    // No backup first: it starts from an empty home, whose database it makes.
    RECOVER("recover", "Rebuild an empty home (database and archive) from a replica, verifying every byte.", WRITES),
    TRASH("trash", "Move files, or a location's files, out of the archive into the trash.", WRITES_AFTER_BACKUP),
    RESTORE("restore", "Put trashed files back where they were, checked by SHA-256.", WRITES_AFTER_BACKUP),
    // Writes only derived files beside the archive; the lock keeps two runs from writing them at once.
    CATALOGUE("catalogue", "Write the offline HTML catalogue (pages, thumbnails, map) beside the archive.", WRITES),
    LOCATIONS("locations", "List every location with its counts, dates, size and folder (read-only).", READS),
    SHOW("show", "Show one location in full (read-only).", READS),
    FIND("find", "Find files by original name, folder, SHA-256, camera, date or location (read-only).", READS),
    // New scripts go above this line, each ending with a comma.
    ;

    private final String scriptName;
    private final String description;
    private final Preamble preamble;

    ScriptCatalog(String scriptName, String description, Preamble preamble) {
        this.scriptName = scriptName;
        this.description = description;
        this.preamble = preamble;
    }

    /** The name given with {@code --script=}. */
    public String scriptName() {
        return scriptName;
    }

    public String description() {
        return description;
    }

    /** What the runner does before the script's own work: lock, journal recovery, backup. */
    public Preamble preamble() {
        return preamble;
    }

    public static Optional<ScriptCatalog> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.scriptName.equals(name)).findFirst();
    }

    /** Every script name, in catalog order. */
    public static java.util.List<String> names() {
        return Arrays.stream(values()).map(ScriptCatalog::scriptName).toList();
    }

    /** The catalog as a person reads it in usage text. */
    public static String listing() {
        StringBuilder out = new StringBuilder("Scripts:\n");
        for (ScriptCatalog s : values()) {
            out.append(String.format("  %-12s %s%n", s.scriptName, s.description));
        }
        return out.toString();
    }
}
