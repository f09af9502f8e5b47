package org.aupat.foundation.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes one verified backup of the database. The common script runner calls it before every script
 * whose catalog entry says it backs up, so that no service has to.
 */
public interface DatabaseBackup {
    /** Makes and verifies one backup; empty when there is no database yet. */
    Optional<Path> backup();
}
