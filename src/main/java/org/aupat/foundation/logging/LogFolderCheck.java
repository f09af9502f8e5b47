package org.aupat.foundation.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.aupat.foundation.error.LogFolderError;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * The log folder ({@code aupat.logs}) takes AUPAT's log files, proved before logging starts: a folder
 * that is missing and cannot be made, a file, read-only or on a full disk stops the run with one line
 * and exit code 3, before any work. Left to the logging framework, the same problem prints hundreds of
 * lines of stack traces and the run goes on with its failure records lost.
 */
public class LogFolderCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    /** The files logback-spring.xml writes into the folder. */
    static final List<String> LOG_FILES = List.of("main.log", "error.log", "transaction.log", "failure.log");
    /** Less free space than this fills up within one run; the run would then lose its failure records. */
    static final long MIN_FREE_BYTES = 1024L * 1024;
    private static final int PROBE_BYTES = 4096;

    /** After the profile files are read (aupat.logs may be set there), before logging opens its files. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER - 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        try {
            require(Path.of(event.getEnvironment().getProperty("aupat.logs", "logs")).toAbsolutePath().normalize());
        } catch (LogFolderError e) {
            silenceStartupReport();
            throw e;
        }
    }

    /**
     * For a failure before logging is configured: Spring would print its "run failed" report with the whole
     * stack trace on the console; the launcher prints the one line instead. Configuring logging later (a
     * next run in the same JVM) resets this level.
     */
    public static void silenceStartupReport() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(SpringApplication.class).setLevel(Level.OFF);
        }
    }

    /** Returns quietly when the folder takes the log files; otherwise throws a LogFolderError (exit 3). */
    static void require(Path folder) {
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw problem(folder, "it is a file, not a folder");
            }
            Files.createDirectories(folder);
            for (String name : LOG_FILES) {
                Path log = folder.resolve(name);
                if (Files.exists(log) && !Files.isRegularFile(log)) {
                    throw problem(folder, name + " there is not a regular file");
                }
                // Opening for append creates nothing new but the file logback would create anyway.
                FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
            }
            probe(folder);
            long free = Files.getFileStore(folder).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw problem(folder, String.format("its disk has only %,d bytes free", free));
            }
        } catch (IOException e) {
            throw problem(folder, reason(e));
        }
    }

    /** "No space left on device (path)", "AccessDeniedException (path)": the cause without the stack. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            return (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName()) + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** A few real bytes written and synced: a full or read-only disk refuses them, an empty file may pass. */
    private static void probe(Path folder) throws IOException {
        Path probe = folder.resolve(".aupat-log-probe-" + ProcessHandle.current().pid() + ".aupat-tmp");
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(PROBE_BYTES));
            channel.force(true);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static LogFolderError problem(Path folder, String why) {
        return new LogFolderError("AUPAT cannot write its logs in " + folder + ": " + why + ". Set aupat.logs to a"
                + " writable folder with free space, or fix this one; nothing was done.");
    }
}
