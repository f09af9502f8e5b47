package org.aupat.scripts;

import java.nio.file.Path;
import java.util.List;
import org.aupat.cli.AupatScript;
import org.aupat.cli.ScriptRunner;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.hashing.FileHasher;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** gen_sha: prints {@code <sha256>  <path>} for each file, like sha256sum. */
@Component
@Command(name = "gen_sha", description = "Print the SHA-256 (64 lowercase hex) of each given file.")
public class GenShaScript extends AupatScript {
    @Option(names = "--file", required = true, paramLabel = "PATH", description = "A file to hash; repeat for several.")
    List<Path> files;

    private final FileHasher hasher;
    private final Console console;

    public GenShaScript(ScriptRunner runner, FileHasher hasher, Console console) {
        super(runner);
        this.hasher = hasher;
        this.console = console;
    }

    @Override
    protected int execute() {
        List<Results.Hash> hashes = new java.util.ArrayList<>();
        for (Path file : files) {
            String sha = hasher.sha256(file);
            console.out(sha + "  " + file);
            hashes.add(new Results.Hash(file, sha));
        }
        console.result(new Results.Hashes(hashes));
        return ExitCode.OK;
    }
}
