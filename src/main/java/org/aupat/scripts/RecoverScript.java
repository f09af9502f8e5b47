package org.aupat.scripts;

import org.aupat.archive.replication.RecoveryService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** recover: rebuilds an empty home (database and archive) from a replica. */
@Component
@Command(name = "recover", description = {"Rebuild an empty home from a replica: the database from the newest backup"
        + " on it that matches its SHA-256 file, then every archived file and master JSON, each checked against its"
        + " recorded SHA-256.", "Refuses (exit 3) a home that has a database or a non-empty archive folder, and"
        + " (exit 2) a PostgreSQL database that holds any table; names every file it could not restore (exit 4)."})
public class RecoverScript extends AupatScript {
    @Option(names = "--replica", required = true, paramLabel = "NAME", description = "The replica to recover from.")
    String replica;

    private final RecoveryService service;
    private final Console console;

    public RecoverScript(ScriptRunner runner, RecoveryService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected void check() {
        service.check(replica);
    }

    @Override
    protected int execute() {
        RecoveryService.Summary summary = service.recover(replica);
        summary.printTo(console);
        console.result(Results.Recover.of(replica, summary));
        return ExitCode.OK; // anything not restored was counted as skipped: the runner exits 4
    }
}
