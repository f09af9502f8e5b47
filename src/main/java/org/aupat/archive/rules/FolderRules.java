package org.aupat.archive.rules;

import java.util.List;
import java.util.Set;

/** folder.json: the templates of the state-type, location and website folders and the category folder names. */
public record FolderRules(String stateTypeFolder, String locationFolder, String websiteFolder,
                          List<String> photoFolders, List<String> videoFolders, List<String> documentFolders) {

    static FolderRules from(RuleFile file) {
        String structure = "location_structure.";
        String sub = structure + "subdirectories.";
        return new FolderRules(
                file.template(structure + "state_type_folder.format", Set.of("state", "type"), Set.of("state", "type")),
                file.template(structure + "location_folder.format", Set.of("location_name", "loc_uuidN"),
                        Set.of("location_name", "loc_uuidN")),
                file.template(sub + "documents.website_folder_format", Set.of("domain", "url_uuidN"),
                        Set.of("domain", "url_uuidN")),
                file.strings(sub + "photos.folders"), file.strings(sub + "videos.folders"),
                file.strings(sub + "documents.folders"));
    }
}
