package org.aupat.scripts;

import org.aupat.archive.replication.ReplicationService;
import org.aupat.archive.replication.ReplicationSummary;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** replicate: sends every replica the verified files, master JSONs and newest verified backup it lacks. */
@Component
@Command(name = "replicate", description = {"Copy every archived and verified file, every master JSON and the newest"
        + " verified database backup to each replica (aupat.replicas.<name>.*) that lacks them, in the archive's own"
        + " layout, proving every copy.", "A replica that cannot be reached stops the run before anything is sent (exit 3)."})
public class ReplicateScript extends AupatScript {
    @Option(names = "--replica", paramLabel = "NAME", description = "Only this replica (default: every configured one).")
    String replica;

    @Option(names = "--dry-run", description = "List what would be sent; send and record nothing.")
    boolean dryRun;

    private final ReplicationService service;
    private final Console console;

    public ReplicateScript(ScriptRunner runner, ReplicationService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        service.check(replica, dryRun);
    }

    @Override
    protected int execute() {
        ReplicationSummary summary = service.replicate(replica, dryRun, console::out);
        summary.printTo(console);
        console.result(Results.Replicate.of(summary));
        return summary.failed() == 0 ? ExitCode.OK : ExitCode.ITEM_FAILURES;
    }
}
