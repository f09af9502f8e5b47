/** Proof after each operation that it did what it claimed: rows, files copied or moved, folders, checksums, constraints. */
package org.aupat.foundation.verification;
