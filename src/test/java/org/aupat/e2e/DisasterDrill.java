package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.foundation.hashing.FileHasher;

/**
 * The restore drill, the same for the jar and in process: import the sample card, replicate it to a folder
 * replica, delete the whole home, recover from the replica, and compare byte for byte: every row of the
 * archive's tables, every archived file and master JSON.
 */
final class DisasterDrill {
    static final List<String> TABLES = List.of("locations", "sub_locations", "images", "videos", "documents", "urls");

    private DisasterDrill() {
    }

    /** Runs the drill with a folder replica named nas. */
    static void run(AupatRun aupat, Path home, Path nas) throws Exception {
        run(aupat, home, "nas", "--aupat.replicas.nas.path=" + nas);
    }

    /** Runs the drill; {@code settings} define the replica {@code name} and are given on every run. */
    static void run(AupatRun aupat, Path home, String name, String... settings) throws Exception {
        java.util.function.Function<String[], String[]> with = args -> Stream.concat(Stream.of(args), Stream.of(settings))
                .toArray(String[]::new);
        JarRunner.Result imported = aupat.run(with.apply(new String[] {"--script=pipeline", "--source=" + Path.of("samples/card").toAbsolutePath(),
                "--name=Sample Mill", "--state=ny", "--type=industrial", "--url=https://example.org/mill"}));
        assertThat(imported.exit()).as(imported.err()).isZero();
        JarRunner.Result replicated = aupat.run(with.apply(new String[] {"--script=replicate"}));
        assertThat(replicated.exit()).as(replicated.err()).isZero();

        Map<String, List<String>> rows = rows(home.resolve("data/aupat.db"));
        Map<String, String> files = files(home.resolve("data/archive"));
        assertThat(files.keySet()).anyMatch(p -> p.endsWith("_master.json")).hasSizeGreaterThan(5);
        assertThat(rows.get("images")).isNotEmpty();

        deleteTree(home);
        Files.createDirectories(home);

        JarRunner.Result recovered = aupat.run(with.apply(new String[] {"--script=recover", "--replica=" + name}));
        assertThat(recovered.exit()).as(recovered.err()).isZero();
        assertThat(recovered.out()).contains("Recovered from replica " + name).contains("not restored 0");
        assertThat(rows(home.resolve("data/aupat.db"))).isEqualTo(rows);
        assertThat(files(home.resolve("data/archive"))).isEqualTo(files);

        // The recovered home is a working archive: every file verifies, a second recover refuses.
        JarRunner.Result verified = aupat.run(with.apply(new String[] {"--script=db_verify", "--all"}));
        assertThat(verified.exit()).as(verified.err()).isZero();
        JarRunner.Result again = aupat.run(with.apply(new String[] {"--script=recover", "--replica=" + name}));
        assertThat(again.exit()).isEqualTo(3);
        assertThat(again.err()).contains("recover fills an empty home");
    }

    /** Every row of the archive's tables, as text, in a stable order. */
    static Map<String, List<String>> rows(Path database) throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            line.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                rows.put(table, lines);
            }
        }
        return rows;
    }

    /** Every regular file under a folder: relative path -> SHA-256. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), new FileHasher().sha256(p));
            }
        }
        return files;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
