package org.aupat.scripts;

import org.aupat.archive.organizing.OrganizeService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** db_organize: camera metadata, hardware flags, live-photo pairs and sidecar links for staged media. */
@Component
@Command(name = "db_organize", description = "Read camera metadata and sort staged media by hardware.")
public class DbOrganizeScript extends AupatScript {
    @Option(names = "--skip-backup", description = "Do not back the database up first (not recommended).")
    boolean skipBackup;

    private final OrganizeService organize;
    private final Console console;

    public DbOrganizeScript(ScriptRunner runner, OrganizeService organize, Console console) {
        super(runner);
        this.organize = organize;
        this.console = console;
    }

    @Override
    protected int execute() {
        report(console, organize.organize(skipBackup));
        return ExitCode.OK;
    }

    /** Prints what organizing did; shared with the pipeline script. */
    static void report(Console console, OrganizeService.Summary s) {
        long total = s.organized().values().stream().mapToLong(Long::longValue).sum();
        StringBuilder categories = new StringBuilder();
        s.categories().forEach((category, n) -> categories.append(categories.isEmpty() ? "" : ", ")
                .append(n).append(' ').append(category.ruleName()));
        console.info("Organized " + total + " files" + (categories.isEmpty() ? "" : " (" + categories + ")")
                + (s.livePairs() > 0 ? "; " + s.livePairs() + " live-photo pair(s)" : "")
                + (s.documentLinks() > 0 ? "; " + s.documentLinks() + " document link(s)" : "")
                + (s.photoPairs() > 0 ? "; " + s.photoPairs() + " RAW+JPEG pair(s)" : "")
                + (s.leftStaged() > 0 ? "; " + s.leftStaged() + " left for the next run (see logs/failure.log)" : "") + ".");
        if (!s.damaged().isEmpty()) {
            console.info(s.damaged().size() + " damaged file(s) archived as they are and flagged damaged (see logs/failure.log): "
                    + String.join(", ", s.damaged().subList(0, Math.min(20, s.damaged().size())))
                    + (s.damaged().size() > 20 ? ", ..." : "") + ".");
        }
    }
}
