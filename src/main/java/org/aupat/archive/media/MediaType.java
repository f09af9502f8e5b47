package org.aupat.archive.media;

/** The three kinds of media, each with the prefix of its table's columns and names (img_sha256, img_...). */
public enum MediaType {
    IMAGE("img", "images"),
    VIDEO("vid", "videos"),
    DOCUMENT("doc", "documents");

    private final String prefix;
    private final String table;

    MediaType(String prefix, String table) {
        this.prefix = prefix;
        this.table = table;
    }

    /** img, vid or doc. */
    public String prefix() {
        return prefix;
    }

    public String table() {
        return table;
    }

    /** The type for img, vid or doc; null for anything else. */
    public static MediaType fromPrefix(String prefix) {
        for (MediaType type : values()) {
            if (type.prefix.equals(prefix)) {
                return type;
            }
        }
        return null;
    }
}
