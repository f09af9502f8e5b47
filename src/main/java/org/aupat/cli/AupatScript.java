package org.aupat.cli;

import org.aupat.foundation.checkpoint.RunIdentity;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.AnnotationUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Base of every script: a thin CommandLineRunner whose options are picocli fields and whose body,
 * {@link #execute()}, calls one service. Running always goes through the common {@link ScriptRunner}.
 */
public abstract class AupatScript implements CommandLineRunner, ExitCodeGenerator {
    private final ScriptRunner runner;
    private int exitCode = -1;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this script's options and exit.")
    boolean help;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors and the final result.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print details of every step.")
    boolean verbose;

    @Option(names = "--json", description = "Print the result as JSON on standard output (one document, or one line per item).")
    boolean json;

    @Option(names = "--restart", description = "Discard the checkpoint of an interrupted identical run and start over.")
    boolean restart;

    protected AupatScript(ScriptRunner runner) {
        this.runner = runner;
    }

    @Override
    public final void run(String... args) {
        exitCode = runner.run(this, args);
    }

    /**
     * Refuses the run, before the runner backs the database up, when an option or a pre-flight check fails
     * (by throwing: a ValidationError exits 2, a PreflightError 3). Changes no data (it may create AUPAT's
     * own empty folders to prove that they can be made); nothing by default.
     */
    protected void check() {
    }

    /** Does the script's work once it is checked and, as its catalog entry asks, backed up; returns an exit code. */
    protected abstract int execute() throws Exception;

    /**
     * Whether this run, as its options ask, changes nothing (a dry run): it then takes no lock, touches
     * no journal and makes no backup, so not even a lock file appears.
     */
    protected boolean changesNothing() {
        return false;
    }

    /**
     * Whether this run, checked, finds nothing to change (a db_verify with no file to re-hash): asked under
     * the lock after {@link #check()}; the runner then makes no backup. The script still runs and reports.
     */
    protected boolean nothingToDo() {
        return false;
    }

    /** Options that identify a run for resuming it (for db_import: source and location); empty by default. */
    protected String identifyingOptions() {
        return "";
    }

    /** This run as a checkpointed service needs it: the script's name, its identifying options and --restart. */
    protected final RunIdentity runIdentity() {
        // Found on a superclass too, should the script ever be proxied.
        String script = AnnotationUtils.findAnnotation(getClass(), Command.class).name();
        return new RunIdentity(script, identifyingOptions(), restart);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    boolean quiet() {
        return quiet;
    }

    boolean verbose() {
        return verbose;
    }

    boolean json() {
        return json;
    }
}
