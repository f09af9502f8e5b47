/** Stopping on SIGTERM and SIGINT at a safe point, between two database transactions. */
package org.aupat.foundation.interruption;
