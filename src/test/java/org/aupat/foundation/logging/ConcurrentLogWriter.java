package org.aupat.foundation.logging;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Child process for LoggingTest: logs many long lines into the given folder, tagged with its name. */
public final class ConcurrentLogWriter {
    private ConcurrentLogWriter() {
    }

    public static void main(String[] args) {
        LogbackInFolder.start(Path.of(args[0]), "10MB");
        RunContext.start(args[1]);
        Logger log = LoggerFactory.getLogger(ConcurrentLogWriter.class);
        int lines = Integer.parseInt(args[2]);
        String payload = args[1].repeat(200 / args[1].length());
        for (int i = 0; i < lines; i++) {
            log.info("line {} {} end", i, payload);
        }
        LogbackInFolder.stop();
    }
}
