package org.aupat.archive.media;

import java.util.Locale;
import java.util.regex.Pattern;
import org.aupat.archive.rules.FileTypeRules;
import org.aupat.foundation.validation.Ascii;
import org.aupat.archive.rules.Rules;
import org.springframework.stereotype.Service;

/**
 * Classifies a file by its name in the order of docs/rules.md (Files): ignored, image, video, document. Nothing is
 * dropped silently: whatever is neither ignored, image nor video is a document. Any name is accepted: an
 * extension that is not plain letters and digits ({@code x.jpg_original}, {@code notes.txt~}, {@code a.jpé})
 * makes a document whose stored extension keeps only its ASCII letters and digits (see {@link #extension}).
 */
@Service
public class MediaClassifier {
    /** doc_ext of a file without extension. */
    public static final String NO_EXTENSION = "none";
    /** Longer extensions are cut: the extension is part of the standard name and of a folder name. */
    static final int MAX_EXTENSION = 16;
    private static final Pattern PLAIN_EXTENSION = Pattern.compile("[a-z0-9]+");

    private final Rules rules;

    public MediaClassifier(Rules rules) {
        this.rules = rules;
    }

    /** @param fileName the file's name only, as found on disk (not a path) */
    public Classification classify(String fileName) {
        FileTypeRules types = rules.fileTypes();
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        String written = writtenExtension(fileName);
        String extension = extension(fileName);
        for (FileTypeRules.Ignored rule : types.ignored()) {
            boolean conditionHolds = rule.nameMustContain() == null
                    || lowerName.contains(rule.nameMustContain().toLowerCase(Locale.ROOT));
            if (rule.matches(lowerName) && conditionHolds) {
                return new Classification(null, extension, "ignored_ext.json " + rule.entry() + ": " + rule.reason());
            }
        }
        // Only an extension written exactly as listed makes an image or video; "jp_g" is not "jpg".
        if (written.equals(extension) && types.imageExtensions().contains(extension)) {
            return new Classification(MediaType.IMAGE, extension, null);
        }
        if (written.equals(extension) && types.videoExtensions().contains(extension)) {
            return new Classification(MediaType.VIDEO, extension, null);
        }
        return new Classification(MediaType.DOCUMENT, extension, null);
    }

    /**
     * The extension as stored (doc_ext, the standard name, the document folder): what follows the last dot,
     * lowercase, reduced to its ASCII letters and digits (accents dropped, {@code jpg_original} becomes
     * {@code jpgoriginal}, {@code txt~} becomes {@code txt}) and cut at 16 characters; {@code none} when
     * nothing is left or the name has no extension. A leading dot alone (.bashrc) is a hidden file's name,
     * not an extension. The original name itself is always kept as it was.
     */
    public static String extension(String fileName) {
        String written = writtenExtension(fileName);
        if (PLAIN_EXTENSION.matcher(written).matches() && written.length() <= MAX_EXTENSION) {
            return written;
        }
        String safe = Ascii.transliterate(written).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        safe = safe.length() > MAX_EXTENSION ? safe.substring(0, MAX_EXTENSION) : safe;
        return safe.isEmpty() ? NO_EXTENSION : safe;
    }

    private static String writtenExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0 || dot == fileName.length() - 1) {
            return NO_EXTENSION;
        }
        return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
