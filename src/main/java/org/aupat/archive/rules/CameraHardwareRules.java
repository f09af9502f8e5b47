package org.aupat.archive.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * camera_hardware.json: the categories in priority order, each with its makes and its models per make
 * (film's models are its scanner_models).
 */
public record CameraHardwareRules(String version, List<Category> categoriesByPriority) {

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
            if (byName.put(name, new Category(name, file.strings(node.path("makes"), field + ".makes"), models)) != null) {
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
}
