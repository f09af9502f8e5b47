package org.aupat.foundation.validation;

import com.ibm.icu.text.Transliterator;

/** Transliteration of any script to plain ASCII (stand-in until the validation package lands). */
public final class Ascii {
    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");

    private Ascii() {
    }

    public static String transliterate(String text) {
        synchronized (TO_ASCII) {
            return TO_ASCII.transliterate(text);
        }
    }
}
