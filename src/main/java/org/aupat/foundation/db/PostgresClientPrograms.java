package org.aupat.foundation.db;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aupat.foundation.error.PreflightError;

/**
 * pg_dump and pg_restore of a version that can read the server: pg_dump refuses a server newer than itself, so
 * the programs are looked for beside the server's version first. In order: the {@code aupat.pg-dump} setting (the
 * program or its folder; then nothing else is tried), {@code /usr/lib/postgresql/<server major>/bin} (Debian and
 * Ubuntu keep every installed version there), {@code pg_config --bindir}, the newest
 * {@code /usr/lib/postgresql/N/bin}, then {@code PATH}. The first of version {@code >=} the server's wins.
 */
record PostgresClientPrograms(Path pgDump, Path pgRestore, int major) {
    static final String SETTING = "aupat.pg-dump";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");

    /**
     * The programs for a server of {@code serverVersionNum} (as {@code SHOW server_version_num}: 150004), or a
     * one-line {@link PreflightError} (exit 3) saying what to install or set.
     *
     * @param configured the {@code aupat.pg-dump} setting, or null
     * @param database   named in the error, so that the user knows which server wants the newer pg_dump
     */
    static PostgresClientPrograms locate(Path configured, int serverVersionNum, String database) {
        return locate(configured, serverVersionNum, database, Path.of("/usr/lib/postgresql"), System.getenv("PATH"));
    }

    static PostgresClientPrograms locate(Path configured, int serverVersionNum, String database, Path debianRoot,
            String path) {
        int server = serverVersionNum / 10000;
        String wanted = "pg_dump " + server + " or newer (the server " + database + " is PostgreSQL " + server + ")";
        String install = "Install the package postgresql-client-" + server + " or set " + SETTING
                + " to the path of a pg_dump of version " + server + " or newer.";
        List<Path> candidates;
        if (configured != null) {
            Path program = Files.isDirectory(configured) ? configured.resolve("pg_dump") : configured;
            if (!Files.isExecutable(program)) {
                throw new PreflightError(SETTING + " is " + configured + ", but there is no executable pg_dump there;"
                        + " the backup needs " + wanted + ". " + install);
            }
            candidates = List.of(program);
        } else {
            candidates = candidates(server, debianRoot, path);
        }
        String older = null;
        for (Path pgDump : candidates) {
            int major = majorVersion(pgDump);
            if (major >= server) {
                Path pgRestore = pgDump.resolveSibling("pg_restore");
                if (!Files.isExecutable(pgRestore)) {
                    throw new PreflightError("there is no pg_restore beside " + pgDump + ", and the backup is verified"
                            + " by restoring it. " + install);
                }
                return new PostgresClientPrograms(pgDump, pgRestore, major);
            }
            if (older == null) {
                older = pgDump + " is version " + (major < 0 ? "unknown" : major);
            }
        }
        if (older != null) {
            throw new PreflightError("the backup needs " + wanted + ", but " + older + ". " + install);
        }
        throw new PreflightError("pg_dump is not installed; the backup needs " + wanted + ". " + install);
    }

    private static List<Path> candidates(int server, Path debianRoot, String path) {
        Set<Path> found = new LinkedHashSet<>();
        found.add(debianRoot.resolve(Integer.toString(server)).resolve("bin/pg_dump"));
        String bindir = pgConfigBindir(path);
        if (bindir != null) {
            found.add(Path.of(bindir, "pg_dump"));
        }
        if (Files.isDirectory(debianRoot)) {
            try (Stream<Path> versions = Files.list(debianRoot)) {
                versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .sorted(Comparator.comparing((Path v) -> Integer.parseInt(v.getFileName().toString())).reversed())
                        .forEach(v -> found.add(v.resolve("bin/pg_dump")));
            } catch (IOException e) {
                // an unreadable folder is a place without pg_dump
            }
        }
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                found.add(Path.of(dir, "pg_dump"));
            }
        }
        List<Path> executable = new ArrayList<>();
        for (Path p : found) {
            if (Files.isExecutable(p)) {
                executable.add(p);
            }
        }
        return executable;
    }

    private static String pgConfigBindir(String path) {
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            Path pgConfig = Path.of(dir.isEmpty() ? "." : dir, "pg_config");
            if (Files.isExecutable(pgConfig)) {
                String out = output(List.of(pgConfig.toString(), "--bindir"));
                return out == null || out.isBlank() ? null : out.trim();
            }
        }
        return null;
    }

    /** The major version {@code program --version} prints ("pg_dump (PostgreSQL) 15.4 (Debian...)"), or -1. */
    static int majorVersion(Path program) {
        String out = output(List.of(program.toString(), "--version"));
        Matcher m = out == null ? null : VERSION.matcher(out);
        if (m == null || !m.find()) {
            return -1;
        }
        // Before 10 the major version was two numbers (9.6): its first is older than any server from 10 on.
        return Integer.parseInt(m.group(1));
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(4096);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
