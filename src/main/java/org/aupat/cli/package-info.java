/** The command line: script catalog, launcher, the common runner every script goes through, and the run lock. */
package org.aupat.cli;
