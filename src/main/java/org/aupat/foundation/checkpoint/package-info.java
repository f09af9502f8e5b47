/** Resume checkpoints of chunked runs, kept in their own SQLite file and written after each committed chunk. */
package org.aupat.foundation.checkpoint;
