package org.aupat.foundation.error;

/** exiftool or ffprobe died while working (not a refusal of the file): starting it again may succeed. */
public class ExternalToolCrashedError extends ExternalToolError {
    public ExternalToolCrashedError(String message, java.util.Map<String, ?> context, Throwable cause) {
        super(message, true, context, cause);
    }
}
