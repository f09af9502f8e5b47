package org.aupat.archive.maintenance;

import java.util.ArrayList;
import java.util.List;

/** What db_cleanup found and did, as a person reads it: repairs first, then what needs a person. */
public class CleanupReport {
    static final int SHOWN_PER_SECTION = 50;
    private final List<String> repairs = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** A repair made with --fix (or, without it, one that --fix would make). */
    void repair(String line) {
        repairs.add(line);
    }

    /** Something only a person can settle; makes the run exit 4. */
    void problem(String line) {
        problems.add(line);
    }

    /** A file cleanup removed because it is its to remove (temp files, surplus backups). */
    void removed(String line) {
        removed.add(line);
    }

    void note(String line) {
        notes.add(line);
    }

    public boolean needsPerson() {
        return !problems.isEmpty();
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<String> repairs() {
        return List.copyOf(repairs);
    }

    public List<String> removedFiles() {
        return List.copyOf(removed);
    }

    /** The readable summary, one line per entry. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        section(out, "Repairs", repairs);
        section(out, "Needs a person", problems);
        section(out, "Removed", removed);
        section(out, "Notes", notes);
        out.add(problems.isEmpty() ? "Result: nothing needs a person." : "Result: " + problems.size() + " item(s) need a person.");
        return out;
    }

    private static void section(List<String> out, String title, List<String> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.add(title + " (" + entries.size() + "):");
        entries.stream().limit(SHOWN_PER_SECTION).forEach(e -> out.add("  " + e));
        if (entries.size() > SHOWN_PER_SECTION) {
            out.add("  ... and " + (entries.size() - SHOWN_PER_SECTION) + " more (see the log)");
        }
    }
}
