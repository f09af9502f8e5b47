package org.aupat.archive.importing;

import java.nio.file.Path;
import java.util.List;
import org.aupat.archive.location.LocationService;

/**
 * What db_import was asked to do.
 *
 * @param source     the folder to import (never modified)
 * @param location   the location options
 * @param film       images are scans of film
 * @param filmStock  the film stock, or null
 * @param hardlink   link instead of copy when staging shares the source's file system
 * @param removeUrls web addresses to take off the location (--remove-url)
 */
public record ImportRequest(Path source, LocationService.Request location, boolean film, String filmStock,
                            boolean hardlink, List<String> removeUrls) {
    public ImportRequest {
        removeUrls = removeUrls == null ? List.of() : List.copyOf(removeUrls);
    }

    /** An import that removes no URL. */
    public ImportRequest(Path source, LocationService.Request location, boolean film, String filmStock, boolean hardlink) {
        this(source, location, film, filmStock, hardlink, List.of());
    }

    /** Whether only the location's URLs change: no source folder, an existing location, URLs to add or remove. */
    public boolean urlsOnly() {
        return source == null && location.existingLocation() != null
                && (!removeUrls.isEmpty() || (location.urls() != null && !location.urls().isEmpty()));
    }
}
