package org.aupat.archive.finding;

/**
 * One location as the locations script lists it: what it is, how much it holds and where.
 *
 * @param uuid          loc_uuid
 * @param uuid12        the UUID's first hex digits as folder and file names show them
 * @param name          its name
 * @param aka           its other name, or null
 * @param state         USPS code
 * @param type          location type
 * @param subType       sub-type, or null
 * @param subLocations  number of sub-locations
 * @param photos        number of photos (images)
 * @param videos        number of videos
 * @param documents     number of documents
 * @param urls          number of web pages
 * @param firstCapture  the earliest capture time on its cameras' clocks ("2023-05-01T10:00:00"), or null
 * @param lastCapture   the latest one, or null
 * @param lastImport    when a file was last added to it (UTC), or when it was registered
 * @param bytes         the size of its files as recorded at import
 * @param unsized       files imported before sizes were recorded (not in {@code bytes})
 * @param folder        its archive folder, or null before db_folder made it
 */
public record LocationSummary(String uuid, String uuid12, String name, String aka, String state, String type,
                              String subType, long subLocations, long photos, long videos, long documents, long urls,
                              String firstCapture, String lastCapture, String lastImport, long bytes, long unsized,
                              String folder) {
}
