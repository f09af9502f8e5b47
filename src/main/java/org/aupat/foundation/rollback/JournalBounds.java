package org.aupat.foundation.rollback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders a file transaction may change: AUPAT's own (staging, the archive, the backups folder).
 * Every journal line is checked against them when it is written and again before a recovery acts on it,
 * because a journal found on disk is input like any other: whatever it says, recovery never creates,
 * moves or deletes anything outside them. The folders themselves and those above them may be created
 * by a transaction, but an undo leaves them in place.
 */
final class JournalBounds {
    private final List<Path> roots;

    JournalBounds(List<Path> roots) {
        this.roots = roots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Why undoing this entry could touch something outside AUPAT's folders, or null when it cannot. */
    String refusal(JournalEntry e) {
        Path target = path(e.target());
        Path source = e.source() == null ? null : path(e.source());
        if (target == null || (e.source() != null && source == null)) {
            return "it names a path that is not absolute and plain (no '..', no empty name)";
        }
        return switch (e.op()) {
            case MKDIR -> source == null && (inside(target) || keepsFolder(target)) ? null
                    : "its undo would remove the folder " + target + ", " + outside();
            case RMDIR -> source == null && inside(target) ? null
                    : "its undo would create the folder " + target + ", " + outside();
            case COPY, LINK -> source != null && inside(target) ? null
                    : "its undo would delete " + target + ", " + outside();
            case RENAME -> source != null && inside(source) && inside(target) ? null
                    : "its undo would move " + target + " to " + source + ", " + outside();
            case DELETE -> source != null && inside(source)
                    && target.equals(source.resolveSibling(source.getFileName() + FileTransaction.BACKUP_SUFFIX)) ? null
                    : "its undo would move " + target + " to " + source + ", which is not the backup of a file in"
                    + " AUPAT's folders (" + folders() + ")";
        };
    }

    /** A root or a folder above one: created by a transaction when missing, never removed by an undo. */
    boolean keepsFolder(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        return roots.stream().anyMatch(root -> root.startsWith(f));
    }

    /**
     * Names the folders, and that a folder replica is among them only in a run that is given it: a replicate
     * killed with a replica named on its command line alone leaves a journal that only such a run may undo.
     */
    private String outside() {
        return "outside AUPAT's folders (" + folders() + "; a folder replica is one of them only in a run given its"
                + " aupat.replicas setting, so if it names one, run the interrupted command again with it)";
    }

    private String folders() {
        return String.join(", ", roots.stream().map(Path::toString).toList());
    }

    /**
     * Strictly inside a root, also once symbolic links are followed: the path's folder, as far as it
     * exists, resolves to a place inside the root's real location.
     */
    private boolean inside(Path p) {
        for (Path root : roots) {
            if (p.startsWith(root) && !p.equals(root) && real(p.getParent()).startsWith(real(root))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The real path of the part of {@code p} that exists, with the rest appended as written. {@code p} is
     * absolute, so its file system root ends the walk up at the latest.
     */
    private static Path real(Path p) {
        Path existing = p;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }

    /** The path when it is absolute and already normal (no '.', '..' or empty names), else null. */
    private static Path path(String text) {
        if (text == null || text.isEmpty() || text.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path p = Path.of(text);
            return p.isAbsolute() && p.normalize().equals(p) && p.toString().equals(text) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
