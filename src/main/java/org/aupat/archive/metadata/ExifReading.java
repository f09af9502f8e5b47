package org.aupat.archive.metadata;

import java.nio.file.Path;
import org.aupat.foundation.error.ExternalToolError;

/** exiftool's answer for one file: its metadata, or a recoverable failure after one retry. */
public record ExifReading(Path file, ExifMetadata metadata, ExternalToolError failure) {

    public boolean failed() {
        return failure != null;
    }
}
