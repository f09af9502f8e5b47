package org.aupat.archive.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * camera_hardware.json: the categories in priority order, each with its makes, its models (names or
 * prefixes) and model patterns (regular expressions) per make (film's models are its scanner_models);
 * the company aliases that turn a make as written into the company it names; the hints that name a
 * make when the file has none; and the category of an unknown make whose file holds exposure data.
 * Every make and model is kept {@linkplain #normalise normalised}, as the classifier compares them, so
 * that is done once per run and not for every file. Aliases, hints and the exposure rule are optional. docs/rules.md tells how the classifier uses them.
 */
public record CameraHardwareRules(String version, List<Category> categoriesByPriority, List<Alias> aliases,
                                  List<Hint> hints, String exposureCategory) {
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Where a make hint may look. */
    public static final List<String> HINT_FIELDS = List.of("model", "firmware", "software", "handler");

    /**
     * One hardware category, e.g. drone: makes as EXIF writes them, model names or prefixes per make, model
     * patterns per make ("*" for any make) and, for film only, makes that build nothing but scanners.
     */
    public record Category(String name, List<String> makes, Map<String, List<String>> models,
                           Map<String, List<Pattern>> modelPatterns, List<String> scannerMakes) {
    }

    /** A company as makes write it (a whole-word prefix, any case: "Asahi Optical") and the name it is matched by. */
    public record Alias(String writtenAs, String company) {
    }

    /** When a file has no make: a pattern on its model, firmware, software or video handler that names the make. */
    public record Hint(String field, Pattern pattern, String make) {
    }

    static CameraHardwareRules from(RuleFile file) {
        var categories = file.object("categories");
        List<String> order = file.strings("category_priorities.order");
        Map<String, Category> byName = new LinkedHashMap<>();
        for (String name : order) {
            String field = "categories." + name;
            var node = categories.path(name);
            if (!node.isObject()) {
                throw file.wrong("category_priorities.order", "names '" + name + "' but " + field + " does not exist");
            }
            String modelsKey = "film".equals(name) ? "scanner_models" : "models";
            var models = node.has(modelsKey) ? file.stringLists(node.get(modelsKey), field + "." + modelsKey)
                    : Map.<String, List<String>>of();
            var patterns = node.has("model_patterns")
                    ? patterns(file, file.stringLists(node.get("model_patterns"), field + ".model_patterns"),
                    field + ".model_patterns") : Map.<String, List<Pattern>>of();
            List<String> scannerMakes = node.has("scanner_makes")
                    ? normalised(file.strings(node.get("scanner_makes"), field + ".scanner_makes")) : List.of();
            List<String> makes = file.strings(node.path("makes"), field + ".makes");
            Category category = new Category(name, normalised(makes), normalised(models), patterns, scannerMakes);
            if (byName.put(name, category) != null) {
                throw file.wrong("category_priorities.order", "lists '" + name + "' twice");
            }
        }
        categories.fieldNames().forEachRemaining(name -> {
            if (!byName.containsKey(name)) {
                throw file.wrong("categories." + name, "is missing from category_priorities.order, so it would never match");
            }
        });
        // The sections below are optional, so that a rules folder written for an older AUPAT still loads.
        String exposure = file.root().at("/unknown_make_with_exposure/category").isMissingNode() ? null
                : file.text("unknown_make_with_exposure.category");
        if (exposure != null && !byName.containsKey(exposure)) {
            throw file.wrong("unknown_make_with_exposure.category", "names '" + exposure + "', which is no category");
        }
        return new CameraHardwareRules(file.text("version"), List.copyOf(byName.values()), aliases(file), hints(file),
                exposure);
    }

    private static List<Alias> aliases(RuleFile file) {
        List<Alias> out = new ArrayList<>();
        if (file.root().path("make_aliases").isMissingNode()) {
            return List.of();
        }
        file.object("make_aliases").fields().forEachRemaining(e -> out.add(new Alias(normalise(e.getKey()),
                normalise(file.text(e.getValue(), "make_aliases." + e.getKey())))));
        return List.copyOf(out);
    }

    private static List<Hint> hints(RuleFile file) {
        if (file.root().path("make_hints").isMissingNode()) {
            return List.of();
        }
        JsonNode node = file.object("make_hints").path("hints");
        if (!node.isArray()) {
            throw file.wrong("make_hints.hints", "must be a list of {field, pattern, make}");
        }
        List<Hint> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "make_hints.hints." + i;
            JsonNode hint = node.get(i);
            String where = file.text(hint.path("field"), field + ".field");
            if (!HINT_FIELDS.contains(where)) {
                throw file.wrong(field + ".field", "'" + where + "' is none of " + HINT_FIELDS);
            }
            out.add(new Hint(where, pattern(file, file.text(hint.path("pattern"), field + ".pattern"), field + ".pattern"),
                    normalise(file.text(hint.path("make"), field + ".make"))));
        }
        return List.copyOf(out);
    }

    private static Map<String, List<Pattern>> patterns(RuleFile file, Map<String, List<String>> byMake, String field) {
        Map<String, List<Pattern>> out = new LinkedHashMap<>();
        byMake.forEach((make, list) -> out.put(normalise(make),
                list.stream().map(p -> pattern(file, p, field + "." + make)).toList()));
        return out;
    }

    /** A regular expression matched anywhere in the value, ignoring case; a broken one stops start-up. */
    private static Pattern pattern(RuleFile file, String regex, String field) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw file.wrong(field, "'" + regex + "' is no valid regular expression (" + e.getDescription() + ")");
        }
    }

    /** A make or model as hardware names are compared: trimmed, runs of white space made one space; blank is null. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String clean = SPACES.matcher(value.trim()).replaceAll(" ");
        return clean.isEmpty() ? null : clean;
    }

    private static List<String> normalised(List<String> names) {
        return names.stream().map(CameraHardwareRules::normalise).toList();
    }

    private static Map<String, List<String>> normalised(Map<String, List<String>> modelsByMake) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        // "Canon" and "Canon " are one make once normalised: keep the models of both.
        modelsByMake.forEach((make, models) -> out.merge(normalise(make), normalised(models),
                (kept, more) -> java.util.stream.Stream.concat(kept.stream(), more.stream()).toList()));
        return out;
    }
}
