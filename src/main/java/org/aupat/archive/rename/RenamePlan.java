package org.aupat.archive.rename;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.location.Location;

/**
 * What a rename will do, decided once from the database and the disk: the location before and after, the
 * sub-location's name before and after (or null), and what happens to the folder. The dry run prints it; the
 * real run carries it out.
 *
 * @param from  the folder recorded now (loc_loc), or null when the location has none yet
 * @param to    where it will be (equal to from when it stays)
 * @param files rows whose recorded path lies inside {@code from}
 */
public record RenamePlan(Location before, Location after, String subUuid, String subBefore, String subAfter,
                         FolderStep folder, Path from, Path to, long files) {
    /** What happens to the location's folder. */
    public enum FolderStep {
        /** It stays where it is (no --move-folder, or already the folder the name gives). */
        STAYS,
        /** The location has no folder yet: db_folder makes it from the new name. */
        NONE_YET,
        /** It moves, with every file in it. */
        MOVE,
        /** A killed run moved it already: only the rows and the master JSON follow. */
        MOVED_ALREADY
    }

    /** Whether the database changes at all. */
    public boolean changesRows() {
        return !before.equals(after) || !java.util.Objects.equals(subBefore, subAfter) || !java.util.Objects.equals(from, to);
    }

    /** The plan as lines for a person, the same for the dry run and the real run. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        String where = "location " + before.uuid();
        if (subUuid != null) {
            change(lines, "sub-location " + subUuid + " name", subBefore, subAfter);
        }
        change(lines, where + " name", before.name(), after.name());
        change(lines, where + " aka", before.akaName(), after.akaName());
        change(lines, where + " state", before.state(), after.state());
        change(lines, where + " type", before.type(), after.type());
        change(lines, where + " sub-type", before.subType(), after.subType());
        switch (folder) {
            case STAYS -> lines.add("folder stays: " + (from == null ? "(none yet)" : from));
            case NONE_YET -> lines.add("no folder yet: db_folder will make it from the new name");
            case MOVE -> lines.add("move folder " + from + " -> " + to + " (" + files + " file(s) recorded inside)");
            case MOVED_ALREADY -> lines.add("folder already at " + to + " (moved by an interrupted run): " + files
                    + " row(s) follow it");
        }
        return lines;
    }

    private static void change(List<String> lines, String what, String before, String after) {
        if (before == null ? after != null : !before.equals(after)) {
            lines.add(what + ": " + (before == null ? "(none)" : before) + " -> " + (after == null ? "(none)" : after));
        }
    }
}
