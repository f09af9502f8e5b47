package org.aupat.archive.location;

import org.aupat.archive.rules.Rules;
import org.aupat.foundation.db.ArchiveDatabase;
import org.aupat.foundation.error.AupatError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * New UUIDs whose prefix (first N characters with hyphens removed, N from name.json) no location,
 * sub-location or URL uses yet, so that folder and file names never collide (docs/rules.md, Identifiers and prefixes).
 */
@Service
public class UnusedUuids {
    static final int MAX_TRIES = 100;
    private static final Logger log = LoggerFactory.getLogger(UnusedUuids.class);
    private final UuidGenerator generator;
    private final LocationIdRepository repository;
    private final ArchiveDatabase database;
    private final Rules rules;

    public UnusedUuids(UuidGenerator generator, LocationIdRepository repository, ArchiveDatabase database, Rules rules) {
        this.generator = generator;
        this.repository = repository;
        this.database = database;
        this.rules = rules;
    }

    /** A UUID v4 with an unused prefix; without a database yet any UUID is unused (and no file is created). */
    public String next() {
        int length = rules.prefixLength();
        boolean check = database.exists() && repository.tablesExist();
        for (int attempt = 1; attempt <= MAX_TRIES; attempt++) {
            String uuid = generator.newUuid();
            String prefix = prefix(uuid, length);
            if (!check || !repository.prefixInUse(prefix)) {
                return uuid;
            }
            log.warn("uuid prefix {} is already used; generating another (attempt {})", prefix, attempt);
        }
        throw new AupatError("no unused " + length + "-character uuid prefix found in " + MAX_TRIES
                + " tries; the identifier tables look full or damaged. Run db_cleanup.");
    }

    /** The first {@code length} characters of a uuid with its hyphens removed. */
    public static String prefix(String uuid, int length) {
        return uuid.replace("-", "").substring(0, length);
    }
}
