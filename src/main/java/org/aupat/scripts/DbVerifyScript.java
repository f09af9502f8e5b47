package org.aupat.scripts;

import org.aupat.archive.location.LocationService;
import org.aupat.archive.replication.ReplicaVerifier;
import org.aupat.archive.verify.VerifyRequest;
import org.aupat.archive.verify.VerifyService;
import org.aupat.archive.verify.VerifySummary;
import org.aupat.archive.media.StepOrder;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_verify: re-hashes archive copies, then removes the staging copies of verified files. */
@Component
@Command(name = "db_verify", description = {"Re-hash archived files against their recorded SHA-256, then remove the"
        + " staging copies of verified files, per location and only when every check of that location passed.",
        "Exits 1 when any file is missing or changed; its staging copy is kept."})
public class DbVerifyScript extends AupatScript {
    @Option(names = "--location", paramLabel = "LOCATION", description = "Only this location: its UUID, 12-digit prefix or name.")
    String location;

    @Option(names = "--all", description = "Re-hash every archived file, not only the unverified ones (an audit).")
    boolean all;

    @Option(names = "--sample", paramLabel = "PERCENT", description = "Also re-hash this share (1-100) of the archive,"
            + " oldest-verified first, so that nightly runs re-read every file every 100/PERCENT nights.")
    Integer sample;

    @Option(names = "--no-cleanup", description = "Verify only; leave staging as it is.")
    boolean noCleanup;

    @Option(names = "--dry-run", description = "Re-hash and list what would be removed; change nothing.")
    boolean dryRun;

    @Option(names = "--replica", paramLabel = "NAME", description = "Re-check this replica's copies instead (read back"
            + " and hashed): all of them, or the --sample share proven longest ago.")
    String replica;

    private final VerifyService service;
    private final ReplicaVerifier replicas;
    private final Console console;
    private final StepOrder steps;
    private final LocationService locations;
    private VerifyRequest request;

    public DbVerifyScript(ScriptRunner runner, VerifyService service, ReplicaVerifier replicas, Console console,
            StepOrder steps, LocationService locations) {
        super(runner);
        this.service = service;
        this.replicas = replicas;
        this.console = console;
        this.steps = steps;
        this.locations = locations;
    }

    @Override
    protected boolean nothingToDo() {
        return replica == null && service.nothingToDo(request);
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected void check() {
        if (replica != null) {
            replicas.check(replica, sample);
            return;
        }
        if (location != null) {
            location = locations.byReference("--location", location).uuid();
        }
        VerifyRequest asked = all ? VerifyRequest.all(location) : VerifyRequest.unverified(location);
        if (sample != null) {
            asked = asked.sampling(sample);
        }
        if (noCleanup) {
            asked = asked.keepingStaging();
        }
        if (dryRun) {
            asked = asked.changingNothing();
        }
        request = asked;
        service.check(request);
    }

    @Override
    protected int execute() {
        if (replica != null) {
            ReplicaVerifier.Summary checked = replicas.verify(replica, sample, dryRun);
            checked.printTo(console);
            return checked.bad().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
        }
        VerifySummary summary = service.verify(request);
        summary.printTo(console);
        steps.waitingBefore("db_verify", request.location()).ifPresent(console::warn);
        console.result(Results.Verify.of(summary));
        return summary.failures().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
