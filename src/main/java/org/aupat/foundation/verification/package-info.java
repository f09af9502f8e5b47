/** Proof that a database backup is whole and readable before it counts as a backup. */
package org.aupat.foundation.verification;
