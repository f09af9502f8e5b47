package org.aupat.cli;

import java.util.Arrays;
import java.util.Optional;

/** The one list of scripts AUPAT can run, each with a one-line description and whether it writes. */
public enum ScriptCatalog {
    DB_MIGRATE("db_migrate", "Create or upgrade the database schema (backs up first).", true),
    DB_IMPORT("db_import", "Register a location and stage its photos, videos, documents and URLs.", true),
    DB_ORGANIZE("db_organize", "Read camera metadata and sort staged media by hardware.", true),
    DB_FOLDER("db_folder", "Create the archive folders for each location.", true),
    DB_INGEST("db_ingest", "Copy organised files from staging into the archive.", true),
    DB_VERIFY("db_verify", "Re-hash archived files, then remove their verified staging copies.", true),
    DB_IDENTIFY("db_identify", "Write the master JSON record of each changed location.", true),
    DB_CLEANUP("db_cleanup", "Check integrity, report orphans, prune old backups, vacuum.", true),
    BACKUP("backup", "Make a verified backup of the database.", true),
    GEN_UUID("gen_uuid", "Print a new UUID v4 whose 12-character prefix is unused.", false),
    GEN_SHA("gen_sha", "Print the SHA-256 of each given file.", false),
    NAME("name", "Print the standard archive name for a file or master JSON.", false),
    FOLDER("folder", "Create the archive folder template of one location.", true),
    PIPELINE("pipeline", "Import a folder and run every step: migrate, import, organize, folder, ingest, verify, identify.",
            true),
    FAILURES("failures", "Show the failure log as a table (read-only).", false);

    private final String scriptName;
    private final String description;
    private final boolean writes;

    ScriptCatalog(String scriptName, String description, boolean writes) {
        this.scriptName = scriptName;
        this.description = description;
        this.writes = writes;
    }

    /** The name given with {@code --script=}. */
    public String scriptName() {
        return scriptName;
    }

    public String description() {
        return description;
    }

    /** Whether the script changes the database or the archive, and so must hold the run lock. */
    public boolean writes() {
        return writes;
    }

    public static Optional<ScriptCatalog> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.scriptName.equals(name)).findFirst();
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
