package org.aupat.archive.media;

import java.util.Objects;

/** What identifies a media row: its table (the media type) and the SHA-256 of its bytes. */
public record MediaKey(MediaType type, String sha256) {
    public MediaKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sha256, "sha256");
    }
}
