package org.aupat.archive.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Finds a rule file: the copy in the {@code aupat.rules} folder wins over the one inside the jar. */
@Component
class RuleFiles {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;

    @Autowired
    RuleFiles(AupatProperties properties) {
        this(properties.rules());
    }

    RuleFiles(Path folder) {
        this.folder = folder;
    }

    /** Names of every rule file, in the jar or in the rules folder, sorted. */
    java.util.List<String> names() {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        try {
            for (org.springframework.core.io.Resource r : new org.springframework.core.io.support
                    .PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.json")) {
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
        return new java.util.ArrayList<>(names);
    }

    RuleFile read(String name) {
        Path override = folder.resolve(name);
        try {
            if (Files.isRegularFile(override)) {
                return parse(name, override.toString(), Files.newInputStream(override));
            }
            InputStream builtIn = RuleFiles.class.getResourceAsStream("/rules/" + name);
            if (builtIn == null) {
                throw new ConfigurationError("Rule file " + name + " is neither in " + folder
                        + " nor inside the jar: restore it from config/rules/ of the AUPAT source.");
            }
            return parse(name, "built-in rules/" + name, builtIn);
        } catch (IOException e) {
            throw new ConfigurationError("Rule file " + name + " (" + override + ") cannot be read: " + e.getMessage()
                    + ". Check its permissions.", e);
        }
    }

    private static RuleFile parse(String name, String source, InputStream in) throws IOException {
        try (in) {
            JsonNode root = JSON.readTree(in);
            if (root == null || !root.isObject()) {
                throw new ConfigurationError("Rule file " + name + " (" + source + ") must hold one JSON object.");
            }
            return new RuleFile(name, source, root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigurationError("Rule file " + name + " (" + source + ") is not valid JSON: "
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ". Fix the file or delete it from the rules folder to use the built-in copy.", e);
        }
    }
}
