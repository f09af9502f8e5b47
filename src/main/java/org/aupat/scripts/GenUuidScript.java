package org.aupat.scripts;

import org.aupat.archive.location.UuidGenerator;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/** gen_uuid: prints a new UUID v4. */
@Component
@ConditionalOnProperty(name = "script", havingValue = "gen_uuid")
@Command(name = "gen_uuid", description = "Print a new UUID v4 whose 12-character prefix is unused.")
public class GenUuidScript extends AupatScript {
    private final UuidGenerator generator;
    private final Console console;

    public GenUuidScript(ScriptRunner runner, UuidGenerator generator, Console console) {
        super(runner);
        this.generator = generator;
        this.console = console;
    }

    @Override
    protected int execute() {
        console.out(generator.newUuid());
        return ExitCode.OK;
    }
}
