package org.aupat.scripts;

import org.aupat.archive.verify.VerifyRequest;
import org.aupat.archive.verify.VerifyService;
import org.aupat.archive.verify.VerifySummary;
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
    @Option(names = "--location", paramLabel = "UUID", description = "Only this location.")
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

    @Option(names = "--skip-backup", description = "Do not back the database up first (not recommended).")
    boolean skipBackup;

    private final VerifyService service;
    private final Console console;

    public DbVerifyScript(ScriptRunner runner, VerifyService service, Console console) {
        super(runner);
        this.service = service;
        this.console = console;
    }

    @Override
    protected boolean changesNothing() {
        return dryRun;
    }

    @Override
    protected int execute() {
        VerifyRequest request = all ? VerifyRequest.all(location) : VerifyRequest.unverified(location);
        if (sample != null) {
            request = request.sampling(sample);
        }
        if (noCleanup) {
            request = request.keepingStaging();
        }
        if (dryRun) {
            request = request.changingNothing();
        }
        if (skipBackup) {
            request = request.withoutBackup();
        }
        return report(console, service.verify(request));
    }

    /** Prints what a verification did and returns its exit code; shared with the pipeline script. */
    static int report(Console console, VerifySummary s) {
        String removed = s.dryRun() ? "would remove" : "removed";
        // A dry run's list is its result, so it goes to standard output; a real run's is detail.
        s.stagingRemoved().forEach(p -> {
            if (s.dryRun()) {
                console.out("would remove " + p);
            } else {
                console.detail("  removed " + p);
            }
        });
        s.stagingKept().forEach((p, why) -> console.warn("  kept " + p + ": " + why));
        s.failures().forEach(f -> console.error("  FAILED " + VerifyService.describe(f)));
        console.info(String.format("%sVerified %d, failed %d, still in staging %d, staging files %s %d; re-read %s"
                        + " (%.1f files/s).", s.dryRun() ? "Dry run, nothing changed. " : "", s.verified(),
                s.failures().size(), s.stillInStaging(), removed, s.stagingRemoved().size(),
                DbImportScript.bytes(s.bytesReRead()), s.filesPerSecond()));
        return s.failures().isEmpty() ? ExitCode.OK : ExitCode.FAILED;
    }
}
