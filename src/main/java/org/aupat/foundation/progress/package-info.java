/** Progress of long runs: a live bar with rate and ETA on a terminal, periodic PROGRESS lines otherwise. */
package org.aupat.foundation.progress;
