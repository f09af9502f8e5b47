package org.aupat.archive.moving;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aupat.archive.location.Location;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.moving.MoveService.FileMove;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a chunk of moved files in one transaction: each row's new name, path, location and sub-location, a
 * record of the move, and both locations touched (so their master JSON is stale until rewritten).
 */
@Component
class MoveLedger {
    private final MediaRepository media;
    private final MoveRepository moves;
    private final LocationRepository locations;

    MoveLedger(MediaRepository media, MoveRepository moves, LocationRepository locations) {
        this.media = media;
        this.moves = moves;
        this.locations = locations;
    }

    @RetryTransient
    @Transactional
    public void record(List<FileMove> chunk, String now) {
        Set<String> touched = new LinkedHashSet<>();
        for (FileMove m : chunk) {
            media.moved(m.row().key(), m.name(), m.to().toString(), m.toLocation(), m.toSub(), now);
            moves.recordMove(m.row().key(), m.row().locationUuid(), m.row().subUuid(), m.from().toString(), m.toLocation(),
                    m.toSub(), m.to().toString(), now);
            touched.add(m.row().locationUuid());
            touched.add(m.toLocation());
        }
        touched.forEach(uuid -> locations.touch(uuid, now));
    }

    /** Moves a location's sub-locations and imports to another; returns how many sub-locations. */
    @RetryTransient
    @Transactional
    public int moveSubLocationsAndImports(String from, String into, String intoFolder, String now) {
        int n = moves.moveSubLocations(from, into, intoFolder, now);
        moves.moveImports(from, into);
        locations.touch(into, now);
        return n;
    }

    /** An import moved whole: its record names the location (and sub-location) its files are in now. */
    @RetryTransient
    @Transactional
    public void moveImport(String importId, String into, String subUuid, String now) {
        if (moves.moveImport(importId, into, subUuid)) {
            locations.touch(into, now);
        }
    }

    /** A URL now belongs to another location, its website folder in that one's folder. */
    @RetryTransient
    @Transactional
    public void moveUrl(String urlUuid, String into, String folder, String now) {
        moves.moveUrl(urlUuid, into, folder, now);
        locations.touch(into, now);
    }

    /** Records the merge and deletes the merged location, which must have no file left. */
    @RetryTransient
    @Transactional
    public void removeMerged(Location merged, String into, String now) {
        moves.recordMerge(merged.uuid(), merged.name(), into, now);
        if (!locations.deleteIfEmpty(merged.uuid())) {
            throw new FileSystemError("location " + merged.uuid() + " still has files after the merge; nothing of it"
                    + " was removed. Run the merge again.");
        }
        locations.touch(into, now);
    }
}
