package org.aupat.archive.trash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aupat.archive.trash.TrashRepository.LiveFile;

/**
 * What a trash run does, decided once for the dry run and the real run alike: the files it moves (whole
 * relationship groups, in group order), the ones already in the trash, and the locations whose master
 * JSON it rewrites.
 *
 * @param files      the files to move, each with where it goes
 * @param alreadyIn  one line per file asked for that is in the trash already (a rerun, or trashing twice)
 * @param locations  every location the run touches or touched
 */
public record TrashPlan(List<Planned> files, List<String> alreadyIn, Set<String> locations) {

    /**
     * One file to trash.
     *
     * @param file       its live row
     * @param from       its archive path
     * @param to         its path in the trash (the archive path mirrored below the trash folder)
     * @param group      the smallest SHA-256 of the files trashed with it
     * @param partnerOf  the SHA-256 of the file asked for that it belongs with, or null when it was asked for
     * @param size       its size in bytes
     * @param moved      whether an interrupted run already moved it (it is in the trash, its row is not yet)
     */
    public record Planned(LiveFile file, Path from, Path to, String group, String partnerOf, long size, boolean moved) {
    }

    /** The plan as a person reads it: one line per file, the same for the dry run and the real run. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (Planned p : files) {
            lines.add("trash " + p.from() + " -> " + p.to() + " (" + p.file().originalName() + ", location "
                    + p.file().locationUuid() + ")" + (p.partnerOf() == null ? ""
                    : ", with " + p.partnerOf().substring(0, 12) + " (it belongs with it: live photo, RAW+JPEG pair or sidecar)")
                    + (p.moved() ? " [moved by an interrupted run]" : ""));
        }
        lines.addAll(alreadyIn);
        return lines;
    }
}
