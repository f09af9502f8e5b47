package org.aupat.foundation.validation;

import com.ibm.icu.text.Transliterator;

/** Unicode to closest ASCII ("Café" -> "Cafe", "Straße" -> "Strasse", "Łódź" -> "Lodz"), as the spec's unidecode step. */
public final class Ascii {
    /** Building an ICU transliterator parses its rules and is slow, so there is one; it is thread-safe. */
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Ascii() {
    }

    /** The closest ASCII spelling of the text; characters with no Latin form may stay non-ASCII. */
    public static String transliterate(String text) {
        return TO_ASCII.transliterate(text);
    }
}
