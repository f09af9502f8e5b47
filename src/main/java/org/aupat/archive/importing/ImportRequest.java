package org.aupat.archive.importing;

import java.nio.file.Path;
import org.aupat.archive.location.LocationService;

/**
 * What db_import was asked to do.
 *
 * @param source     the folder to import (never modified)
 * @param location   the location options
 * @param film       images are scans of film
 * @param filmStock  the film stock, or null
 * @param hardlink   link instead of copy when staging shares the source's file system
 */
public record ImportRequest(Path source, LocationService.Request location, boolean film, String filmStock,
                            boolean hardlink) {
}
