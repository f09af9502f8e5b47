package org.aupat.foundation.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.aupat.foundation.error.ConfigurationError;

/**
 * The original tool's user.json (spec §2) read as {@code aupat.*} settings: {@code db_loc} (+
 * {@code db_name}), {@code db_backup}, {@code db_ingest} and {@code arch_loc}, or their later names
 * {@code db_path}, {@code staging_path} and {@code archive_path}. Other keys (web app URLs) are ignored.
 */
final class LegacyUserConfig {
    private static final String PLACEHOLDER = "/absolute/path/to/";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The settings read from one user.json, and how {@code db_loc} was understood (AMBIG-2), for the log. */
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
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigurationError("--config: " + file.toAbsolutePath() + " does not exist."
                    + " Give the path of the user.json of the original tool, for example --config=user/user.json.", e);
        } catch (JsonProcessingException e) {
            throw new ConfigurationError(file.toAbsolutePath() + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage()
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
            throw error(key, "must be a non-empty text (a path in quotes), not " + node + ".");
        }
        return node.asText().trim();
    }

    private ConfigurationError error(String key, String problem) {
        return new ConfigurationError(file.toAbsolutePath() + ": user.json key '" + key + "' " + problem);
    }
}
