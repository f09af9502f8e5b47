package org.aupat.archive.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The only place the catalogue changes files, all of them derived data outside the archive (pages, assets,
 * thumbnails), so no journal is needed: each is written beside its target and renamed into place, a page that
 * is already as it should be is left alone, and anything lost is made again by the next run.
 */
final class CatalogueFiles {
    private CatalogueFiles() {
    }

    /** Writes {@code bytes} to {@code target} unless it holds them already; true when it wrote. */
    static boolean writeIfChanged(Path target, byte[] bytes) {
        try {
            if (Files.isRegularFile(target) && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temporary = temporaryBeside(target);
            Files.write(temporary, bytes);
            moveIntoPlace(temporary, target);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A name beside {@code target} for writing it first. */
    static Path temporaryBeside(Path target) {
        return target.resolveSibling(target.getFileName() + ".aupat-tmp");
    }

    /** Renames a finished temporary file onto its target. */
    static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes a leftover temporary file, if any. */
    static void discard(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // a leftover temporary file is overwritten by the next run
        }
    }

    /** Removes what a killed run left half written anywhere under {@code folder} (its {@code .aupat-tmp} files). */
    static void discardLeftovers(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".aupat-tmp")).forEach(CatalogueFiles::discard);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes what is in {@code folder} and not in {@code keep}: files ending with {@code suffix} (pages of locations
     * gone), and folders holding only the {@code .js} data files the catalogue writes (their data). Returns how many
     * pages or folders it deleted.
     */
    static int deleteOthers(Path folder, String suffix, Set<Path> keep) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (keep.contains(file)) {
                    continue;
                }
                if (file.getFileName().toString().endsWith(suffix) && Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                    deleted++;
                } else if (Files.isDirectory(file) && deleteDataFolder(file)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + folder + ": " + e.getMessage(), e);
        }
        return deleted;
    }

    /** Deletes a location's data folder, unless it holds anything the catalogue did not write (then it is left). */
    private static boolean deleteDataFolder(Path folder) throws IOException {
        List<Path> inside;
        try (Stream<Path> files = Files.list(folder)) {
            inside = files.toList();
        }
        if (!inside.stream().allMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".js"))) {
            return false;
        }
        for (Path file : inside) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(folder);
        return true;
    }
}
