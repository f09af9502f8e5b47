package org.aupat.foundation.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.aupat.foundation.error.ValidationError;

/** US state codes (docs/rules.md, Locations): the 50 states, DC and five territories, lowercase; full English names accepted. */
public final class StateCodes {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Lowercase full name -> code; its values are the 56 valid codes. */
    private static final Map<String, String> BY_NAME = byName(
            "alabama", "al", "alaska", "ak", "arizona", "az", "arkansas", "ar", "california", "ca",
            "colorado", "co", "connecticut", "ct", "delaware", "de", "florida", "fl", "georgia", "ga",
            "hawaii", "hi", "idaho", "id", "illinois", "il", "indiana", "in", "iowa", "ia",
            "kansas", "ks", "kentucky", "ky", "louisiana", "la", "maine", "me", "maryland", "md",
            "massachusetts", "ma", "michigan", "mi", "minnesota", "mn", "mississippi", "ms", "missouri", "mo",
            "montana", "mt", "nebraska", "ne", "nevada", "nv", "new hampshire", "nh", "new jersey", "nj",
            "new mexico", "nm", "new york", "ny", "north carolina", "nc", "north dakota", "nd", "ohio", "oh",
            "oklahoma", "ok", "oregon", "or", "pennsylvania", "pa", "rhode island", "ri", "south carolina", "sc",
            "south dakota", "sd", "tennessee", "tn", "texas", "tx", "utah", "ut", "vermont", "vt",
            "virginia", "va", "washington", "wa", "west virginia", "wv", "wisconsin", "wi", "wyoming", "wy",
            "district of columbia", "dc", "puerto rico", "pr", "us virgin islands", "vi", "guam", "gu",
            "american samoa", "as", "northern mariana islands", "mp");

    private StateCodes() {
    }

    /** The 56 valid codes, lowercase. */
    public static java.util.Collection<String> codes() {
        return Collections.unmodifiableCollection(BY_NAME.values());
    }

    /** The lowercase code for a code or full name in any case ("NY", " new  york " -> "ny"). */
    public static String normalise(String field, String state) {
        if (state == null) {
            throw new ValidationError(field, null, "is missing. " + examples());
        }
        String key = WHITESPACE.matcher(state.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (BY_NAME.containsValue(key)) {
            return key;
        }
        String code = BY_NAME.get(key);
        if (code == null) {
            throw new ValidationError(field, state, "is not a US state, DC or territory. " + examples());
        }
        return code;
    }

    private static String examples() {
        return "Give a two-letter code such as ny, pa, vt or dc, or a full name such as \"New York\".";
    }

    private static Map<String, String> byName(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
