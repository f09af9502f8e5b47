package org.aupat.foundation.rollback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A write-ahead journal of one file transaction, bound to one archive. Each line is
 * {@code <checksum> <json>}, written (and, when asked, flushed) before its operation starts. The first
 * line names the archive (its identity, from the database); every checksum is an HMAC-SHA-256 keyed by
 * that identity over the line and the checksum of the line before it, so a journal of another archive,
 * a line changed or removed by hand, or lines put in another order are all detected. A last line cut
 * short by a crash (no line end yet) is ignored: its operation had not started.
 */
final class Journal implements AutoCloseable {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    private static final HexFormat HEX = HexFormat.of();
    private static final int CHECKSUM_LENGTH = 64;

    private final Path file;
    private final String archiveId;
    private final FileSystemCalls fs;
    private final Mac mac;
    private String lastChecksum = "";
    private FileChannel channel;
    private final List<JournalEntry> entries = new ArrayList<>();

    Journal(Path file, String archiveId, FileSystemCalls fs) {
        this.file = file;
        this.archiveId = archiveId;
        this.fs = fs;
        this.mac = mac(archiveId);
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
        StringBuilder lines = new StringBuilder();
        if (channel == null) {
            Files.createDirectories(file.getParent());
            channel = fs.createNew(file);
            fs.forceDirectory(file.getParent());
            lines.append(line(JSON.writeValueAsString(new Header(FORMAT, archiveId))));
        }
        lines.append(line(JSON.writeValueAsString(entry)));
        fs.write(channel, ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8)));
        if (flush) {
            fs.force(channel);
        }
        entries.add(entry);
    }

    /** One line with its chained checksum. */
    private String line(String json) {
        lastChecksum = checksum(lastChecksum, json);
        return lastChecksum + " " + json + "\n";
    }

    private String checksum(String previous, String json) {
        mac.update((previous + " ").getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
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

    /**
     * Reads a journal left by an interrupted run of the archive {@code archiveId}. A journal of another
     * archive, one whose lines were changed, and one that is not AUPAT's journal format are refused with
     * {@link Refused}, naming the line; nothing of it is undone then.
     */
    static Journal read(Path file, String archiveId, FileSystemCalls fs) throws IOException {
        Journal journal = new Journal(file, archiveId, fs);
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        // Only lines with their line end are whole: the rest is a line a crash cut short, not yet acted on.
        List<String> lines = List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n", -1));
        lines = lines.subList(0, lines.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
            String json = journal.verified(lines.get(i), i + 1);
            if (i == 0) {
                journal.checkHeader(json);
            } else {
                journal.entries.add(entry(json, i + 1));
            }
        }
        return journal;
    }

    /** The line's JSON once its checksum matches; the chain moves on to it. */
    private String verified(String line, int number) {
        if (line.startsWith("{")) {
            throw new Refused(number, "it has no checksum: an older AUPAT wrote it, or someone by hand");
        }
        if (line.length() < CHECKSUM_LENGTH + 2 || line.charAt(CHECKSUM_LENGTH) != ' ') {
            throw new Refused(number, "it is not a line of an AUPAT file journal");
        }
        String json = line.substring(CHECKSUM_LENGTH + 1);
        String expected = checksum(lastChecksum, json);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                line.substring(0, CHECKSUM_LENGTH).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(number, number == 1 ? headerMismatch(json)
                    : "its checksum does not match: the line was changed, removed or moved since AUPAT wrote it");
        }
        lastChecksum = expected;
        return json;
    }

    /** A first line whose checksum fails: the usual reason is a journal of another archive. */
    private String headerMismatch(String json) {
        try {
            JsonNode archive = JSON.readTree(json).get("archive");
            if (archive != null && archive.isTextual() && !archive.asText().equals(archiveId)) {
                return "it belongs to another archive (identity " + archive.asText() + ", this archive is "
                        + archiveId + ")";
            }
        } catch (JsonProcessingException notJson) {
            // falls through to the plain reason
        }
        return "its checksum does not match: the journal was changed since AUPAT wrote it";
    }

    private void checkHeader(String json) {
        try {
            Header header = JSON.readValue(json, Header.class);
            if (header.format() != FORMAT || !archiveId.equals(header.archive())) {
                throw new Refused(1, "its header (" + json + ") is not this archive's, format " + FORMAT);
            }
        } catch (JsonProcessingException e) {
            throw new Refused(1, "its header is not readable: " + e.getOriginalMessage());
        }
    }

    private static JournalEntry entry(String json, int number) {
        try {
            JournalEntry entry = JSON.readValue(json, JournalEntry.class);
            if (entry.op() == null || entry.target() == null) {
                throw new Refused(number, "it names no operation or no target: " + json);
            }
            return entry;
        } catch (JsonProcessingException e) {
            throw new Refused(number, "it is not a journal entry (" + e.getOriginalMessage() + ")");
        }
    }

    private static Mac mac(String archiveId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(archiveId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no HmacSHA256", e);
        }
    }

    /** The first line of every journal: the format and the archive it belongs to. */
    record Header(int format, String archive) {
    }

    /** A journal refused as a whole, with the line that made it so and why. */
    static final class Refused extends RuntimeException {
        private final int line;

        Refused(int line, String why) {
            super(why);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
