package org.aupat.archive.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import jakarta.annotation.PreDestroy;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ExternalToolError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * A small pool of long-lived exiftool processes (one per core by default) that reads images and
 * videos in batches: never one exiftool per file. A batch that hangs or crashes kills its process,
 * which is replaced; each of its files is then retried once alone, and a file that fails again comes
 * back as a recoverable {@link ExternalToolError}. Processes start on first use and stop on shutdown.
 */
@Service
public class ExiftoolPool implements AutoCloseable {
    /** Files per {@code -execute}: large enough to amortise the round trip, small enough to retry cheaply. */
    public static final int BATCH_SIZE = 25;

    private final String command;
    private final int size;
    private final Duration timeout;
    private final BlockingQueue<ExiftoolProcess> idle = new LinkedBlockingQueue<>();
    private final List<ExiftoolProcess> all = new ArrayList<>();
    private ExecutorService workers;
    /** The one thread that starts every exiftool and outlives them all (see ExiftoolProcess's constructor). */
    private ExecutorService starter;
    private boolean closed;
    /** Answers read ahead and not asked for yet, by file; bounded by {@link #READ_AHEAD_LIMIT}. */
    private final Map<Path, ReadAhead> readAhead = new ConcurrentHashMap<>();
    private volatile boolean readAheadOn;

    /** Most files read ahead at once: their answers (a few KB each) wait in memory until asked for. */
    static final int READ_AHEAD_LIMIT = 5_000;

    /** One file's place in a batch read ahead. */
    private record ReadAhead(Future<List<ExifReading>> batch, int index) {
    }

    @Autowired
    public ExiftoolPool(AupatProperties properties) {
        this(properties.exiftool(), Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(30));
    }

    /** @param timeout how long one batch may take before its exiftool counts as hung */
    public ExiftoolPool(String command, int size, Duration timeout) {
        this.command = command;
        this.size = Math.max(1, size);
        this.timeout = timeout;
    }

    /** exiftool's version; a clear error when it is missing, to be called before any change is made. */
    public String checkAvailable() {
        return ToolCheck.version(command, "-ver", "exiftool",
                "install it (Debian/Ubuntu: apt install libimage-exiftool-perl) or set aupat.exiftool to its path");
    }

    /**
     * Lets {@link #readAhead} work: the pipeline turns it on so that exiftool reads the first staged
     * files while the import still copies the rest (db_organize alone has nothing to overlap).
     */
    public void enableReadAhead() {
        readAheadOn = true;
    }

    /**
     * Starts reading these files in the background when read-ahead is on and fewer than
     * {@link #READ_AHEAD_LIMIT} answers wait; {@link #read} then takes their answers instead of reading
     * again. The files must not change in between (staged copies do not).
     */
    public void readAhead(List<Path> files) {
        if (!readAheadOn || files.isEmpty() || readAhead.size() + files.size() > READ_AHEAD_LIMIT) {
            return;
        }
        ExecutorService pool = workers();
        for (List<Path> batch : batches(files)) {
            Future<List<ExifReading>> answers = pool.submit(() -> readBatch(batch));
            for (int i = 0; i < batch.size(); i++) {
                readAhead.put(key(batch.get(i)), new ReadAhead(answers, i));
            }
        }
    }

