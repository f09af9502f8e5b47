package org.aupat.archive.importing;

import org.aupat.archive.media.Classification;

/**
 * What db_import does with one entry of its source, and why ({@link ImportDecision} decides it). Every entry
 * ends as exactly one of: not a file, ignored, failed, duplicate, imported; {@code READ_BYTES} is the
 * verdict before the bytes are read, when only the SHA-256 can tell a duplicate from a new file.
 *
 * @param kind  the verdict
 * @param file  the file's classification (null for an entry that is not a file)
 * @param why   why it is not imported: the skip reason, the ignore rule or the failure; null otherwise
 * @param owner the location that already owns the bytes, for a duplicate
 * @param name  the standard name, for a file to import
 */
record FileOutcome(Kind kind, Classification file, String why, String owner, String name) {

    /** The possible verdicts. */
    enum Kind { NOT_A_FILE, IGNORED, FAILED, READ_BYTES, DUPLICATE, IMPORTED }

    static FileOutcome notAFile(String reason) {
        return new FileOutcome(Kind.NOT_A_FILE, null, reason, null, null);
    }

    static FileOutcome ignored(Classification file) {
        return new FileOutcome(Kind.IGNORED, file, file.ignoredBecause(), null, null);
    }

    static FileOutcome failed(Classification file, String why) {
        return new FileOutcome(Kind.FAILED, file, why, null, null);
    }

    static FileOutcome readBytes(Classification file) {
        return new FileOutcome(Kind.READ_BYTES, file, null, null, null);
    }

    static FileOutcome duplicate(Classification file, String owner) {
        return new FileOutcome(Kind.DUPLICATE, file, null, owner, null);
    }

    static FileOutcome imported(Classification file, String name) {
        return new FileOutcome(Kind.IMPORTED, file, null, null, name);
    }

    /** Whether the bytes must be read (copied or hashed) before the verdict is known. */
    boolean needsBytes() {
        return kind == Kind.READ_BYTES;
    }
}
