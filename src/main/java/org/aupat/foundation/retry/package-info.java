/** Retrying transient failures (busy database, flaky I/O, a crashed tool) with exponential backoff and jitter. */
package org.aupat.foundation.retry;
