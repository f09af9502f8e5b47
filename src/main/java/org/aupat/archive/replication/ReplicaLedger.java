package org.aupat.archive.replication;

import java.util.List;
import org.aupat.foundation.retry.RetryTransient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Records a chunk's proven copies in one transaction, retried when the database is busy. */
@Component
class ReplicaLedger {
    private final ReplicaRepository repository;

    ReplicaLedger(ReplicaRepository repository) {
        this.repository = repository;
    }

    @RetryTransient
    @Transactional
    public void record(List<ReplicaRepository.Copy> copies, String now) {
        for (ReplicaRepository.Copy copy : copies) {
            repository.record(copy, now);
        }
    }

    /** One chunk of db_verify --replica: the copies that held their bytes, and the ones that did not. */
    @RetryTransient
    @Transactional
    public void checked(String replica, List<String> good, List<String> bad, String now) {
        good.forEach(path -> repository.verified(replica, path, now));
        bad.forEach(path -> repository.forget(replica, path));
    }
}
