/** Foundations every script stands on; they know nothing of scripts or of the archive's domain. */
package org.aupat.foundation;
