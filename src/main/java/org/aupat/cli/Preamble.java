package org.aupat.cli;

/**
 * What the common runner does for a script before the script's own work, declared once per script in
 * {@link ScriptCatalog}. In order: take the run lock, undo what a killed run left half done (the journal),
 * let the script refuse the run ({@link AupatScript#check()}: options, pre-flight), then back the database up.
 * A run that changes nothing (a dry run) gets none of it but the check.
 */
public enum Preamble {
    /** Reads only: no lock, no journal recovery, no backup. */
    READS(false, false),
    /** Writes files or rows but needs no backup first: lock and journal recovery. */
    WRITES(true, false),
    /** Writes the database: lock, journal recovery, and a verified backup (unless --skip-backup) after the check. */
    WRITES_AFTER_BACKUP(true, true);

    private final boolean locks;
    private final boolean backsUp;

    Preamble(boolean locks, boolean backsUp) {
        this.locks = locks;
        this.backsUp = backsUp;
    }

    /** Whether the run holds the single-run lock and first recovers the journal of a killed run. */
    public boolean locks() {
        return locks;
    }

    /** Whether the database is backed up before the script's work; such scripts take --skip-backup. */
    public boolean backsUp() {
        return backsUp;
    }
}
