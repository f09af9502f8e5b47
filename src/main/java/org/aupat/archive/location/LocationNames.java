package org.aupat.archive.location;

import java.util.Locale;
import java.util.regex.Pattern;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.validation.Ascii;

/**
 * The naming rules of spec §6.2 for location, aka and sub-location names: ASCII, single spaces,
 * deterministic title case; and the slug used in folder names.
 */
public final class LocationNames {
    static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9 '_-]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private LocationNames() {
    }

    /** "  café   élan's  théâtre" -> "Cafe Elan's Theatre"; refuses what cannot be a name. */
    public static String normalise(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationError(field, raw, "is empty. Give a name, for example --" + field + "=\"Richard Olmsted Complex\".");
        }
        if (raw.codePoints().anyMatch(Character::isISOControl)) {
            throw new ValidationError(field, raw, "contains control characters (a newline or tab?). Type the name on one line.");
        }
        String ascii = SPACES.matcher(Ascii.transliterate(raw.strip())).replaceAll(" ").strip()
                .replace('\u2019', '\'');
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            throw new ValidationError(field, raw, "must be 1 to " + MAX_LENGTH + " characters long.");
        }
        if (!ALLOWED.matcher(ascii).matches()) {
            throw new ValidationError(field, raw, "may hold only letters, digits, spaces, hyphens, underscores and"
                    + " apostrophes (no slashes, dots, quotes or control characters).");
        }
        return titleCase(ascii);
    }

    /** Upper-cases the first letter of each space- or hyphen-separated word, lower-cases the rest. */
    static String titleCase(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        boolean wordStart = true;
        for (char c : ascii.toCharArray()) {
            out.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
            wordStart = c == ' ' || c == '-';
        }
        return out.toString();
    }

    /** The folder-name form: lowercase, hyphens for spaces, only [a-z0-9-]. */
    public static String slug(String field, String name) {
        String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-').replaceAll("[^a-z0-9-]", "")
                .replaceAll("-{2,}", "-").replaceAll("^-|-$", "");
        if (slug.isEmpty()) {
            throw new ValidationError(field, name, "leaves nothing usable for a folder name. Use some letters or digits.");
        }
        return slug;
    }
}
