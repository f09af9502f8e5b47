package org.aupat.foundation.rollback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A write-ahead journal of one file transaction: JSON lines, each flushed to disk before its operation
 * starts. A last line cut short by a crash is ignored: its operation had not started.
 */
final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final FileSystemCalls fs;
    private FileChannel channel;
    private final List<JournalEntry> entries = new ArrayList<>();

    Journal(Path file, FileSystemCalls fs) {
        this.file = file;
        this.fs = fs;
    }

    Path file() {
        return file;
    }

    List<JournalEntry> entries() {
        return entries;
    }

    /**
     * Writes the entry before its operation starts, so a killed run finds it. With {@code flush} it is also
     * on disk first, and so are the lines before it; without, it reaches the disk with a later flushed line
     * or is lost with a power cut together with the unflushed operation it describes.
     */
    void append(JournalEntry entry, boolean flush) throws IOException {
        if (channel == null) {
            Files.createDirectories(file.getParent());
            channel = fs.createNew(file);
            fs.forceDirectory(file.getParent());
        }
        fs.write(channel, ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8)));
        if (flush) {
            fs.force(channel);
        }
        entries.add(entry);
    }

    /** Removes the journal once its transaction is committed or undone. */
    void remove() throws IOException {
        close();
        if (Files.exists(file)) {
            fs.delete(file);
            fs.forceDirectory(file.getParent());
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    /** Reads a journal left by an interrupted run. */
    static Journal read(Path file, FileSystemCalls fs) throws IOException {
        Journal journal = new Journal(file, fs);
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                journal.entries.add(JSON.readValue(line, JournalEntry.class));
            } catch (JsonProcessingException cutShort) {
                break;
            }
        }
        return journal;
    }
}
