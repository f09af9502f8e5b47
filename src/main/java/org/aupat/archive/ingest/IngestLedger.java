package org.aupat.archive.ingest;

import java.util.List;
import java.util.Set;
import org.aupat.archive.ingest.IngestItem.Placed;
import org.aupat.archive.location.LocationRepository;
import org.aupat.archive.media.MediaRepository;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a chunk of archived files, and touches their locations, in one transaction. */
@Component
class IngestLedger {
    private final MediaRepository media;
    private final LocationRepository locations;

    IngestLedger(MediaRepository media, LocationRepository locations) {
        this.media = media;
        this.locations = locations;
    }

    @RetryTransient
    @Transactional
    public void record(List<Placed> placed, Set<String> touchedLocations, String now) {
        for (Placed p : placed) {
            media.archived(p.row().key(), p.name(), p.target().toString(), now);
        }
        touchedLocations.forEach(uuid -> locations.touch(uuid, now));
    }
}
