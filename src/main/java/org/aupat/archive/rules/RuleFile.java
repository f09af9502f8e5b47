package org.aupat.archive.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aupat.foundation.error.ConfigurationError;

/** One parsed rule file; every accessor names the file and the field when the content is wrong. */
record RuleFile(String name, String source, JsonNode root) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]*)}");

    JsonNode object(String field) {
        JsonNode node = at(field);
        if (!node.isObject()) {
            throw wrong(field, "must be a JSON object");
        }
        return node;
    }

    String text(String field) {
        return text(at(field), field);
    }

    /** A template such as {loc_uuidN}-img_{shaN}.{ext}: only known variables, and every required one present. */
    String template(String field, Set<String> allowed, Set<String> required) {
        String format = text(field);
        Matcher m = VARIABLE.matcher(format);
        Set<String> seen = new HashSet<>();
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw wrong(field, "unknown variable {" + m.group(1) + "}; allowed: " + allowed);
            }
            seen.add(m.group(1));
        }
        if (!seen.containsAll(required)) {
            throw wrong(field, "must contain the variables " + required + ", found '" + format + "'");
        }
        return format;
    }

    int integer(String field, int min, int max) {
        JsonNode node = at(field);
        if (!node.isInt() || node.asInt() < min || node.asInt() > max) {
            throw wrong(field, "must be a whole number from " + min + " to " + max + ", found " + node);
        }
        return node.asInt();
    }

    List<String> strings(String field) {
        return strings(at(field), field);
    }

    /** An object whose every value is a list of strings, e.g. camera models per make. */
    Map<String, List<String>> stringLists(JsonNode node, String field) {
        if (!node.isObject()) {
            throw wrong(field, "must be a JSON object of lists");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), strings(e.getValue(), field + "." + e.getKey())));
        return out;
    }

    List<String> strings(JsonNode node, String field) {
        if (!node.isArray() || node.isEmpty()) {
            throw wrong(field, "must be a non-empty list of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            out.add(text(item, field));
        }
        return List.copyOf(out);
    }

    String text(JsonNode node, String field) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw wrong(field, "must be a non-empty string, found " + (node.isMissingNode() ? "nothing" : node));
        }
        return node.asText().trim();
    }

    ConfigurationError wrong(String field, String problem) {
        return new ConfigurationError("Rule file " + name + " (" + source + "), field '" + field + "': " + problem
                + ". Fix the file or delete it from the rules folder to use the built-in copy.");
    }

    private JsonNode at(String field) {
        return root.at("/" + field.replace('.', '/'));
    }
}
