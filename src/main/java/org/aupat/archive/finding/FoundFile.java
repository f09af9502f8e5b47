package org.aupat.archive.finding;

/**
 * One file the find script found: the archived file (or, before db_ingest, its staged copy) with where it came
 * from. For a duplicate an import saw, the original name and folder, location and author are the duplicate's
 * own and {@code duplicate} says when it was seen and which archived file holds its bytes.
 *
 * @param path            the file holding the bytes (archive or staging); null when no file holds them any more
 * @param type            img, vid or doc
 * @param sha256          the bytes' SHA-256
 * @param originalFolder  the folder it was imported from
 * @param originalName    its name there
 * @param location        the location's UUID
 * @param locationName    the location's name
 * @param subLocation     the sub-location's UUID, or null
 * @param importId        the import that brought it (for a duplicate: that saw it), or null before imports were recorded
 * @param state           STAGED, ORGANIZED, ARCHIVED or VERIFIED; null when no file holds the bytes
 * @param taken           the capture time on the camera's clock, or null
 * @param hardware        the hardware category (dslr, phone, drone...), or null (documents, not organised yet)
 * @param make            camera make as read, or null
 * @param model           camera model as read, or null
 * @param damaged         whether exiftool or ffprobe reported the file damaged
 * @param size            bytes, or null when imported before sizes were recorded
 * @param duplicate       for a duplicate sighting: when and as what; null for an archived file itself
 */
public record FoundFile(String path, String type, String sha256, String originalFolder, String originalName,
                        String location, String locationName, String subLocation, String importId, String state, String taken,
                        String hardware, String make, String model, boolean damaged, Long size, Duplicate duplicate) {

    /**
     * Where a duplicate's bytes are held.
     *
     * @param seen                when the import saw it (UTC)
     * @param author              who imported it, or null
     * @param heldBy              the location of the archived file, or null when it is gone
     * @param heldAsFolder        the archived file's own original folder
     * @param heldAsName          the archived file's own original name
     */
    public record Duplicate(String seen, String author, String heldBy, String heldAsFolder, String heldAsName) {
    }
}
