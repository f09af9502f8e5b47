/** The only code that copies, moves, links, creates folders and deletes files: journaled ahead, undone on failure. */
package org.aupat.foundation.rollback;
