package org.aupat.archive.media;

import java.util.Locale;
import org.aupat.archive.rules.FileTypeRules;
import org.aupat.archive.rules.Rules;
import org.springframework.stereotype.Service;

/**
 * Classifies a file by its name in the order of spec 6.4: ignored, image, video, document. Nothing is
 * dropped silently: whatever is neither ignored, image nor video is a document.
 */
@Service
public class MediaClassifier {
    /** doc_ext of a file without extension. */
    public static final String NO_EXTENSION = "none";

    private final Rules rules;

    public MediaClassifier(Rules rules) {
        this.rules = rules;
    }

    /** @param fileName the file's name only, as found on disk (not a path) */
    public Classification classify(String fileName) {
        FileTypeRules types = rules.fileTypes();
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        String extension = extension(fileName);
        for (FileTypeRules.Ignored rule : types.ignored()) {
            String entry = rule.entry().toLowerCase(Locale.ROOT);
            boolean nameMatches = lowerName.equals(entry) || (entry.startsWith(".") && lowerName.endsWith(entry));
            boolean conditionHolds = rule.nameMustContain() == null
                    || lowerName.contains(rule.nameMustContain().toLowerCase(Locale.ROOT));
            if (nameMatches && conditionHolds) {
                return new Classification(null, extension, "ignored_ext.json " + rule.entry() + ": " + rule.reason());
            }
        }
        if (types.imageExtensions().contains(extension)) {
            return new Classification(MediaType.IMAGE, extension, null);
        }
        if (types.videoExtensions().contains(extension)) {
            return new Classification(MediaType.VIDEO, extension, null);
        }
        return new Classification(MediaType.DOCUMENT, extension, null);
    }

    /**
     * The extension, lowercase, without dot; {@code none} when the name has none. A leading dot alone
     * (.bashrc) is a hidden file's name, not an extension.
     */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return NO_EXTENSION;
        }
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
