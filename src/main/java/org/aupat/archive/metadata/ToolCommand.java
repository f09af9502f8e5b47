package org.aupat.archive.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How exiftool and ffprobe are started, in one place: where util-linux can,
 * {@code setpriv --pdeathsig KILL setsid TOOL ARGS}.
 *
 * <p>{@code setpriv --pdeathsig KILL}: exiftool -stay_open never notices that its input has closed, so an
 * AUPAT killed with SIGKILL, or crashed, would leave it running; the kernel kills the tool instead when the
 * thread that started it ends, and so with AUPAT. That thread must therefore outlive the tool.
 *
 * <p>{@code setsid}: Ctrl-C in a terminal signals the whole foreground process group; in a session of its
 * own the tool does not die with the JVM's SIGINT before the run reaches its safe point (a file being read
 * would fail). AUPAT still ends its tools itself when it stops.
 *
 * <p>The order matters: setpriv sets the signal, then setsid and the tool replace it by exec, which keeps
 * it. setsid forks (which would drop it) only when the process leads its process group, and a JVM's child
 * never does. Where a wrapper is missing the tool starts without it.
 */
final class ToolCommand {
    private static final List<String> WRAPPER = wrapper();

    private ToolCommand() {
    }

    /**
     * The command line that starts {@code command} (the tool and its arguments) as described above. A tool
     * that cannot be found is started bare, so that starting it fails with the operating system's own
     * "cannot run program" error (which the callers turn into "install it"), not with a wrapper's exit code
     * that would read as a file the tool could not read.
     */
    static List<String> line(List<String> command) {
        if (!runnable(command.get(0))) {
            return List.copyOf(command);
        }
        List<String> line = new ArrayList<>(WRAPPER);
        line.addAll(command);
        return line;
    }

    /** Whether {@code tool} names an executable file, itself or in a folder of PATH. */
    private static boolean runnable(String tool) {
        if (tool.contains("/")) {
            return Files.isExecutable(Path.of(tool));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> wrapper() {
        List<String> wrapper = new ArrayList<>();
        List<String> parentDeath = List.of("setpriv", "--pdeathsig", "KILL");
        if (works(parentDeath)) { // an old setpriv without --pdeathsig fails here, not on every tool
            wrapper.addAll(parentDeath);
        }
        if (works(List.of("setsid"))) {
            wrapper.add("setsid");
        }
        return List.copyOf(wrapper);
    }

    private static boolean works(List<String> prefix) {
        List<String> probeLine = new ArrayList<>(prefix);
        probeLine.add("true");
        try {
            Process probe = new ProcessBuilder(probeLine).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // not installed here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
