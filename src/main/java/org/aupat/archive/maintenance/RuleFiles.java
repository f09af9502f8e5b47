package org.aupat.archive.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The JSON rule files: a file in the rules folder ({@code aupat.rules}) wins over the copy inside the
 * jar. Gives their {@code version} fields and the archive's prefix length ({@code name.json}).
 */
@Component
public class RuleFiles {
    /** Prefix length when name.json does not say (spec section 7.1). */
    public static final int DEFAULT_PREFIX_LENGTH = 12;
    private final Path folder;
    private final ObjectMapper mapper;

    public RuleFiles(AupatProperties properties, ObjectMapper mapper) {
        this.folder = properties.rules();
        this.mapper = mapper;
    }

    /** The parsed content of one rule file, e.g. {@code name.json}. */
    public JsonNode read(String fileName) {
        Path override = folder.resolve(fileName);
        try (InputStream in = Files.isRegularFile(override) ? Files.newInputStream(override) : inJar(fileName)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new ConfigurationError("the rule file " + fileName + " cannot be read: " + e.getMessage()
                    + ". Fix or restore it (the jar carries the original in rules/).", e);
        }
    }

    /** Names of every rule file, in the jar or in the rules folder, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.json")) {
                names.add(r.getFilename());
            }
            if (Files.isDirectory(folder)) {
                try (var files = Files.list(folder)) {
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new ConfigurationError("cannot list the rule files in " + folder + ": " + e.getMessage(), e);
        }
        return new ArrayList<>(names);
    }

    /** The {@code version} field of every rule file that has one, by file name. */
    public Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String name : names()) {
            JsonNode version = read(name).get("version");
            if (version != null && version.isTextual()) {
                versions.put(name, version.asText());
            }
        }
        return versions;
    }

    /** {@code prefix_length} of name.json (default 12): how many characters of a uuid or sha go into names. */
    public int prefixLength() {
        JsonNode value = read("name.json").get("prefix_length");
        if (value == null) {
            return DEFAULT_PREFIX_LENGTH;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 8 || value.asInt() > 32) {
            throw new ConfigurationError("name.json field prefix_length is " + value + ": give a whole number from 8 to 32"
                    + " (12 is recommended).");
        }
        return value.asInt();
    }

    private InputStream inJar(String fileName) throws IOException {
        InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream("rules/" + fileName);
        if (in == null) {
            throw new IOException("it is neither in " + folder + " nor inside the jar");
        }
        return in;
    }
}
