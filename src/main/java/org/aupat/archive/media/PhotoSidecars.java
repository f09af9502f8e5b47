package org.aupat.archive.media;

import java.util.List;
import java.util.Locale;

/**
 * Edit and metadata sidecars that belong to the photo with their name stem in their folder: Adobe (XMP),
 * Apple Photos (AAE), DxO (DOP), RawTherapee (PP3). db_organize links them to their photo; db_ingest
 * archives a linked one under its photo's name, beside it (see ArchiveLayout#sidecarFileName).
 */
public final class PhotoSidecars {
    /** The sidecar extensions, lowercase, without the dot. */
    public static final List<String> EXTENSIONS = List.of("xmp", "aae", "dop", "pp3");

    private PhotoSidecars() {
    }

    /** Whether a document with this extension (any case, no dot) is a photo sidecar. */
    public static boolean is(String extension) {
        return extension != null && EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }
}