    /** Reads every file (or takes its answer read ahead); the answers come back in the order of {@code files}. */
    public List<ExifReading> read(List<Path> files) {
        List<ExifReading> out = new ArrayList<>(files.size());
        List<Path> unread = new ArrayList<>();
        for (Path file : files) {
            ExifReading early = takeReadAhead(file);
            out.add(early);
            if (early == null) {
                unread.add(file);
            }
        }
        if (!unread.isEmpty()) {
            java.util.Iterator<ExifReading> now = readNow(unread).iterator();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, now.next());
                }
            }
        }
        return out;
    }

    /** The answer read ahead for a file, or null: none, or it failed (then the file is read again now). */
    private ExifReading takeReadAhead(Path file) {
        ReadAhead early = readAhead.remove(key(file));
        if (early == null) {
            return null;
        }
        try {
            ExifReading reading = early.batch().get().get(early.index());
            return reading.failed() ? null : reading;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while exiftool was reading files.", e);
        } catch (ExecutionException | RuntimeException e) {
            return null;
        }
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** A few files (a chunk of videos) are split so that every process gets some. */
    private List<List<Path>> batches(List<Path> files) {
        int batchSize = Math.max(1, Math.min(BATCH_SIZE, (files.size() + size - 1) / size));
        List<List<Path>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += batchSize) {
            batches.add(List.copyOf(files.subList(from, Math.min(files.size(), from + batchSize))));
        }
        return batches;
    }

    private List<ExifReading> readNow(List<Path> files) {
        List<Future<List<ExifReading>>> batches = new ArrayList<>();
        ExecutorService pool = workers();
        for (List<Path> batch : batches(files)) {
            batches.add(pool.submit(() -> readBatch(batch)));
        }
        List<ExifReading> out = new ArrayList<>(files.size());
        try {
            for (Future<List<ExifReading>> batch : batches) {
                out.addAll(batch.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batches.forEach(b -> b.cancel(true));
            throw new ExternalToolError("Interrupted while exiftool was reading files.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new ExternalToolError("exiftool reading failed: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /** Reads one file. */
    public ExifReading read(Path file) {
        return read(List.of(file)).get(0);
    }

    private List<ExifReading> readBatch(List<Path> batch) {
        try {
            Map<Path, JsonNode> answers = withProcess(batch);
            return batch.stream().map(file -> reading(file, answers)).toList();
        } catch (ExternalToolError batchFailed) {
            // One bad file must not fail its neighbours: retry each alone, once.
            List<ExifReading> out = new ArrayList<>();
            for (Path file : batch) {
                try {
                    out.add(reading(file, withProcess(List.of(file))));
                } catch (ExternalToolError fileFailed) {
                    out.add(new ExifReading(file, null, new ExternalToolError("exiftool failed twice on " + file + ": "
                            + fileFailed.getMessage() + ". The file is left as it is; rerun to retry it.", true,
                            Map.of("file", file.toString()), fileFailed)));
                }
            }
            return out;
        }
    }

    private static ExifReading reading(Path file, Map<Path, JsonNode> answers) {
        JsonNode object = answers.get(file.toAbsolutePath());
        if (object == null) {
            return new ExifReading(file, null, new ExternalToolError("exiftool could not open " + file
                    + " (missing or unreadable). Check that it exists and is readable.", true, Map.of("file", file.toString()), null));
        }
        return new ExifReading(file, ExifJson.parse(object, file), null);
    }

    private Map<Path, JsonNode> withProcess(List<Path> files) {
        return withProcess(null, files);
    }

    /** Reads with one process; {@code options} null means a full metadata read. */
    private Map<Path, JsonNode> withProcess(List<String> options, List<Path> files) {
        ExiftoolProcess process = take();
        try {
            Duration limit = timeout.plusSeconds(files.size());
            Map<Path, JsonNode> answers = options == null ? process.read(files, limit) : process.read(options, files, limit);
            idle.add(process);
            return answers;
        } catch (RuntimeException e) {
            process.kill();
            replace(process);
            throw e;
        }
    }

    private ExiftoolProcess take() {
        synchronized (this) {
            if (closed) {
                throw new ExternalToolError("The exiftool pool is closed; AUPAT is shutting down.");
            }
            if (idle.isEmpty() && all.size() < size) {
                ExiftoolProcess started = start();
                all.add(started);
                return started;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while waiting for an exiftool process.", e);
        }
    }

    private synchronized void replace(ExiftoolProcess dead) {
        all.remove(dead);
        if (!closed) {
            ExiftoolProcess fresh = start();
            all.add(fresh);
            idle.add(fresh);
        }
    }

    /** A new exiftool, started on the starter thread. */
    private synchronized ExiftoolProcess start() {
        if (starter == null) {
            starter = Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "exiftool-starter");
                thread.setDaemon(true);
                return thread;
            });
        }
        try {
            return starter.submit(() -> new ExiftoolProcess(command)).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new ExternalToolError("Could not start exiftool (" + command + ").", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalToolError("Interrupted while starting exiftool.", e);
        }
    }

    private synchronized ExecutorService workers() {
        if (closed) {
            throw new ExternalToolError("The exiftool pool is closed; AUPAT is shutting down.");
        }
        if (workers == null) {
            workers = Executors.newFixedThreadPool(size, r -> {
                Thread thread = new Thread(r, "exiftool-batch");
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    /**
     * A file's embedded JPEG preview ({@code jpeg} null when it has none) and the EXIF Orientation of the file
     * (1 to 8; 1, upright, when it has none), which applies to its previews too: cameras store them as the
     * sensor saw the scene.
     */
    public record EmbeddedPreview(byte[] jpeg, int orientation) {
    }

    /**
     * The JPEG preview each file carries and its orientation, in batches on the same processes: the small EXIF
     * ThumbnailImage where there is one, otherwise the larger PreviewImage or JpgFromRaw (RAW files). Every file
     * is in the answer; one exiftool cannot read has no preview and orientation 1: the caller decodes it another way.
     */
    public Map<Path, EmbeddedPreview> embeddedPreviews(List<Path> files) {
        Map<Path, Integer> orientations = new java.util.HashMap<>();
        Map<Path, byte[]> found = previews(List.of("-b", "-ThumbnailImage", "-Orientation#"), files, orientations);
        List<Path> rest = files.stream().filter(f -> !found.containsKey(f)).toList();
        found.putAll(previews(List.of("-b", "-PreviewImage", "-JpgFromRaw"), rest, null));
        Map<Path, EmbeddedPreview> out = new java.util.HashMap<>();
        for (Path file : files) {
            out.put(file, new EmbeddedPreview(found.get(file), orientations.getOrDefault(file, 1)));
        }
        return out;
    }

    private Map<Path, byte[]> previews(List<String> options, List<Path> files, Map<Path, Integer> orientations) {
        Map<Path, byte[]> out = new java.util.HashMap<>();
        if (files.isEmpty()) {
            return out;
        }
        List<Future<Map<Path, JsonNode>>> batches = new ArrayList<>();
        List<List<Path>> parts = batches(files);
        ExecutorService pool = workers();
        for (List<Path> batch : parts) {
            batches.add(pool.submit(() -> {
                try {
                    return withProcess(options, batch);
                } catch (ExternalToolError e) {
                    return Map.<Path, JsonNode>of(); // a preview is optional: these files are decoded another way
                }
            }));
        }
        try {
            for (int i = 0; i < parts.size(); i++) {
                Map<Path, JsonNode> answers = batches.get(i).get();
                for (Path file : parts.get(i)) {
                    JsonNode answer = answers.get(file.toAbsolutePath());
                    byte[] jpeg = preview(answer);
                    if (jpeg != null) {
                        out.put(file, jpeg);
                    }
                    int orientation = answer == null ? 1 : answer.path("Orientation").asInt(1);
                    if (orientations != null && orientation >= 1 && orientation <= 8) {
                        orientations.put(file, orientation);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            batches.forEach(b -> b.cancel(true));
            throw new ExternalToolError("Interrupted while exiftool was reading previews.", e);
        } catch (ExecutionException e) {
            throw new ExternalToolError("exiftool failed reading previews: " + e.getCause(), e.getCause());
        }
        return out;
    }

    /** The first tag exiftool answered with binary data ({@code base64:...} under -b -json) that is a JPEG. */
    private static byte[] preview(JsonNode object) {
        if (object == null) {
            return null;
        }
        for (java.util.Iterator<Map.Entry<String, JsonNode>> tags = object.fields(); tags.hasNext(); ) {
            String value = tags.next().getValue().asText("");
            if (value.startsWith("base64:")) {
                byte[] bytes = java.util.Base64.getDecoder().decode(value.substring("base64:".length()));
                if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
                    return bytes;
                }
            }
        }
        return null;
    }

    /** Number of exiftool processes running now (for tests and the pre-flight report). */
    public synchronized int running() {
        return all.size();
    }

    /** Stops every exiftool process. */
    @PreDestroy
    @Override
    public synchronized void close() {
        closed = true;
        if (workers != null) {
            workers.shutdownNow();
        }
        all.forEach(ExiftoolProcess::close);
        all.clear();
        if (starter != null) {
            starter.shutdownNow(); // only now: its end would kill any exiftool still running
        }
        idle.clear();
    }

    static ExternalToolError missing(String command, IOException cause) {
        return new ExternalToolError("exiftool could not be started as '" + command + "': " + cause.getMessage()
                + ". Install it (Debian/Ubuntu: apt install libimage-exiftool-perl) or set aupat.exiftool to its path.",
                cause);
    }
}
