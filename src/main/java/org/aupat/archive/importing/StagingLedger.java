package org.aupat.archive.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aupat.archive.finding.DuplicateSighting;
import org.aupat.archive.finding.SightingRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.archive.media.MediaType;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a chunk of staged files in one transaction, retried when the database is busy. */
@Component
class StagingLedger {
    private final MediaRepository media;
    private final SightingRepository sightings;

    StagingLedger(MediaRepository media, SightingRepository sightings) {
        this.media = media;
        this.sightings = sightings;
    }

    /**
     * A staged file whose bytes another run (on this machine or another, sharing the database) recorded first:
     * it is a duplicate of {@code owner}'s file at {@code ownerPath}.
     */
    record Lost(Staged row, String owner, String ownerPath) {
    }

    /**
     * Inserts the rows as brought by this import, each video with the metadata of its thumbnail when
     * {@code thumbnails} has one (by SHA-256). A row whose bytes another run recorded meanwhile is not
     * written: the unique SHA-256 of its table refuses it in this transaction (docs/postgresql.md), it is
     * recorded as a duplicate sighting like any other, and it is returned so that its staged copy can go.
     * Then the duplicates seen (after the rows: a duplicate of a file earlier in the chunk names a row recorded
     * here), as seen by this import.
     */
    @RetryTransient
    @Transactional
    public List<Lost> record(List<Staged> rows, List<DuplicateSighting> seen, String now, String importId,
                       Map<String, String> thumbnails) {
        List<Lost> lost = new ArrayList<>();
        for (Staged row : rows) {
            if (media.insertStagedIfAbsent(row, now, importId)) {
                if (row.type() == MediaType.VIDEO && thumbnails.containsKey(row.sha())) {
                    media.setVideoThumbnailExif(row.sha(), thumbnails.get(row.sha()));
                }
            } else {
                sightings.record(new DuplicateSighting(row.type(), row.sha(), row.originalFolder(), row.originalName(),
                        row.locationUuid(), row.subUuid(), row.author()), now, importId);
                lost.add(new Lost(row, media.owner(row.type(), row.sha()).orElse(row.locationUuid()),
                        media.pathOf(row.type(), row.sha()).orElse(null)));
            }
        }
        seen.forEach(sighting -> sightings.record(sighting, now, importId));
        return lost;
    }
}
