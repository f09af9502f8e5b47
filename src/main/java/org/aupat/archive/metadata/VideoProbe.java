package org.aupat.archive.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * Reads a video's streams with {@code ffprobe -v quiet -print_format json -show_format -show_streams}
 * (30 s timeout) and finds its make and model by the fallbacks below (docs/rules.md, Hardware).
 */
@Service
public class VideoProbe {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PARALLEL = 2;
    private final String command;
    private final Duration timeout;

    @Autowired
    public VideoProbe(AupatProperties properties) {
        this(properties.ffprobe(), Duration.ofSeconds(30));
    }

    public VideoProbe(String command, Duration timeout) {
        this.command = command;
        this.timeout = timeout;
    }

    /** ffprobe's version; a clear error when it is missing, to be called before any change is made. */
    public String checkAvailable() {
        return ToolCheck.version(command, "-version", "ffprobe",
                "install ffmpeg (Debian/Ubuntu: apt install ffmpeg) or set aupat.ffprobe to its path");
    }

    /**
     * @param file         the video as it is now (staged)
     * @param originalName its name before import (DJI_0042.MP4), for the last fallback
     * @throws ExternalToolError (recoverable) when ffprobe fails, hangs or cannot read the file
     */
    public VideoMetadata probe(Path file, String originalName) {
        JsonNode root = run(file);
        JsonNode format = root.path("format");
        JsonNode firstVideo = null;
        for (JsonNode stream : root.path("streams")) {
            if ("video".equals(stream.path("codec_type").asText()) && firstVideo == null) {
                firstVideo = stream;
            }
        }
        Double duration = format.hasNonNull("duration") ? parseDouble(format.get("duration").asText()) : null;
        Found hardware = makeAndModel(root, originalName);
        return new VideoMetadata(duration,
                firstVideo == null ? null : text(firstVideo, "codec_name"),
                firstVideo == null || !firstVideo.has("width") ? null : firstVideo.get("width").asInt(),
                firstVideo == null || !firstVideo.has("height") ? null : firstVideo.get("height").asInt(),
                hardware.make(), hardware.model(), hardware.source(), root.toString());
    }

    /** One answer of {@link #probeAll}: the video's metadata, or why ffprobe could not read it. */
    public record Probed(VideoMetadata metadata, ExternalToolError error) {
    }

    /**
     * Probes several videos, two at a time: most of an ffprobe run is its start-up, so two overlap well
     * even on two cores. The answers come back in the order of {@code files}.
     */
    public List<Probed> probeAll(List<Path> files, List<String> originalNames) {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "ffprobe");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<VideoMetadata>> running = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                String name = originalNames.get(i);
                running.add(pool.submit(() -> probe(file, name)));
            }
            List<Probed> answers = new ArrayList<>();
            for (Future<VideoMetadata> answer : running) {
                answers.add(answer(answer));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Probed answer(Future<VideoMetadata> answer) {
        try {
            return new Probed(answer.get(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while ffprobe was reading videos.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExternalToolError failed) {
                return new Probed(null, failed);
            }
            throw e.getCause() instanceof RuntimeException r ? r
                    : new ExternalToolError("ffprobe failed: " + e.getCause(), e.getCause());
        }
    }

    /** A make and model and where they were found. */
    record Found(String make, String model, String source) {
    }

    /** make, model, source: the fallbacks in order, QuickTime keys last. */
    static Found makeAndModel(JsonNode root, String originalName) {
        JsonNode formatTags = root.path("format").path("tags");
        String make = tag(formatTags, "make");
        String model = tag(formatTags, "model");
        if (make != null) {
            return new Found(make, model, "format.tags");
        }
        for (JsonNode stream : root.path("streams")) {
            JsonNode tags = stream.path("tags");
            for (String key : new String[] {"handler_name", "encoder"}) {
                String value = tag(tags, key);
                if (value != null && value.toUpperCase(Locale.ROOT).contains("DJI")) {
                    return new Found("DJI", model, "stream " + key);
                }
            }
        }
        for (JsonNode stream : root.path("streams")) {
            String streamMake = tag(stream.path("tags"), "make");
            if (streamMake != null) {
                return new Found(streamMake, tag(stream.path("tags"), "model"), "stream tags");
            }
        }
        if (originalName != null && originalName.toUpperCase(Locale.ROOT).contains("DJI")) {
            return new Found("DJI", model, "file name");
        }
        String quickTimeMake = tag(formatTags, "com.apple.quicktime.make");
        if (quickTimeMake != null) {
            return new Found(quickTimeMake, tag(formatTags, "com.apple.quicktime.model"), "QuickTime keys");
        }
        return new Found(null, model, "none");
    }

    private JsonNode run(Path file) {
        Process process;
        try {
            process = new ProcessBuilder(ToolCommand.line(List.of(command, "-v", "quiet", "-print_format", "json",
                    "-show_format", "-show_streams", file.toAbsolutePath().toString())))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ExternalToolError("ffprobe could not be started as '" + command + "': " + e.getMessage()
                    + ". Install ffmpeg or set aupat.ffprobe to its path.", e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(out), runnable -> {
                Thread thread = new Thread(runnable, "ffprobe-reader");
                thread.setDaemon(true);
                thread.start();
            });
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw failed(file, "did not finish within " + timeout.toSeconds() + " s and was stopped", null);
            }
            if (process.exitValue() != 0) {
                throw failed(file, "could not read it (exit " + process.exitValue() + ")", null);
            }
            return JSON.readTree(output.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExternalToolError e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw failed(file, "was interrupted", e);
        } catch (Exception e) {
            process.destroyForcibly();
            throw failed(file, "gave no usable JSON (" + e.getMessage() + ")", e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ExternalToolError failed(Path file, String what, Exception cause) {
        return new ExternalToolError("ffprobe " + what + " on " + file + ". The file is left as it is; rerun to retry it.",
                true, Map.of("file", file.toString()), cause);
    }

    /** A tag by name, in either case ("make" or "Make"); null when absent or blank. */
    private static String tag(JsonNode tags, String key) {
        for (String name : new String[] {key, Character.toUpperCase(key.charAt(0)) + key.substring(1)}) {
            String value = text(tags, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static Double parseDouble(String value) {
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
