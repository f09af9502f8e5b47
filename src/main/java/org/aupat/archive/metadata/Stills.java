package org.aupat.archive.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ExternalToolError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Small JPEG stills decoded by ffmpeg: the first frame of a video, or a whole photo, scaled to fit
 * {@link #SIZE} pixels. Several files go through one ffmpeg (one input and one output each): starting
 * ffmpeg costs more than decoding a photo. A batch that fails is split into single files, so one
 * unreadable file only loses its own still.
 */
@Service
public class Stills {
    /** The longer side of a still, in pixels. */
    public static final int SIZE = 320;
    /** Files per ffmpeg. */
    static final int BATCH = 16;

    /**
     * One still to make: {@code target} is written by ffmpeg as a JPEG, whatever its name ends with.
     * {@code orientation}: the EXIF Orientation (1 to 8) to turn a photo upright by, whatever ffmpeg's own reading
     * of the file would do; 0 leaves it to ffmpeg (a video, whose rotation ffmpeg applies itself).
     */
    public record Still(Path source, Path target, int orientation) {
        public Still(Path source, Path target) {
            this(source, target, 0);
        }
    }

    /**
     * ffmpeg filters that turn an image stored with this EXIF Orientation upright (docs/catalogue.md,
     * "Thumbnails"); none for 1 (upright) or anything else.
     */
    static String upright(int orientation) {
        return switch (orientation) {
            case 2 -> "hflip,";
            case 3 -> "hflip,vflip,";
            case 4 -> "vflip,";
            case 5 -> "transpose=cclock_flip,";
            case 6 -> "transpose=clock,";
            case 7 -> "transpose=clock_flip,";
            case 8 -> "transpose=cclock,";
            default -> "";
        };
    }

    private final String command;
    private final int threads;

    @Autowired
    public Stills(AupatProperties properties) {
        this(properties.ffmpeg(), Runtime.getRuntime().availableProcessors());
    }

    Stills(String command, int threads) {
        this.command = command;
        this.threads = Math.max(1, threads);
    }

    /** ffmpeg's version line; a clear error when it is missing. */
    public String checkAvailable() {
        return ToolCheck.version(command, "-version", "ffmpeg",
                "install it (Debian/Ubuntu: apt install ffmpeg, or run bin/install-tools)");
    }

    /** Makes every still it can, in parallel batches; returns the sources whose still was written. */
    public Set<Path> make(List<Still> stills) {
        Set<Path> made = new HashSet<>();
        if (stills.isEmpty()) {
            return made;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "ffmpeg-stills");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<Path>>> batches = new ArrayList<>();
            for (int from = 0; from < stills.size(); from += BATCH) {
                List<Still> batch = List.copyOf(stills.subList(from, Math.min(stills.size(), from + BATCH)));
                batches.add(pool.submit(() -> makeBatch(batch)));
            }
            for (Future<List<Path>> batch : batches) {
                made.addAll(batch.get());
            }
            return made;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while ffmpeg was making thumbnails.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new ExternalToolError("ffmpeg failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Path> makeBatch(List<Still> batch) {
        if (run(batch)) {
            return written(batch);
        }
        // Which file failed, and whether the others' stills are whole, is not known: each again alone. A
        // target left by a failed run is not reported; the caller ignores it.
        List<Path> made = new ArrayList<>();
        for (Still one : batch) {
            if ((batch.size() > 1 && run(List.of(one))) && sizeOf(one.target()) > 0) {
                made.add(one.source());
            }
        }
        return made;
    }

    private static List<Path> written(List<Still> batch) {
        return batch.stream().filter(s -> sizeOf(s.target()) > 0).map(Still::source).toList();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** One ffmpeg over the batch: input i is scaled into output i. True when ffmpeg ended well. */
    private boolean run(List<Still> batch) {
        List<String> line = new ArrayList<>(List.of(command, "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        StringBuilder filters = new StringBuilder();
        for (int i = 0; i < batch.size(); i++) {
            Still still = batch.get(i);
            if (still.orientation() > 0) {
                line.add("-noautorotate"); // turned by the given orientation alone, not also by ffmpeg's reading of it
            }
            line.add("-i");
            line.add(still.source().toAbsolutePath().toString());
            filters.append(i == 0 ? "" : ";").append('[').append(i).append(":v:0]").append(upright(still.orientation()))
                    .append("scale=").append(SIZE).append(':')
                    .append(SIZE).append(":force_original_aspect_ratio=decrease[s").append(i).append(']');
        }
        line.add("-filter_complex");
        line.add(filters.toString());
        for (int i = 0; i < batch.size(); i++) {
            line.addAll(List.of("-map", "[s" + i + "]", "-frames:v", "1", "-q:v", "5", "-f", "image2", "-c:v", "mjpeg",
                    batch.get(i).target().toAbsolutePath().toString()));
        }
        Process process;
        try {
            process = new ProcessBuilder(ToolCommand.line(line)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ExternalToolError("ffmpeg could not be started as '" + command + "': " + e.getMessage()
                    + ". Install it (Debian/Ubuntu: apt install ffmpeg, or run bin/install-tools).", e);
        }
        try {
            if (!process.waitFor(30L + 5L * batch.size(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while ffmpeg was making thumbnails.", e);
        }
    }
}
