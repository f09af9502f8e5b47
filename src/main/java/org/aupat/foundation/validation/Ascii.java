package org.aupat.foundation.validation;

import com.ibm.icu.text.Transliterator;

/** Unicode to closest ASCII ("Café" -> "Cafe", "Straße" -> "Strasse", "Łódź" -> "Lodz") (docs/rules.md, Locations). */
public final class Ascii {
    private Ascii() {
    }

    /**
     * Built on first need only: parsing ICU's rules takes about 0.2 s of every start-up, and most names
     * are plain ASCII already. One instance; it is thread-safe.
     */
    private static final class Icu {
        static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    }

    /** The closest ASCII spelling of the text; characters with no Latin form may stay non-ASCII. */
    public static String transliterate(String text) {
        return isAscii(text) ? text : Icu.TO_ASCII.transliterate(text);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
