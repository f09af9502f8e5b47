package org.aupat.archive.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.aupat.archive.catalogue.CatalogueRepository.ThumbnailSource;
import org.aupat.archive.metadata.ExiftoolPool;
import org.aupat.archive.metadata.Stills;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ExternalToolError;
import org.aupat.foundation.error.PreflightError;
import org.springframework.stereotype.Service;

/**
 * One small JPEG per photo and video, in {@code thumbnails/<first 2 hex>/<sha256>.jpg} beside the archive:
 * derived data, made again whenever it is missing. A file's thumbnail is its embedded preview where it has
 * one (read by exiftool in batches), otherwise a still that ffmpeg decodes (the first frame of a video);
 * an embedded preview too large for a grid is scaled by ffmpeg as well, and so is one of a photo that is not
 * stored upright: the EXIF Orientation read in the same batch turns it (ffmpeg's transpose and flip filters). Only files without a thumbnail are
 * done; a file neither tool can read is listed in {@code unmade.txt} and not tried again (delete the
 * folder to start over).
 */
@Service
class Thumbnails {
    /** An embedded preview up to this size is kept as it is; a larger one is scaled down. */
    static final int KEEP_PREVIEW_BYTES = 64 * 1024;
    /** Files handled at once: bounds the previews held in memory. */
    static final int CHUNK = 500;

    /**
     * What one update did: which of its files have a thumbnail now, which are listed as having none (tried and
     * failed, now or before), and how many it made, from a preview, and failed to make.
     */
    record Result(Set<String> available, Set<String> without, int made, int fromPreview, int unmade) {
    }

    private final ExiftoolPool exiftool;
    private final Stills stills;
    private final Path folder;

    Thumbnails(ExiftoolPool exiftool, Stills stills, AupatProperties properties) {
        this.exiftool = exiftool;
        this.stills = stills;
        this.folder = properties.thumbnails();
    }

    /** Where the thumbnail of the file with this SHA-256 is (or would be). */
    Path file(String sha) {
        return folder.resolve(sha.substring(0, 2)).resolve(sha + ".jpg");
    }

    private Path unmadeList() {
        return folder.resolve("unmade.txt");
    }

    /** Fails clearly (a pre-flight error, exit 3) before anything is written when a tool thumbnails need is missing. */
    void requireTools() {
        // Mostly a process start-up each, so side by side.
        java.util.concurrent.CompletableFuture<String> ffmpeg = java.util.concurrent.CompletableFuture.supplyAsync(
                stills::checkAvailable);
        try {
            exiftool.checkAvailable();
            ffmpeg.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof ExternalToolError missing ? new PreflightError(missing.getMessage(), missing) : e;
        } catch (ExternalToolError missing) {
            throw new PreflightError(missing.getMessage(), missing);
        }
    }

