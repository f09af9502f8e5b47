package org.aupat.archive.verify;

import java.util.List;
import org.aupat.archive.media.MediaRepository;
import org.aupat.archive.media.MediaKey;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records one chunk's passed and failed checks in one transaction, retried when the database is busy. */
@Component
class VerifyLedger {
    private final MediaRepository media;

    VerifyLedger(MediaRepository media) {
        this.media = media;
    }

    @RetryTransient
    @Transactional
    public void record(List<MediaKey> passed, List<MediaKey> failed, String now) {
        for (MediaKey key : passed) {
            media.verified(key, now);
        }
        for (MediaKey key : failed) {
            media.verificationFailed(key);
        }
    }
}
