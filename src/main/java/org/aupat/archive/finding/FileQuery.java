package org.aupat.archive.finding;

import java.time.LocalDate;
import java.util.Set;
import org.aupat.archive.media.MediaType;

/**
 * What the find script looks for, checked ({@link FindingService#query}); every criterion null (or empty) when
 * not given, and a file must meet all given ones.
 *
 * @param nameGlob     original name, a glob (* ? [..]) compared without regard to case
 * @param folder       original folder: this folder and those below it, or a glob when it has * ? or [
 * @param shaPrefix    lowercase hex, 1 to 64 digits
 * @param make         a part of the camera make, lowercase
 * @param model        a part of the camera model, lowercase
 * @param hardware     a hardware category (dslr, phone...) or a flag (camera, go_pro...), as given
 * @param types        the media types to look in (all three when none was asked)
 * @param from         first capture day (camera clock), inclusive
 * @param to           last capture day, inclusive
 * @param location     loc_uuid
 * @param subLocation  sub_uuid
 * @param importId     imp_id of the import that brought the files (or saw the duplicates)
 * @param damaged      only files exiftool or ffprobe reported damaged (no duplicate sightings)
 * @param notVerified  only files db_verify has not verified yet (no duplicate sightings)
 */
public record FileQuery(String nameGlob, String folder, String shaPrefix, String make, String model, String hardware,
                        Set<MediaType> types, LocalDate from, LocalDate to, String location, String subLocation,
                        String importId, boolean damaged, boolean notVerified) {
    /** The same query for damaged files only. */
    FileQuery damagedOnly() {
        return new FileQuery(nameGlob, folder, shaPrefix, make, model, hardware, types, from, to, location, subLocation,
                importId, true, notVerified);
    }

    /** The same query for files not verified yet only. */
    FileQuery notVerifiedOnly() {
        return new FileQuery(nameGlob, folder, shaPrefix, make, model, hardware, types, from, to, location, subLocation,
                importId, damaged, true);
    }

    /** Whether only photos and videos can match (a camera or capture criterion: documents have neither). */
    boolean needsCamera() {
        return make != null || model != null || hardware != null || from != null || to != null || damaged;
    }
}
