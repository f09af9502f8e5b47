package org.aupat.archive.rules;

import java.util.Set;

/**
 * name.json: the prefix length N and the file-name templates per table prefix (img, vid, doc), with
 * and without a sub-location, plus the master JSON template.
 */
public record NameRules(int prefixLength, Template images, Template videos, Template documents, String masterJson) {

    /** The two name formats of one media kind. */
    public record Template(String withoutSub, String withSub) {
    }

    static NameRules from(RuleFile file) {
        return new NameRules(file.integer("prefix_length", 8, 32),
                template(file, "images", "img_"), template(file, "videos", "vid_"), template(file, "documents", "doc_"),
                file.template("master_json.format", Set.of("loc_uuidN"), Set.of("loc_uuidN")));
    }

    private static Template template(RuleFile file, String kind, String tag) {
        String field = "naming_patterns." + kind;
        Set<String> without = Set.of("loc_uuidN", "shaN", "ext");
        Set<String> with = Set.of("loc_uuidN", "sub_uuidN", "shaN", "ext");
        var template = new Template(file.template(field + ".without_sub.format", without, without),
                file.template(field + ".with_sub.format", with, with));
        if (!template.withoutSub().contains(tag) || !template.withSub().contains(tag)) {
            throw file.wrong(field, "both formats must keep the '" + tag + "' tag");
        }
        return template;
    }
}
