package org.aupat.archive.hardware;

import java.util.List;
import java.util.Map;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.CameraHardwareRules;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.stereotype.Service;

/**
 * The hardware algorithm of spec 6.5 (REC): film import flag; then model match in priority order;
 * then make match (exact, then whole-word prefix, never substring, never film); else other.
 */
@Service
public class HardwareClassifier {
    private final Rules rules;

    public HardwareClassifier(Rules rules) {
        this.rules = rules;
    }

    /**
     * @param make         EXIF/ffprobe make, may be null
     * @param model        EXIF/ffprobe model, may be null
     * @param importedFilm true when the user imported the file as scanned film
     */
    public Hardware classify(String make, String model, boolean importedFilm) {
        String cleanMake = CameraHardwareRules.normalise(make);
        String cleanModel = CameraHardwareRules.normalise(model);
        return new Hardware(cleanMake, cleanModel, importedFilm ? HardwareCategory.FILM : category(cleanMake, cleanModel));
    }

    /**
     * The hardware of one image or video from what was read from it: a video's own streams (ffprobe) name
     * its maker before its tags do, and only images can be scans of film.
     *
     * @param tagMake     exiftool's make, may be null
     * @param tagModel    exiftool's model, may be null
     * @param streamMake  ffprobe's make of a video, null for an image or when none
     * @param streamModel ffprobe's model of a video, null for an image or when none
     */
    public Hardware classify(MediaType type, String tagMake, String tagModel, String streamMake, String streamModel,
                             boolean importedFilm) {
        boolean video = type == MediaType.VIDEO;
        return classify(video && streamMake != null ? streamMake : tagMake,
                video && streamModel != null ? streamModel : tagModel, importedFilm && type == MediaType.IMAGE);
    }

    private HardwareCategory category(String make, String model) {
        if (make == null) {
            return HardwareCategory.OTHER;
        }
        List<CameraHardwareRules.Category> ordered = rules.cameraHardware().categoriesByPriority();
        if (model != null) {
            for (CameraHardwareRules.Category category : ordered) {
                for (Map.Entry<String, List<String>> models : category.models().entrySet()) {
                    String bareModel = withoutMakeWord(model, models.getKey());
                    if (makeMatches(make, models.getKey()) && models.getValue().stream()
                            .anyMatch(listed -> startsWithIgnoreCase(model, listed) || startsWithIgnoreCase(bareModel, listed))) {
                        return known(category);
                    }
                }
            }
        }
        // Exact equality in every category first, so "Sony Ericsson" is a phone before "Sony" prefixes a camera.
        for (CameraHardwareRules.Category category : ordered) {
            if (!"film".equals(category.name())
                    && category.makes().stream().anyMatch(make::equalsIgnoreCase)) {
                return known(category);
            }
        }
        for (CameraHardwareRules.Category category : ordered) {
            if (!"film".equals(category.name())
                    && category.makes().stream().anyMatch(listed -> wholeWordPrefix(make, listed))) {
                return known(category);
            }
        }
        return HardwareCategory.OTHER;
    }

    /** Canon and Nikon repeat their name in the model ("Canon PowerShot G7 X", "NIKON D850"): drop it. */
    private static String withoutMakeWord(String model, String make) {
        return wholeWordPrefix(model, make) && model.length() > make.length() ? model.substring(make.length() + 1) : model;
    }

    private static boolean makeMatches(String make, String listed) {
        return make.equalsIgnoreCase(listed) || wholeWordPrefix(make, listed);
    }

    /** "NIKON CORPORATION" starts with the word "Nikon"; "HPX" does not start with the word "HP". */
    private static boolean wholeWordPrefix(String value, String word) {
        return startsWithIgnoreCase(value, word) && (value.length() == word.length() || value.charAt(word.length()) == ' ');
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static HardwareCategory known(CameraHardwareRules.Category category) {
        HardwareCategory known = HardwareCategory.fromRuleName(category.name());
        if (known == null) {
            throw new ConfigurationError("Rule file camera_hardware.json, field 'categories." + category.name()
                    + "': unknown category; AUPAT knows " + java.util.Arrays.stream(HardwareCategory.values())
                    .map(HardwareCategory::ruleName).toList() + ". Rename it or remove it.");
        }
        return known;
    }

}
