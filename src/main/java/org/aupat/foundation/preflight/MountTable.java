package org.aupat.foundation.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The system's mount table as Linux gives it ({@code /proc/self/mountinfo}, or the older {@code /proc/mounts}
 * format): which file system type holds a path, and whether that type is a network or FUSE one, on which
 * SQLite's locks and WAL's shared memory are not safe.
 */
final class MountTable {
    /** Network and cluster file systems seen in the wild; every FUSE type ({@code fuse}, {@code fuseblk}, {@code fuse.*}) too. */
    private static final Set<String> NETWORK = Set.of("nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "9p", "ceph",
            "glusterfs", "afs", "coda", "lustre", "gpfs", "beegfs", "orangefs", "virtiofs", "davfs", "sshfs", "pvfs2");

    /** One mounted file system: where and of which type. */
    record Mount(Path point, String type) {
    }

    private final List<Mount> mounts;

    private MountTable(List<Mount> mounts) {
        this.mounts = mounts;
    }

    /** Reads a mount table in either format; empty when it cannot be read (not Linux, no /proc). */
    static Optional<MountTable> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        List<Mount> mounts = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.trim().split(" ");
            int separator = List.of(fields).indexOf("-");
            if (separator >= 5 && separator + 1 < fields.length) {
                // mountinfo: id parent major:minor root mount-point options [optional...] - type source super-options
                mounts.add(new Mount(Path.of(unescape(fields[4])), fields[separator + 1]));
            } else if (fields.length >= 3 && fields[1].startsWith("/")) {
                // mounts: source mount-point type options dump pass
                mounts.add(new Mount(Path.of(unescape(fields[1])), fields[2]));
            }
        }
        return mounts.isEmpty() ? Optional.empty() : Optional.of(new MountTable(mounts));
    }

    /**
     * The mount that holds an absolute, symlink-free path: the deepest mount point above it, and of two at the
     * same point the later one, which hides the earlier.
     */
    Optional<Mount> holding(Path path) {
        Mount found = null;
        for (Mount m : mounts) {
            if (path.startsWith(m.point()) && (found == null || m.point().getNameCount() >= found.point().getNameCount())) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether SQLite must not keep a database on this type: a network, cluster or FUSE file system. */
    static boolean isNetworkOrFuse(String type) {
        return type.equals("fuse") || type.startsWith("fuse.") || type.equals("fuseblk") || NETWORK.contains(type)
                || type.startsWith("nfs");
    }

    /** The kernel writes a space as \040, a tab as \011, a newline as \012 and a backslash as \134. */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && field.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
