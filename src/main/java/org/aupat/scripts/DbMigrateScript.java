package org.aupat.scripts;

import org.aupat.archive.maintenance.MigrationService;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** db_migrate: creates or upgrades the database schema, backing an existing database up first. */
@Component
@Command(name = "db_migrate", description = {"Create or upgrade the database schema and record versions.",
        "An existing database is checked read-only and backed up first; a damaged, foreign or newer one is refused untouched."})
public class DbMigrateScript extends AupatScript {
    private final MigrationService migration;
    private final Console console;
    private MigrationService.Checked checked;

    public DbMigrateScript(ScriptRunner runner, MigrationService migration, Console console) {
        super(runner);
        this.migration = migration;
        this.console = console;
    }

    @Override
    protected void check() {
        checked = migration.check();
    }

    @Override
    protected int execute() {
        MigrationService.Result result = migration.migrate(checked);
        console.info("db_migrate: " + (result.created() ? "created the database" : "database checked")
                + ", " + result.migrationsApplied() + " migration(s) applied.");
        console.out("schema version " + result.schemaVersion());
        console.result(Results.Migrate.of(result));
        return ExitCode.OK;
    }
}