    /** Makes the thumbnails that are missing for these files (one look-up each: they are the files of changed locations). */
    Result update(List<ThumbnailSource> sources) {
        Set<String> available = new HashSet<>();
        Set<String> unmade = unmade();
        Set<String> without = new HashSet<>();
        List<ThumbnailSource> todo = new ArrayList<>();
        for (ThumbnailSource source : sources) {
            if (Files.isRegularFile(file(source.sha()))) {
                available.add(source.sha());
            } else if (unmade.contains(source.sha())) {
                without.add(source.sha());
            } else if (source.path() != null && Files.isRegularFile(Path.of(source.path()))) {
                todo.add(source);
            }
        }
        if (!todo.isEmpty()) {
            requireTools(); // a pre-flight error before the first thumbnail (and before the catalogue writes a page)
        }
        int made = 0;
        int fromPreview = 0;
        List<String> failed = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += CHUNK) {
            List<ThumbnailSource> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
            ChunkResult done = makeChunk(chunk);
            made += done.made.size();
            fromPreview += done.fromPreview;
            available.addAll(done.made);
            chunk.stream().map(ThumbnailSource::sha).filter(sha -> !done.made.contains(sha)).forEach(failed::add);
        }
        if (!failed.isEmpty()) {
            appendUnmade(failed);
            without.addAll(failed);
        }
        return new Result(available, without, made, fromPreview, failed.size());
    }

    private record ChunkResult(Set<String> made, int fromPreview) {
    }

    private ChunkResult makeChunk(List<ThumbnailSource> chunk) {
        Map<Path, ThumbnailSource> byPath = new HashMap<>();
        chunk.forEach(s -> byPath.put(Path.of(s.path()), s));
        Map<Path, ExiftoolPool.EmbeddedPreview> previews = exiftool.embeddedPreviews(List.copyOf(byPath.keySet()));
        Set<String> made = new HashSet<>();
        int fromPreview = 0;
        List<Stills.Still> toDecode = new ArrayList<>();
        Map<Path, ThumbnailSource> bySource = new HashMap<>();
        List<Path> scratch = new ArrayList<>();
        try {
            for (ThumbnailSource source : chunk) {
                Path original = Path.of(source.path());
                Path target = file(source.sha());
                Files.createDirectories(target.getParent());
                ExiftoolPool.EmbeddedPreview found = previews.get(original);
                byte[] preview = found == null ? null : found.jpeg();
                // A photo's orientation is applied here (its preview and ffmpeg's decoding would show it as stored);
                // a video's rotation ffmpeg applies itself.
                int orientation = source.video() ? 0 : found == null ? 1 : found.orientation();
                if (preview != null && preview.length <= KEEP_PREVIEW_BYTES && orientation == 1) {
                    CatalogueFiles.writeIfChanged(target, preview);
                    made.add(source.sha());
                    fromPreview++;
                    continue;
                }
                Path input = original;
                if (preview != null) {
                    input = target.resolveSibling(source.sha() + ".preview.aupat-tmp");
                    Files.write(input, preview);
                    scratch.add(input);
                    fromPreview++;
                }
                Path temporary = CatalogueFiles.temporaryBeside(target);
                scratch.add(temporary);
                toDecode.add(new Stills.Still(input, temporary, orientation));
                bySource.put(input, source);
            }
            for (Path input : stills.make(toDecode)) {
                ThumbnailSource source = bySource.get(input);
                Path target = file(source.sha());
                CatalogueFiles.moveIntoPlace(CatalogueFiles.temporaryBeside(target), target);
                made.add(source.sha());
            }
            return new ChunkResult(made, fromPreview);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write thumbnails in " + folder + ": " + e.getMessage(), e);
        } finally {
            scratch.forEach(CatalogueFiles::discard);
        }
    }

    /**
     * The thumbnails folder's state as cheaply as it can be read: the modification time of the folder and of each
     * shard folder (a thumbnail deleted or made changes its folder's), and the unmade list's size and time (key
     * {@code @unmade}). In nanoseconds of the epoch.
     */
    Map<String, String> folders() {
        Map<String, String> state = new HashMap<>();
        if (!Files.isDirectory(folder)) {
            return state;
        }
        try (Stream<Path> shards = Files.list(folder)) {
            state.put(".", String.valueOf(nanos(folder)));
            for (Path shard : (Iterable<Path>) shards::iterator) {
                if (Files.isDirectory(shard)) {
                    state.put(shard.getFileName().toString(), String.valueOf(nanos(shard)));
                }
            }
            if (Files.isRegularFile(unmadeList())) {
                state.put("@unmade", Files.size(unmadeList()) + "@" + nanos(unmadeList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the thumbnails folder " + folder + ": " + e.getMessage(), e);
        }
        return state;
    }

    private static long nanos(Path file) throws IOException {
        return Files.getLastModifiedTime(file).to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** The thumbnails on disk, by SHA-256: one listing per shard folder, not one look-up per file. */
    Set<String> existing() {
        Set<String> found = new HashSet<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> shards = Files.list(folder)) {
            for (Path shard : (Iterable<Path>) shards::iterator) {
                if (!Files.isDirectory(shard)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(shard)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = file.getFileName().toString();
                        if (name.length() == 68 && name.endsWith(".jpg")) {
                            found.add(name.substring(0, 64));
                        } else if (name.endsWith(".aupat-tmp")) {
                            CatalogueFiles.discard(file); // left by a killed run
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the thumbnails folder " + folder + ": " + e.getMessage(), e);
        }
        return found;
    }

    private Set<String> unmade() {
        try {
            return Files.isRegularFile(unmadeList())
                    ? new HashSet<>(Files.readAllLines(unmadeList(), StandardCharsets.UTF_8)) : new HashSet<>();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + unmadeList() + ": " + e.getMessage(), e);
        }
    }

    private void appendUnmade(List<String> shas) {
        try {
            Files.createDirectories(folder);
            Files.writeString(unmadeList(), String.join("\n", shas) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + unmadeList() + ": " + e.getMessage(), e);
        }
    }
}
