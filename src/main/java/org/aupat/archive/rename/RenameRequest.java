package org.aupat.archive.rename;

import org.aupat.archive.location.LocationService.Renaming;

/**
 * What rename was asked.
 *
 * @param location    the --location reference
 * @param subLocation the sub-location to rename (its name or uuid), or null to rename the location
 * @param changes     the new values
 * @param moveFolder  move the location's folder to the one its new name, state and type give
 */
public record RenameRequest(String location, String subLocation, Renaming changes, boolean moveFolder) {
}
