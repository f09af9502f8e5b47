package org.aupat.archive.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.media.MediaType;

/**
 * The accounting of one import: every file found ends as exactly one of imported, duplicate (with the
 * location that owns it), ignored (with the rule) or failed (in the failure log).
 */
public final class ImportSummary {
    private final String locationUuid;
    private final String locationName;
    private final boolean locationCreated;
    private final Map<MediaType, Long> imported = new EnumMap<>(MediaType.class);
    private final Map<String, String> duplicates = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> notFiles = new ArrayList<>();
    private long found;
    private long bytes;
    private long linked;
    private long resumedFrom;

    ImportSummary(String locationUuid, String locationName, boolean locationCreated) {
        this.locationUuid = locationUuid;
        this.locationName = locationName;
        this.locationCreated = locationCreated;
    }

    void countFound() {
        found++;
    }

    void imported(MediaType type, long size, boolean hardlinked) {
        imported.merge(type, 1L, Long::sum);
        bytes += size;
        if (hardlinked) {
            linked++;
        }
    }

    void duplicate(String path, String owner) {
        duplicates.put(path, owner);
    }

    void ignored(String path, String rule) {
        ignored.put(path, rule);
    }

    void failed(String path) {
        failed.add(path);
    }

    /** An entry that is not a regular file (link, pipe, unreadable folder): reported, never imported. */
    void notAFile(String path, String reason) {
        notFiles.add(path + ": " + reason);
    }

    void resumedFrom(long position) {
        resumedFrom = position;
    }

    public String locationUuid() {
        return locationUuid;
    }

    public String locationName() {
        return locationName;
    }

    public boolean locationCreated() {
        return locationCreated;
    }

    public long found() {
        return found;
    }

    public long imported(MediaType type) {
        return imported.getOrDefault(type, 0L);
    }

    public long importedTotal() {
        return imported.values().stream().mapToLong(Long::longValue).sum();
    }

    public Map<String, String> duplicates() {
        return duplicates;
    }

    public Map<String, String> ignored() {
        return ignored;
    }

    public List<String> failed() {
        return failed;
    }

    public List<String> notFiles() {
        return notFiles;
    }

    public long bytes() {
        return bytes;
    }

    public long linked() {
        return linked;
    }

    public long resumedFromPosition() {
        return resumedFrom;
    }

    /** Files found in this run equal imported + duplicates + ignored + failed (the spec's match count). */
    public boolean addsUp() {
        return found == importedTotal() + duplicates.size() + ignored.size() + failed.size();
    }
}
