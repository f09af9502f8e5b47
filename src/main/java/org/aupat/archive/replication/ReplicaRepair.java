package org.aupat.archive.replication;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.hashing.FileHasher;
import org.aupat.foundation.rollback.FileTransaction;
import org.aupat.foundation.rollback.FileTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts an archived file whose bytes went bad (or that went missing) back from the first replica, in name
 * order, whose copy holds the recorded bytes: in one file transaction the damaged file is set aside and the
 * replica's copy fetched under a temporary name and checked against the recorded SHA-256 as it is written;
 * the transaction keeps both only once the archive file is re-read and matches. A replica that cannot be
 * reached, or whose copy differs, is passed over (and a differing copy forgotten, so replicate sends it).
 */
@Component
public class ReplicaRepair {
    private static final Logger log = LoggerFactory.getLogger(ReplicaRepair.class);
    private final Replicas replicas;
    private final ReplicaRepository repository;
    private final FileTransactions transactions;
    private final FileHasher hasher;
    private final Path archive;

    public ReplicaRepair(Replicas replicas, ReplicaRepository repository, FileTransactions transactions,
            FileHasher hasher, AupatProperties properties) {
        this.replicas = replicas;
        this.repository = repository;
        this.transactions = transactions;
        this.hasher = hasher;
        this.archive = properties.archive();
    }

    /** The name of the replica the file was repaired from; empty when no replica has a good copy. */
    public Optional<String> repair(Path file, String sha256) {
        String path;
        try {
            path = ArchivePaths.onReplica(archive, file);
        } catch (AupatError e) {
            return Optional.empty();
        }
        for (Replica replica : replicas.all()) {
            try {
                replica.requireReachable(false);
                try (FileTransaction transaction = transactions.begin()) {
                    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        transaction.deleteWithBackup(file);
                    }
                    replica.fetch(path, file, sha256, transaction);
                    if (!hasher.sha256(file).equals(sha256)) {
                        continue; // the transaction is undone: the damaged file is back as it was
                    }
                    transaction.commit();
                }
                log.warn("repaired {} from replica {}", file, replica.name());
                return Optional.of(replica.name());
            } catch (AupatError e) {
                log.warn("replica {} has no good copy of {}: {}", replica.name(), path, e.getMessage());
                if (e instanceof org.aupat.foundation.error.ChecksumMismatchError) {
                    repository.forget(replica.name(), path);
                }
            }
        }
        return Optional.empty();
    }
}
