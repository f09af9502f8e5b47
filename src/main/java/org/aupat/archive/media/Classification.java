package org.aupat.archive.media;

/**
 * The verdict on one file name: ignored (with the reason), or a media type with its extension
 * (lowercase, no dot; {@code none} for a document without extension).
 */
public record Classification(MediaType type, String extension, String ignoredBecause) {

    public boolean ignored() {
        return ignoredBecause != null;
    }
}
