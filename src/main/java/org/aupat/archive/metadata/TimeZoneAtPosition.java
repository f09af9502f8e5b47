package org.aupat.archive.metadata;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.iakovlev.timeshape.TimeZoneEngine;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The time zone at a GPS position, from the time-zone boundaries shipped inside the timeshape library
 * (offline; data from timezone-boundary-builder, ODbL). The boundaries take seconds and about 200 MB of
 * heap to load, so they are loaded on the first question only, and once per process: most files give
 * their offset themselves and a run never pays for them (docs/rules.md, "Capture time").
 */
@Service
public class TimeZoneAtPosition {
    private static final Logger log = LoggerFactory.getLogger(TimeZoneAtPosition.class);
    /** Loaded once per process and shared (the data never changes while it runs): tests share it too. */
    private static volatile TimeZoneEngine engine;

    /**
     * The zone whose boundary holds the position, empty when there is none: an impossible position, or
     * the open sea, where the data has only nautical zones (Etc/GMT+2...) that say nothing about the
     * clock a photographer set.
     *
     * @throws AupatError when the boundaries cannot be loaded (not enough memory): the run stops before
     *                    it stores a guess it could not check
     */
    public Optional<ZoneId> zoneAt(double latitude, double longitude) {
        if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
            return Optional.empty();
        }
        List<ZoneId> zones = engine().queryAll(latitude, longitude);
        // Where boundaries overlap (a disputed border) the first one named, as the data lists them.
        return zones.stream().filter(zone -> !zone.getId().startsWith("Etc/")).findFirst();
    }

    private static TimeZoneEngine engine() {
        TimeZoneEngine loaded = engine;
        if (loaded == null) {
            synchronized (TimeZoneAtPosition.class) {
                loaded = engine;
                if (loaded == null) {
                    loaded = load();
                    engine = loaded;
                }
            }
        }
        return loaded;
    }

    private static TimeZoneEngine load() {
        long start = System.nanoTime();
        try {
            TimeZoneEngine loaded = TimeZoneEngine.initialize();
            // bench/timezones.sh reads this line (the memory it takes is measured there, from outside).
            log.info(LogMarkers.FILE_ONLY, "time-zone boundaries loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (OutOfMemoryError e) {
            throw new AupatError("Not enough memory to load the time-zone boundaries (about 200 MB) needed for photos"
                    + " with a GPS position but no UTC offset; what was organised stays. Run again with more heap,"
                    + " for example JAVA_OPTS=-Xmx512m.", e);
        } catch (RuntimeException | LinkageError e) {
            throw new AupatError("The time-zone boundaries (timeshape) could not be loaded (" + e
                    + "); what was organised stays. See logs/error.log.", e);
        }
    }
}
