package org.aupat.archive.media;

/** The three kinds of media, each with the prefix of its table's columns and names (img_sha256, img_...). */
public enum MediaType {
    IMAGE("img", "images", "camera", "phone", "drone", "go_pro", "film", "other"),
    VIDEO("vid", "videos", "camera", "phone", "drone", "go_pro", "dash_cam", "other"),
    DOCUMENT("doc", "documents");

    private final String prefix;
    private final String table;
    private final java.util.List<String> flagColumns;

    MediaType(String prefix, String table, String... flagColumns) {
        this.prefix = prefix;
        this.table = table;
        this.flagColumns = java.util.List.of(flagColumns);
    }

    /**
     * The table's hardware flag columns, in the order ingest reads them, {@code other} last; exactly one is 1
     * once a file is organised. Which category sets which is HardwareCategory's business.
     */
    public java.util.List<String> flagColumns() {
        return flagColumns;
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
