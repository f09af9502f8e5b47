/** Logging support: the run context carried through the MDC and the markers logback routes on. */
package org.aupat.foundation.logging;
