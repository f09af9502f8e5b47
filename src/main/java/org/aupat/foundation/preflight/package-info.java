/** Pre-flight checks run before anything changes: space, paths, tools, database and rule files, all reported at once. */
package org.aupat.foundation.preflight;
