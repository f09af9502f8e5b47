package org.aupat.archive.location;

/**
 * A place in the archive: one row of {@code locations}.
 *
 * @param uuid      loc_uuid, UUID v4
 * @param name      normalised display name
 * @param akaName   normalised "also known as" name, or null
 * @param state     lowercase USPS code
 * @param type      normalised location type
 * @param subType   normalised sub-type, or null
 * @param orgLoc    the source folder of the first import
 * @param locLoc    the archive folder, once db_folder made it
 * @param author    who imported it, lowercase, or null
 */
public record Location(String uuid, String name, String akaName, String state, String type, String subType,
                       String orgLoc, String locLoc, String author) {
}
