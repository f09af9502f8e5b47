package org.aupat.foundation.rollback;

/** A verified copy: the SHA-256 and size of the bytes, and whether an identical file was already there. */
public record CopyResult(String sha256, long size, boolean alreadyPresent) {
}
