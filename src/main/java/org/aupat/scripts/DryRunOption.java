package org.aupat.scripts;

import picocli.CommandLine.Option;

/** {@code --dry-run} of the scripts that move archived files (move, merge), declared once. */
final class DryRunOption {
    @Option(names = "--dry-run", description = "Print what ${COMMAND-NAME} would do; change nothing.")
    boolean on;
}
