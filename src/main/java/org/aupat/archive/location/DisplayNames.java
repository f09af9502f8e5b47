package org.aupat.archive.location;

import org.aupat.foundation.validation.LocationNames;

/**
 * Display form of location, aka and sub-location names: the validated ASCII name in a
 * deterministic, locale-independent title case. Folder slugs come from ArchiveLayout.slug.
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    /** "  café   élan's  théâtre" -> "Cafe Elan's Theatre"; refuses what cannot be a name. */
    public static String normalise(String field, String raw) {
        return titleCase(LocationNames.normalise(field, raw));
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

    /**
     * How a typed name is compared with stored ones: accents and case do not count (stored names are ASCII
     * already), runs of spaces count as one. For finding a location by name, never for storing one.
     */
    public static String key(String raw) {
        return org.aupat.foundation.validation.Ascii.transliterate(raw.strip()).replaceAll("\\s+", " ")
                .toLowerCase(java.util.Locale.ROOT);
    }
}
