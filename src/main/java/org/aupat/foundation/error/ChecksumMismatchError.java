package org.aupat.foundation.error;

import java.nio.file.Path;
import java.util.Map;

/** A file's SHA-256 is not the one recorded: the bytes changed or the copy is bad. */
public class ChecksumMismatchError extends FileSystemError {
    private final Path path;
    private final String expected;
    private final String actual;

    public ChecksumMismatchError(Path path, String expected, String actual) {
        super("SHA-256 mismatch for " + path + ": expected " + expected + ", found " + actual,
                false, Map.of("path", String.valueOf(path), "expected", expected, "actual", actual), null);
        this.path = path;
        this.expected = expected;
        this.actual = actual;
    }

    public Path path() {
        return path;
    }

    public String expected() {
        return expected;
    }

    public String actual() {
        return actual;
    }
}
