/** The structured failure log: one JSON line per failure in logs/failure.log, the aspect that writes it, and queries. */
package org.aupat.foundation.failure;
