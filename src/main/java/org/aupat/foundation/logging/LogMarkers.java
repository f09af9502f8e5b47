package org.aupat.foundation.logging;

import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** Markers the logback configuration routes on. */
public final class LogMarkers {
    /** Written to the log files only, never to the console (stack traces, internal detail). */
    public static final Marker FILE_ONLY = MarkerFactory.getMarker("FILE_ONLY");

    private LogMarkers() {
    }
}
