/** Typed errors: every failure AUPAT reports on purpose, each with a message for a person and an exit code. */
package org.aupat.foundation.error;
