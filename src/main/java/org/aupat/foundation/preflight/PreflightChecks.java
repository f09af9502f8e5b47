package org.aupat.foundation.preflight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.rollback.FileTransactions;
import org.springframework.stereotype.Component;

/** The standard checks, built for one operation and handed to {@link PreflightChecker#requireAll}. */
@Component
public class PreflightChecks {
    /** Free space kept beyond what an operation needs, so the disk never fills to the last byte. */
    static final long MARGIN_BYTES = 64L * 1024 * 1024;
    private static final Pattern VERSION = Pattern.compile("(\\d+(?:\\.\\d+)*)");
    private final AupatProperties properties;

    public PreflightChecks(AupatProperties properties) {
        this.properties = properties;
    }

    /** Room at {@code destination} for an operation on {@code bytes} bytes coming from {@code source}. */
    public PreflightCheck diskSpace(SpaceNeed need, long bytes, Path source, Path destination) {
        return PreflightCheck.named("disk space at " + destination, () -> {
            Path existing = existingAncestor(destination);
            if (need == SpaceNeed.MOVE && FileTransactions.sameFileSystem(existingAncestor(source), existing)) {
                return;
            }
            long required = (long) Math.ceil(bytes * need.factor) + MARGIN_BYTES;
            long free = Files.getFileStore(existing).getUsableSpace();
            if (free < required) {
                throw new IOException(String.format("%s needs %,d bytes (with a %,d-byte margin) but only %,d are free."
                        + " Free some space or choose another folder.", need, required, MARGIN_BYTES, free));
            }
        });
    }

    public PreflightCheck readable(Path file) {
        return PreflightCheck.named("readable " + file, () -> {
            if (!Files.exists(file)) {
                throw new IOException("does not exist. Check the path.");
            }
            if (!Files.isReadable(file)) {
                throw new IOException("cannot be read. Check its permissions.");
            }
        });
    }

    /** The folder (created if missing) takes a new file: a probe file is created and deleted. */
    public PreflightCheck writable(Path directory) {
        return PreflightCheck.named("writable " + directory, () -> {
            Path probe = directory.resolve(".aupat-probe-" + ProcessHandle.current().pid() + ".aupat-tmp");
            try {
                Files.createDirectories(directory);
                Files.writeString(probe, "probe");
                Files.delete(probe);
            } catch (IOException e) {
                throw new IOException("cannot create and delete a file there (" + e + "). Check the folder and its"
                        + " permissions.", e);
            }
        });
    }

    public PreflightCheck exiftool() {
        return tool("exiftool", properties.exiftool(), "-ver", "12.0");
    }

    public PreflightCheck ffprobe() {
        return tool("ffprobe", properties.ffprobe(), "-version", "4.0");
    }

    /** The tool runs, and the first version number it prints is at least {@code minimum}. */
    public PreflightCheck tool(String name, String command, String versionOption, String minimum) {
        return PreflightCheck.named(name + " >= " + minimum, () -> {
            String output;
            try {
                Process process = new ProcessBuilder(command, versionOption).redirectErrorStream(true).start();
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IOException("'" + command + " " + versionOption + "' failed. Reinstall " + name + ".");
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("'")) {
                    throw e;
                }
                throw new IOException("'" + command + "' cannot be run (" + e.getMessage() + "). Install " + name
                        + " or set aupat." + name + " to its full path.", e);
            }
            Matcher m = VERSION.matcher(output);
            if (!m.find()) {
                throw new IOException("'" + command + " " + versionOption + "' printed no version number.");
            }
            if (compareVersions(m.group(1), minimum) < 0) {
                throw new IOException("version " + m.group(1) + " is too old; install " + name + " " + minimum
                        + " or newer.");
            }
        });
    }

    /** The database passes integrity_check, accepts a write lock, and uses WAL and foreign keys. */
    public PreflightCheck database(DataSource dataSource, String name) {
        return new PreflightCheck() {
            @Override
            public String name() {
                return "database " + name;
            }

            @Override
            public Optional<String> problem() throws SQLException {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    String integrity = text(s, "PRAGMA integrity_check");
                    if (!"ok".equals(integrity)) {
                        return Optional.of("integrity check failed: " + integrity + ". Restore the latest backup.");
                    }
                    if (!"wal".equalsIgnoreCase(text(s, "PRAGMA journal_mode"))) {
                        return Optional.of("is not in WAL mode; it was not opened by AUPAT's database settings.");
                    }
                    if (!"1".equals(text(s, "PRAGMA foreign_keys"))) {
                        return Optional.of("foreign keys are off; it was not opened by AUPAT's database settings.");
                    }
                    boolean auto = c.getAutoCommit();
                    c.setAutoCommit(false);
                    s.execute("PRAGMA user_version = " + text(s, "PRAGMA user_version"));
                    c.rollback();
                    c.setAutoCommit(auto);
                    return Optional.empty();
                }
            }
        };
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int cmp = Long.compare(i < x.length ? Long.parseLong(x[i]) : 0, i < y.length ? Long.parseLong(y[i]) : 0);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }
}
