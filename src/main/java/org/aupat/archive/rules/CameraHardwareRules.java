package org.aupat.archive.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * camera_hardware.json: the categories in priority order, each with its makes and its models per make
 * (film's models are its scanner_models). Every make and model is kept {@linkplain #normalise normalised},
 * as the classifier compares them, so that is done once per run and not for every file.
 */
public record CameraHardwareRules(String version, List<Category> categoriesByPriority) {
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One hardware category, e.g. drone: makes as EXIF writes them and model names or prefixes per make. */
    public record Category(String name, List<String> makes, Map<String, List<String>> models) {
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
            List<String> makes = file.strings(node.path("makes"), field + ".makes");
            Category category = new Category(name, normalised(makes), normalised(models));
            if (byName.put(name, category) != null) {
                throw file.wrong("category_priorities.order", "lists '" + name + "' twice");
            }
        }
        categories.fieldNames().forEachRemaining(name -> {
            if (!byName.containsKey(name)) {
                throw file.wrong("categories." + name, "is missing from category_priorities.order, so it would never match");
            }
        });
        return new CameraHardwareRules(file.text("version"), List.copyOf(byName.values()));
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
