package org.aupat.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for the tests: Debian's {@code postgresql} package (initdb, postgres, pg_dump
 * under /usr/lib/postgresql/N/bin), a temporary cluster in /tmp, listening only on 127.0.0.1 at a free
 * port, with password (SCRAM) authentication so the credentials path is the real one. One server per test
 * JVM, started on first use and stopped when the JVM exits; every test takes a fresh database from
 * {@link #newDatabase()}.
 *
 * <p>PostgreSQL refuses to run as root, so as root (CI) the cluster belongs to the {@code postgres} user the
 * package creates. Where the package is missing the tests are skipped, unless
 * {@code AUPAT_POSTGRES_TESTS=required} (as .ci/run sets it), where that is a failure.
 */
public final class LocalPostgres {
    public static final String USER = "aupat_test";
    public static final String PASSWORD = "aupat-test-password-7f3e";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static LocalPostgres server;

    private final Path bin;
    private final Path cluster;
    private final int port;
    private final boolean asPostgresUser;

    private LocalPostgres(Path bin, Path cluster, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.cluster = cluster;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The one server of this JVM; skips the calling test where PostgreSQL is not installed (see the class). */
    public static synchronized LocalPostgres server() {
        if (server == null) {
            Path bin = binaries();
            if (bin == null) {
                if ("required".equals(System.getenv("AUPAT_POSTGRES_TESTS"))) {
                    throw new AssertionError("PostgreSQL is required here: apt-get install postgresql");
                }
                Assumptions.abort("PostgreSQL (Debian package postgresql) is not installed");
            }
            try {
                server = start(bin);
            } catch (IOException e) {
                throw new AssertionError("could not start a test PostgreSQL server: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while starting PostgreSQL", e);
            }
        }
        return server;
    }

    /** The newest installed server's binaries, or null. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("postgres")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString()))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path cluster = Files.createTempDirectory(Path.of("/tmp"), "aupat-pg-");
        Path password = cluster.resolve("pw");
        Files.writeString(password, PASSWORD + "\n", StandardCharsets.UTF_8);
        Path data = cluster.resolve("data");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", cluster.toString()), false, cluster);
        }
        LocalPostgres pg = new LocalPostgres(bin, cluster, freePort(), root);
        pg.exec(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--pwfile=" + password,
                "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        // Tuned for tests only: nothing here needs to survive a crash of the machine.
        pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                cluster.resolve("server.log").toString(), "-o",
                "-c listen_addresses=127.0.0.1 -p " + pg.port + " -c unix_socket_directories=" + cluster
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60",
                "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(pg::stop));
        return pg;
    }

    private void exec(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgresUser, cluster);
    }

    private static void run(List<String> command, boolean asPostgresUser, Path cluster)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path log = Files.createTempFile("aupat-pg-cmd", ".log");
        Process p = new ProcessBuilder(full).directory(Path.of("/tmp").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", full));
        }
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        if (p.exitValue() != 0) {
            String serverLog = Files.isReadable(cluster.resolve("server.log"))
                    ? Files.readString(cluster.resolve("server.log")) : "";
            throw new IOException(String.join(" ", full) + " exited " + p.exitValue() + ":\n" + output + serverLog);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void stop() {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"));
        } catch (IOException | InterruptedException e) {
            // the JVM is exiting; a cluster left in /tmp is only disk
        }
        try (Stream<Path> files = Files.walk(cluster)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // as above
        }
    }

    /** The folder of pg_dump, psql and the other client programs of this server's version. */
    public Path bin() {
        return bin;
    }

    public int port() {
        return port;
    }

    /** A JDBC URL for {@code database} on this server (no credentials in it). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a new empty database and returns its name. */
    public String newDatabase() {
        String name = "aupat_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    /** Runs statements in {@code database} as the test superuser. */
    public void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new AssertionError("on " + database + ": " + e.getMessage(), e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD);
    }
}
