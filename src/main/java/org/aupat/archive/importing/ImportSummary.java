package org.aupat.archive.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.console.Console;

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
    private final Map<String, String> duplicateShas = new LinkedHashMap<>();
    private final Map<String, String> ownerLabels = new LinkedHashMap<>();
    private String moveSuggestion;
    private final Map<String, String> ignored = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();
    private final List<String> notFiles = new ArrayList<>();
    private long found;
    private long bytes;
    private long linked;
    private long resumedFrom;
    private String importId;
    private int urlsAdded;
    private int urlsRemoved;
    private boolean urlsOnly;

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

    /**
     * A file counted as imported whose bytes another run recorded first: it becomes a duplicate of that run's
     * file. {@code path} is where it was found, as the other duplicates name it.
     */
    void lostToAnotherRun(MediaType type, long size, String path, String owner, String sha) {
        imported.merge(type, -1L, Long::sum);
        bytes -= size;
        duplicate(path, owner, sha);
    }

    void duplicate(String path, String owner, String sha) {
        duplicates.put(path, owner);
        if (sha != null) {
            duplicateShas.put(path, sha);
        }
    }

    /** The SHA-256 of each duplicate, by its path in the source. */
    Map<String, String> duplicateShas() {
        return duplicateShas;
    }

    /** How each location holding duplicates is printed: name and uuid prefix. */
    void ownerLabel(String uuid, String label) {
        ownerLabels.put(uuid, label);
    }

    /** The command that would move this card's files here, when all of them are already in one other place. */
    void moveSuggestion(String command) {
        moveSuggestion = command;
    }

    /** The suggested move command, or null. */
    public String moveSuggestion() {
        return moveSuggestion;
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

    void importId(String id) {
        importId = id;
    }

    /** The id of the import this run recorded (see ImportRepository), or null when none was. */
    public String importId() {
        return importId;
    }

    /** The URLs this run added to and removed from the location. */
    void urls(int added, int removed) {
        urlsAdded = added;
        urlsRemoved = removed;
    }

    /** This run had no source folder: it only changed the location's URLs. */
    void urlsOnly() {
        urlsOnly = true;
    }

    public int urlsAdded() {
        return urlsAdded;
    }

    public int urlsRemoved() {
        return urlsRemoved;
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

    /** How a location holding duplicates is named: "name, uuid prefix" once known, else its uuid. */
    String ownerLabelOf(String owner) {
        return ownerLabels.getOrDefault(owner, owner);
    }

    /** Files found in this run equal imported + duplicates + ignored + failed (every file accounted for). */
    public boolean addsUp() {
        return found == importedTotal() + duplicates.size() + ignored.size() + failed.size();
    }

    /** Prints the accounting for a person: the location and one totals line (the result, on standard output), the details in verbose mode, every failure. */
    public void printTo(Console console) {
        console.out((locationCreated ? "Registered location " : "Added to location ") + locationName + " ("
                + locationUuid + ")" + (importId != null ? ", import " + importId : "")
                + (resumedFrom > 0 ? ", resumed at entry " + resumedFrom : ""));
        if (urlsAdded + urlsRemoved > 0 || urlsOnly) {
            console.out("URLs: " + urlsAdded + " added, " + urlsRemoved + " removed.");
        }
        if (urlsOnly) {
            return;
        }
        console.out(String.format("Found %d files: %d imported (%d images, %d videos, %d documents; %s%s),"
                        + " %d duplicates, %d ignored, %d failed.", found, importedTotal(), imported(MediaType.IMAGE),
                imported(MediaType.VIDEO), imported(MediaType.DOCUMENT), Console.size(bytes),
                linked > 0 ? ", " + linked + " hard-linked" : "", duplicates.size(), ignored.size(), failed.size()));
        if (!duplicates.isEmpty()) {
            Map<String, Long> byOwner = new LinkedHashMap<>();
            duplicates.values().forEach(owner -> byOwner.merge(owner, 1L, Long::sum));
            List<String> held = new ArrayList<>();
            byOwner.forEach((owner, n) -> held.add(owner.equals(locationUuid) ? n + " in this location"
                    : n + " in " + ownerLabelOf(owner)));
            console.info("Duplicates already archived: " + String.join("; ", held) + ".");
        }
        // Each duplicate names where it is: on the screen for a few, with --verbose for many.
        boolean few = duplicates.size() <= 20;
        duplicates.forEach((path, owner) -> {
            String line = "  duplicate " + path + " (already in location " + ownerLabelOf(owner) + ")";
            if (few) {
                console.info(line);
            } else {
                console.detail(line);
            }
        });
        if (moveSuggestion != null) {
            console.info(moveSuggestion);
        }
        ignored.forEach((path, rule) -> console.detail("  ignored " + path + " (" + rule + ")"));
        failed.forEach(path -> console.warn("  failed " + path + " (see logs/failure.log)"));
        notFiles.forEach(entry -> console.info("  not imported: " + entry));
        if (!addsUp()) {
            console.warn("The counts do not add up to the files found; see logs/main.log.");
        }
    }
}
