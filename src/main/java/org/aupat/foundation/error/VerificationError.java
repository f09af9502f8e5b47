package org.aupat.foundation.error;

/** A check after an operation found that it did not do what it claimed (rows, files, folders, constraints). */
public class VerificationError extends AupatError {
    public VerificationError(String message, java.util.Map<String, ?> context) {
        super(message, false, context, null);
    }
}
