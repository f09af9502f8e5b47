package org.aupat.archive.hardware;

import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import org.aupat.archive.media.MediaType;
import org.aupat.archive.rules.CameraHardwareRules;
import org.aupat.archive.rules.Rules;
import org.aupat.foundation.error.ConfigurationError;
import org.springframework.stereotype.Service;

/**
 * The hardware algorithm (docs/rules.md): the film import flag; a file without a make gets one from the
 * make hints (model, firmware, software, video handler); the make is turned into its company by the
 * aliases; then the model is matched in priority order (listed names and prefixes, spaces ignored, and
 * model patterns); then makes that build only scanners are film; then the make (exact, then whole-word
 * prefix, never film); then a make no rule knows whose file has exposure data is a camera; else other.
 */
@Service
public class HardwareClassifier {
    private static final Pattern SPACES = Pattern.compile(" ");
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
        return classify(make, model, importedFilm, HardwareClues.NONE);
    }

    /**
     * The hardware of one image or video from what was read from it: a video's own streams (ffprobe) name
     * its maker before its tags do, and only images can be scans of film.
     *
     * @param tagMake     exiftool's make, may be null
     * @param tagModel    exiftool's model, may be null
     * @param streamMake  ffprobe's make of a video, null for an image or when none
     * @param streamModel ffprobe's model of a video, null for an image or when none
     * @param clues       what else the file says about its device (firmware, software, handler)
     */
    public Hardware classify(MediaType type, String tagMake, String tagModel, String streamMake, String streamModel,
                             boolean importedFilm, HardwareClues clues) {
        boolean video = type == MediaType.VIDEO;
        return classify(video && streamMake != null ? streamMake : tagMake,
                video && streamModel != null ? streamModel : tagModel, importedFilm && type == MediaType.IMAGE, clues);
    }

    /** As {@link #classify(String, String, boolean)}, with what else the file says about its device. */
    public Hardware classify(String make, String model, boolean importedFilm, HardwareClues clues) {
        CameraHardwareRules hardware = rules.cameraHardware();
        String cleanModel = CameraHardwareRules.normalise(model);
        String cleanMake = CameraHardwareRules.normalise(make);
        if (cleanMake == null) {
            cleanMake = hintedMake(hardware, cleanModel, clues);
        }
        if (importedFilm) {
            return new Hardware(cleanMake, cleanModel, HardwareCategory.FILM);
        }
        return new Hardware(cleanMake, cleanModel, category(hardware, company(hardware, cleanMake), cleanModel, clues));
    }

    /** The make a hint names for a file without one ("HERO9 Black" or firmware "HD9.01..." is GoPro), or null. */
    private static String hintedMake(CameraHardwareRules hardware, String model, HardwareClues clues) {
        for (CameraHardwareRules.Hint hint : hardware.hints()) {
            String value = switch (hint.field()) {
                case "model" -> model;
                case "firmware" -> clues.firmware();
                case "software" -> clues.software();
                default -> clues.handler();
            };
            if (value != null && hint.pattern().matcher(value).find()) {
                return hint.make();
            }
        }
        return null;
    }

    /** The company a make names: "ASAHI OPTICAL CO.,LTD" is Pentax, "JK Imaging, Ltd." is Kodak. */
    private static String company(CameraHardwareRules hardware, String make) {
        if (make == null) {
            return null;
        }
        for (CameraHardwareRules.Alias alias : hardware.aliases()) {
            if (wholeWordPrefix(make, alias.writtenAs())) {
                return alias.company();
            }
        }
        return make;
    }

    private HardwareCategory category(CameraHardwareRules hardware, String make, String model, HardwareClues clues) {
        if (make == null) {
            return HardwareCategory.OTHER;
        }
        List<CameraHardwareRules.Category> ordered = hardware.categoriesByPriority();
        if (model != null) {
            for (CameraHardwareRules.Category category : ordered) {
                if (modelMatches(category, make, model)) {
                    return known(category);
                }
            }
        }
        for (CameraHardwareRules.Category category : ordered) {
            if (category.scannerMakes().stream().anyMatch(listed -> makeMatches(make, listed))) {
                return known(category);
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
        if (clues.exposure() && hardware.exposureCategory() != null) {
            // A make no rule knows, but exposure time, aperture or focal length say a real camera took it.
            return known(ordered.stream().filter(c -> c.name().equals(hardware.exposureCategory())).findFirst().orElseThrow());
        }
        return HardwareCategory.OTHER;
    }

    private static boolean modelMatches(CameraHardwareRules.Category category, String make, String model) {
        for (Map.Entry<String, List<Pattern>> patterns : category.modelPatterns().entrySet()) {
            if ((patterns.getKey().equals("*") || makeMatches(make, patterns.getKey()))
                    && patterns.getValue().stream().anyMatch(p -> p.matcher(model).find())) {
                return true;
            }
        }
        for (Map.Entry<String, List<String>> models : category.models().entrySet()) {
            if (!makeMatches(make, models.getKey())) {
                continue;
            }
            String bareModel = withoutMakeWord(model, models.getKey());
            String squashed = squash(model);
            String squashedBare = squash(bareModel);
            for (String listed : models.getValue()) {
                String squashedListed = squash(listed);
                if (startsWithIgnoreCase(model, listed) || startsWithIgnoreCase(bareModel, listed)
                        || squashed.startsWith(squashedListed) || squashedBare.startsWith(squashedListed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Super CoolScan 5000" and "SuperCoolscan5000" are one model: compared without spaces and case. */
    private static String squash(String model) {
        return SPACES.matcher(model).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** Canon and Nikon repeat their name in the model ("Canon PowerShot G7 X", "NIKON D850"): drop it. */
    private static String withoutMakeWord(String model, String make) {
        return wholeWordPrefix(model, make) && model.length() > make.length() ? model.substring(make.length() + 1) : model;
    }

    private static boolean makeMatches(String make, String listed) {
        return make.equalsIgnoreCase(listed) || wholeWordPrefix(make, listed);
    }

    /**
     * "NIKON CORPORATION" and "JK Imaging, Ltd." start with the words "Nikon" and "JK Imaging"; "HPX" does
     * not start with the word "HP".
     */
    private static boolean wholeWordPrefix(String value, String word) {
        return startsWithIgnoreCase(value, word)
                && (value.length() == word.length() || !Character.isLetterOrDigit(value.charAt(word.length())));
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
