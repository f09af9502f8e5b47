package org.aupat.foundation.failure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.FileSystemError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the failure log (the current file and its rotated copies under logs/archive/) and archives old
 * records. A line that is not a failure record is reported and passed over, never fatal.
 */
@Component
public class FailureQuery {
    private static final Logger log = LoggerFactory.getLogger(FailureQuery.class);
    private final Path logs;
    private final ObjectMapper json = FailureLog.mapper();

    @Autowired
    public FailureQuery(AupatProperties properties) {
        this(properties.logs());
    }

    public FailureQuery(Path logs) {
        this.logs = logs;
    }

    /** The matching records, oldest first. */
    public List<FailureRecord> find(FailureFilter filter) {
        List<FailureRecord> found = new ArrayList<>();
        for (Path file : logFiles()) {
            for (String line : lines(file)) {
                FailureRecord r = parse(file, line);
                if (r != null && filter.matches(r)) {
                    found.add(r);
                }
            }
        }
        found.sort(Comparator.comparing(FailureRecord::timestamp));
        return found;
    }

    /**
     * Moves records older than the given age out of failure.log into logs/archive/failure-until-DATE.log.
     * The log is rewritten in place because logback appends to the same open file. Returns how many moved.
     */
    public synchronized int archiveOlderThan(Duration age) {
        Path current = logs.resolve("failure.log");
        if (!Files.exists(current)) {
            return 0;
        }
        Instant cutoff = Instant.now().minus(age);
        List<String> keep = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (String line : lines(current)) {
            FailureRecord r = parse(current, line);
            (r != null && r.timestamp().isBefore(cutoff) ? old : keep).add(line);
        }
        if (old.isEmpty()) {
            return 0;
        }
        Path archive = logs.resolve("archive").resolve("failure-until-" + cutoff.toString().substring(0, 10) + ".log");
        try {
            Files.createDirectories(archive.getParent());
            Files.write(archive, old, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
            Files.write(current, keep, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new FileSystemError("cannot archive old failure records to " + archive + ": " + e.getMessage(), e);
        }
        return old.size();
    }

    private List<Path> logFiles() {
        List<Path> files = new ArrayList<>();
        Path archive = logs.resolve("archive");
        if (Files.isDirectory(archive)) {
            try (Stream<Path> s = Files.list(archive)) {
                s.filter(p -> p.getFileName().toString().matches("failure[.-].*\\.log")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new FileSystemError("cannot list " + archive + ": " + e.getMessage(), e);
            }
        }
        if (Files.exists(logs.resolve("failure.log"))) {
            files.add(logs.resolve("failure.log"));
        }
        return files;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new FileSystemError("cannot read the failure log " + file + ": " + e.getMessage()
                    + ". Check its permissions.", e);
        }
    }

    private FailureRecord parse(Path file, String line) {
        try {
            return json.readValue(line, FailureRecord.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            log.warn("{}: passed over a line that is not a failure record: {}", file, e.getOriginalMessage());
            return null;
        }
    }
}
