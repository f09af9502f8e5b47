package org.aupat.foundation.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;

/**
 * The original tool's user.json (README, "Coming from the original tool") read as {@code aupat.*} settings: {@code db_loc} (+
 * {@code db_name}), {@code db_backup}, {@code db_ingest} and {@code arch_loc}, or their later names
 * {@code db_path}, {@code staging_path} and {@code archive_path}. Other keys (web app URLs) are ignored.
 */
final class LegacyUserConfig {
    private static final String PLACEHOLDER = "/absolute/path/to/";
    /** A real user.json is a few hundred bytes; anything this big is not one, and is never read whole. */
    static final int MAX_BYTES = 64 * 1024;
    /** The longest path Linux accepts. */
    private static final int MAX_PATH = 4096;
    /** A user.json is one flat object; deep nesting only costs stack. */
    private static final int MAX_DEPTH = 16;
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The settings read from one user.json, and how {@code db_loc} was understood, for the log. */
    record Mapped(Map<String, Object> properties, String interpretation) {
    }

    private final Path file;
    private final JsonNode root;

    private LegacyUserConfig(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads and checks the file; every problem is a ConfigurationError naming the file and the key. */
    static Mapped read(Path file) {
        return new LegacyUserConfig(file, parse(file)).map();
    }

    private Mapped map() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("aupat.backups", path("db_backup", null, "your database backups folder").toString());
        properties.put("aupat.staging", path("db_ingest", "staging_path", "your staging (ingest) folder").toString());
        properties.put("aupat.archive", path("arch_loc", "archive_path", "your archive folder").toString());
        Path dbLoc = path("db_loc", "db_path", "your database file");
        Path database;
        String interpretation;
        if (dbLoc.getFileName() != null && dbLoc.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".db")) {
            database = dbLoc;
            interpretation = "db_loc " + dbLoc + " ends in .db, so it is the database file";
        } else if (Files.isRegularFile(dbLoc)) {
            database = dbLoc;
            interpretation = "db_loc " + dbLoc + " is an existing file, so it is the database file";
        } else {
            database = dbLoc.resolve(databaseName());
            interpretation = "db_loc " + dbLoc + " is a folder, so the database is " + database + " (db_loc/db_name)";
        }
        properties.put("aupat.database", database.toString());
        return new Mapped(properties, file.toAbsolutePath() + ": " + interpretation);
    }

    private static JsonNode parse(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(boundedText(file));
        } catch (NoSuchFileException e) {
            throw new ConfigurationError("--config: " + file.toAbsolutePath() + " does not exist."
                    + " Give the path of the user.json of the original tool, for example --config=user/user.json.", e);
        } catch (StreamConstraintsException e) {
            throw new ConfigurationError(file.toAbsolutePath() + " is not a user.json: its JSON is nested more than "
                    + MAX_DEPTH + " levels deep. Give the user.json of the original tool, one flat object.", e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigurationError(file.toAbsolutePath() + " is not valid JSON" + where + ": " + oneLine(e.getOriginalMessage())
                    + ". Fix the file; user.json.template of the original tool shows the expected form.", e);
        } catch (IOException e) {
            throw new ConfigurationError("--config: cannot read " + file.toAbsolutePath() + " (" + e
                    + "). Check that the file is readable by this user.", e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigurationError(file.toAbsolutePath() + " must hold one JSON object, like"
                    + " {\"db_name\": \"aupat.db\", \"db_loc\": \"/srv/aupat/aupat.db\", ...}.");
        }
        return root;
    }

    /**
     * The file's text, read only when it is a regular file of at most {@link #MAX_BYTES}: a FIFO, a device
     * such as /dev/zero or a huge file would otherwise block or fill the memory before any check.
     */
    private static String boundedText(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationError("--config: " + file.toAbsolutePath() + " is not a regular file (a folder, a device"
                    + " or a pipe). Give the path of the user.json of the original tool.");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BYTES + 1);
        }
        if (head.length > MAX_BYTES) {
            throw new ConfigurationError("--config: " + file.toAbsolutePath() + " is larger than " + MAX_BYTES / 1024
                    + " KB, so it is not a user.json. Give the path of the user.json of the original tool.");
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    /** Jackson quotes the offending text; a huge or multi-line token must still give one short line. */
    private static String oneLine(String message) {
        String flat = String.valueOf(message).replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    /** The absolute path under {@code key}, or under its later name {@code alias}; never a template placeholder. */
    private Path path(String key, String alias, String meaning) {
        String value = text(key);
        String aliasValue = alias == null ? null : text(alias);
        if (value != null && aliasValue != null && !value.equals(aliasValue)) {
            throw error(key, "and '" + alias + "' give different paths (" + value + ", " + aliasValue + "): keep one of them.");
        }
        if (value == null && aliasValue == null) {
            String keys = alias == null ? "'" + key + "'" : "'" + key + "' (or its later name '" + alias + "')";
            throw new ConfigurationError(file.toAbsolutePath() + ": user.json key " + keys
                    + " is missing: add it with the absolute path of " + meaning + ".");
        }
        String name = value != null ? key : alias;
        value = value != null ? value : aliasValue;
        if (value.startsWith(PLACEHOLDER)) {
            throw error(name, "still holds the template placeholder " + value
                    + ": replace it with the absolute path of " + meaning + ".");
        }
        Path path = Path.of(value);
        if (!path.isAbsolute()) {
            throw error(name, "is " + value + ", a relative path: give the absolute path of " + meaning
                    + ", for example /srv/aupat/....");
        }
        return path.normalize();
    }

    private String databaseName() {
        String name = text("db_name");
        if (name == null) {
            throw error("db_name", "is missing, and db_loc names a folder: add the database file name, for example"
                    + " \"db_name\": \"aupat.db\", or give db_loc as the full path of the .db file.");
        }
        if (name.contains("/") || name.equals(".") || name.equals("..")) {
            throw error("db_name", "is " + name + ": give a file name only, for example aupat.db.");
        }
        return name;
    }

    /** The trimmed text under key, or null when the key is absent; any other JSON type is an error. */
    private String text(String key) {
        JsonNode node = root.get(key);
        if (node == null) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw error(key, "must be a non-empty text (a path in quotes), not " + oneLine(node.toString()) + ".");
        }
        if (node.asText().length() > MAX_PATH) {
            throw error(key, "is " + node.asText().length() + " characters long, too long for a path: give the path.");
        }
        return node.asText().trim();
    }

    private ConfigurationError error(String key, String problem) {
        return new ConfigurationError(file.toAbsolutePath() + ": user.json key '" + key + "' " + problem);
    }
}
