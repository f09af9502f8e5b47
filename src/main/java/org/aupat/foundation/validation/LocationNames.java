package org.aupat.foundation.validation;

import java.util.regex.Pattern;
import org.aupat.foundation.error.ValidationError;

/** Location, aka and sub-location names (docs/rules.md, Locations): ASCII, single spaces, trimmed, 1 to 255 characters. */
public final class LocationNames {
    static final int MAX_LENGTH = 255;
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9 _'-]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private LocationNames() {
    }

    /** The name transliterated to ASCII, whitespace runs collapsed to one space and trimmed; refused if unusable. */
    public static String normalise(String field, String name) {
        if (name == null) {
            throw new ValidationError(field, null, "is missing. Give a name such as \"Buffalo Central Terminal\".");
        }
        // A tab from a paste is whitespace like any other; a newline or escape is not part of a name.
        if (name.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            throw new ValidationError(field, name, "contains control characters (a newline?). Type the name on one line.");
        }
        String ascii = WHITESPACE.matcher(Ascii.transliterate(name)).replaceAll(" ").trim();
        if (ascii.isEmpty()) {
            throw new ValidationError(field, name, "is empty. Give a name such as \"Buffalo Central Terminal\".");
        }
        if (ascii.length() > MAX_LENGTH) {
            throw new ValidationError(field, name, "is " + ascii.length() + " characters long; at most "
                    + MAX_LENGTH + " are allowed. Shorten it.");
        }
        if (!ALLOWED.matcher(ascii).matches()) {
            throw new ValidationError(field, name, "may contain only letters, digits, spaces, hyphens, underscores"
                    + " and apostrophes (after transliteration it reads '" + ascii + "'). Remove the other characters.");
        }
        return ascii;
    }
}
