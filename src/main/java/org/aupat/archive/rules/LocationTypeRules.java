package org.aupat.archive.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** location_type_mapping.json: the valid location types and the synonyms that map onto them (docs/rules.md, Locations). */
public record LocationTypeRules(List<String> validTypes, Map<String, String> synonyms) {

    static LocationTypeRules from(RuleFile file) {
        List<String> valid = file.strings("valid_types");
        Map<String, String> synonyms = new LinkedHashMap<>();
        var mappings = file.object("mappings");
        mappings.fieldNames().forEachRemaining(synonym -> {
            String type = file.text(mappings.get(synonym), "mappings." + synonym);
            if (!valid.contains(type)) {
                throw file.wrong("mappings." + synonym, "maps to '" + type + "', which is not in valid_types " + valid);
            }
            synonyms.put(synonym, type);
        });
        return new LocationTypeRules(List.copyOf(valid), Map.copyOf(synonyms));
    }
}
