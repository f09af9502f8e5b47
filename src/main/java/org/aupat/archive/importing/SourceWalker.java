package org.aupat.archive.importing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks an import source in a fixed order (entries sorted by name, folder by folder) so that a
 * rerun visits files in the same order and can resume by position. Never follows a symbolic link,
 * never opens anything but a directory, and reports every entry it will not import, so nothing is
 * dropped silently. Holds one folder's entries at a time, never the whole tree.
 */
final class SourceWalker {

    /** One thing found in the source: a regular file to import, or an entry skipped with a reason. */
    record Entry(Path path, long size, String skipReason) {
        boolean isFile() {
            return skipReason == null;
        }
    }

    private SourceWalker() {
    }

    /** Visits every entry below root in a deterministic order. */
    static void walk(Path root, Consumer<Entry> visitor) {
        Deque<Path> folders = new ArrayDeque<>();
        folders.push(root);
        while (!folders.isEmpty()) {
            Path folder = folders.pop();
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
                stream.forEach(children::add);
            } catch (IOException e) {
                visitor.accept(new Entry(folder, 0, "folder cannot be read: " + e.getMessage()));
                continue;
            }
            children.sort(null);
            List<Path> subfolders = new ArrayList<>();
            for (Path child : children) {
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    visitor.accept(new Entry(child, 0, "cannot be read: " + e.getMessage()));
                    continue;
                }
                if (attributes.isSymbolicLink()) {
                    visitor.accept(new Entry(child, 0, "symbolic link (never followed)"));
                } else if (attributes.isDirectory()) {
                    subfolders.add(child);
                } else if (attributes.isRegularFile()) {
                    visitor.accept(new Entry(child, attributes.size(), null));
                } else {
                    visitor.accept(new Entry(child, 0, "not a regular file (pipe, socket or device)"));
                }
            }
            // Depth first, in name order: push in reverse so the first subfolder is visited first.
            for (int i = subfolders.size() - 1; i >= 0; i--) {
                folders.push(subfolders.get(i));
            }
        }
    }
}
