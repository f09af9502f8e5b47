package org.aupat.archive.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.aupat.foundation.error.ExternalToolError;

/**
 * One {@code exiftool -stay_open True -@ -} process: a batch of file paths goes in as one
 * {@code -execute}, one JSON array comes back, ended by {@code {ready}}.
 */
final class ExiftoolProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final Deque<String> lastErrors = new ArrayDeque<>();
    // Its own reader thread: a blocking read must never occupy a shared pool's thread.
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "exiftool-reader");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts exiftool. The thread that calls this must outlive the process: the kernel kills exiftool
     * when that thread ends (see {@link ToolCommand}).
     */
    ExiftoolProcess(String command) {
        try {
            process = new ProcessBuilder(ToolCommand.line(List.of(command, "-stay_open", "True", "-@", "-"))).start();
        } catch (IOException e) {
            throw ExiftoolPool.missing(command, e);
        }
        commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(this::drainErrors, "exiftool-stderr-" + process.pid());
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Reads the metadata of {@code files}; a file exiftool could not find is absent from the map.
     *
     * @throws ExternalToolError when exiftool dies, hangs past {@code timeout} or answers nonsense;
     *                           the process is then unusable and must be closed
     */
    Map<Path, JsonNode> read(List<Path> files, Duration timeout) {
        return read(METADATA, files, timeout);
    }

    /** The options of a metadata read: every tag, GPS as signed decimal degrees. */
    private static final List<String> METADATA = List.of("-coordFormat", "%+.8f", "-api", "largefilesupport=1");

    /**
     * Reads {@code files} with {@code options} in front of them (after {@code -json} and the UTF-8 file name
     * option), for example only some tags.
     */
    Map<Path, JsonNode> read(List<String> options, List<Path> files, Duration timeout) {
        StringBuilder batch = new StringBuilder("-json\n-charset\nfilename=utf8\n");
        options.forEach(option -> batch.append(option).append('\n'));
        for (Path file : files) {
            String name = file.toAbsolutePath().toString();
            if (name.contains("\n") || name.contains("\r")) {
                throw new ExternalToolError("File name contains a line break, which exiftool's argument file cannot"
                        + " carry: " + name.replace("\n", "\\n") + ". Rename the file.", true, Map.of("file", name), null);
            }
            batch.append(name).append('\n');
        }
        batch.append("-execute\n");
        Future<String> answer = reader.submit(this::readUntilReady);
        try {
            commands.write(batch.toString());
            commands.flush();
            String json = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return bySourceFile(json);
        } catch (TimeoutException e) {
            throw failure("did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException | ExecutionException e) {
            throw failure("stopped unexpectedly (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()) + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted", e);
        }
    }

    private Map<Path, JsonNode> bySourceFile(String json) {
        Map<Path, JsonNode> out = new HashMap<>();
        if (json.isBlank()) {
            return out; // every file of the batch was missing
        }
        try {
            for (JsonNode object : JSON.readTree(json)) {
                out.put(Path.of(object.path("SourceFile").asText()).toAbsolutePath(), object);
            }
        } catch (IOException e) {
            throw failure("answered with output that is not JSON", e);
        }
        return out;
    }

    private String readUntilReady() throws IOException {
        StringBuilder out = new StringBuilder();
        for (String line = answers.readLine(); line != null; line = answers.readLine()) {
            if (line.equals("{ready}")) {
                return out.toString();
            }
            out.append(line).append('\n');
        }
        throw new IllegalStateException("exiftool closed its output (exit " + exitValue() + ")");
    }

    private String exitValue() {
        try {
            return String.valueOf(process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : "none yet");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private ExternalToolError failure(String what, Exception cause) {
        String errors;
        synchronized (lastErrors) {
            errors = String.join(" | ", lastErrors);
        }
        return new ExternalToolError("exiftool (pid " + process.pid() + ") " + what
                + (errors.isEmpty() ? "" : "; its last messages: " + errors), true, Map.of(), cause);
    }

    private void drainErrors() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                synchronized (lastErrors) {
                    lastErrors.addLast(line.trim());
                    if (lastErrors.size() > 5) {
                        lastErrors.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended; nothing more to keep
        }
    }

    /** Asks exiftool to stop; kills it if it does not within a few seconds. */
    @Override
    public void close() {
        reader.shutdownNow();
        try {
            if (process.isAlive()) {
                commands.write("-stay_open\nFalse\n");
                commands.flush();
            }
            commands.close(); // end of input stops exiftool too, should it miss the command
        } catch (IOException ignored) {
            // already gone: the kill below makes sure
        }
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Ends a hung or broken process at once. */
    void kill() {
        reader.shutdownNow();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    long pid() {
        return process.pid();
    }
}
