package org.aupat.foundation.error;

/** Input that AUPAT refuses: an option, a name, a path or a file's content. */
public class ValidationError extends AupatError {
    private final String field;
    private final String value;

    /** @param field the option or field at fault, @param value the value refused (may be null) */
    public ValidationError(String field, Object value, String problem) {
        super(describe(field, value, problem), false, java.util.Map.of("field", field), null);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    private static String describe(String field, Object value, String problem) {
        return value == null ? field + ": " + problem : field + " '" + printable(String.valueOf(value)) + "': " + problem;
    }

    /** Keeps control characters and long values out of one-line messages. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(120).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > 120 ? out + "..." : out.toString();
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}
