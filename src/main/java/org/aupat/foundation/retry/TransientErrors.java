package org.aupat.foundation.retry;

import org.aupat.foundation.db.DatabaseErrors;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.ExternalToolCrashedError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.TransientFileSystemError;
import org.aupat.foundation.error.UniqueConstraintError;
import org.aupat.foundation.error.ValidationError;

/** Which failures may pass if tried again. Bad input, broken constraints and wrong checksums never do. */
public final class TransientErrors {
    private TransientErrors() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ValidationError || t instanceof UniqueConstraintError || t instanceof ForeignKeyError
                    || t instanceof ChecksumMismatchError) {
                return false;
            }
        }
        // A busy database may arrive untranslated (from a JdbcTemplate outside a @Repository).
        Throwable translated = DatabaseErrors.translate(failure);
        return translated instanceof TransientDatabaseError || failure instanceof TransientFileSystemError
                || failure instanceof ExternalToolCrashedError;
    }
}
