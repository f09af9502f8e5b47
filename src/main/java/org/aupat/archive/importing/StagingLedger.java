package org.aupat.archive.importing;

import java.util.List;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaRepository.Staged;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a chunk of staged files in one transaction, retried when the database is busy. */
@Component
class StagingLedger {
    private final MediaRepository media;

    StagingLedger(MediaRepository media) {
        this.media = media;
    }

    /** Inserts the rows as brought by this import; a row whose bytes another run recorded meanwhile is left as it is. */
    @RetryTransient
    @Transactional
    public void record(List<Staged> rows, String now, String importId) {
        for (Staged row : rows) {
            if (media.owner(row.type(), row.sha()).isEmpty()) {
                media.insertStaged(row, now, importId);
            }
        }
    }
}
