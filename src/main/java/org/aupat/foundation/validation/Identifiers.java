package org.aupat.foundation.validation;

import java.util.regex.Pattern;
import org.aupat.foundation.error.ValidationError;

/** Checks of the identifiers AUPAT stores: UUID v4, SHA-256 and file extensions. */
public final class Identifiers {
    private static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    private Identifiers() {
    }

    /** Whether the value is a UUID version 4, 36 lowercase characters with hyphens (for checks with their own advice). */
    public static boolean isUuid(String value) {
        return value != null && UUID_V4.matcher(value).matches();
    }

    /** Whether the value is a SHA-256, 64 lowercase hex characters. */
    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value).matches();
    }

    /** A UUID version 4, 36 lowercase characters with hyphens; returned unchanged. */
    public static String uuid(String field, String value) {
        return matching(field, value, UUID_V4, "is not a UUID v4: 36 lowercase characters such as"
                + " 3f2504e0-4f89-41d3-9a0c-0305e82c3301 (make one with --script=gen_uuid).");
    }

    /** A SHA-256, 64 lowercase hex characters; returned unchanged. */
    public static String sha256(String field, String value) {
        return matching(field, value, SHA256, "is not a SHA-256: 64 lowercase hex characters"
                + " (compute one with --script=gen_sha).");
    }

    /** A file extension without the dot, letters and digits only; returned lowercased. */
    public static String extension(String field, String value) {
        String bare = value != null && value.startsWith(".") ? value.substring(1) : value;
        return matching(field, bare, EXTENSION, "is not a file extension: 1 to 16 letters or digits, such as jpg.")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String matching(String field, String value, Pattern pattern, String problem) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new ValidationError(field, value, value == null ? "is missing; " + problem : problem);
        }
        return value;
    }
}
