package org.aupat.archive.importing;

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
     * Inserts the rows as brought by this import, each video with the metadata of its thumbnail when
     * {@code thumbnails} has one (by SHA-256); a row whose bytes another run recorded meanwhile is left as it
     * is. Then the duplicates seen (after the rows: a duplicate of a file earlier in the chunk names a row recorded
     * here), as seen by this import.
     */
    @RetryTransient
    @Transactional
    public void record(List<Staged> rows, List<DuplicateSighting> seen, String now, String importId,
                       Map<String, String> thumbnails) {
        for (Staged row : rows) {
            if (media.owner(row.type(), row.sha()).isEmpty()) {
                media.insertStaged(row, now, importId);
                if (row.type() == MediaType.VIDEO && thumbnails.containsKey(row.sha())) {
                    media.setVideoThumbnailExif(row.sha(), thumbnails.get(row.sha()));
                }
            }
        }
        seen.forEach(sighting -> sightings.record(sighting, now, importId));
    }
}
