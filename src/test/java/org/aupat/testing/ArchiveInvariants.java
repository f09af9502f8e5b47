package org.aupat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The "nothing lost" invariants of an AUPAT home after a run, read straight from disk and the database
 * (not through AUPAT's code): every source file archived exactly once with its bytes intact, staging
 * empty, no temporary files, a sound database. The database is an SQLite file, or a database on a
 * {@link LocalPostgres} server ({@link #onServer}: the queries then run there, PRAGMAs excepted).
 */
public final class ArchiveInvariants {
    /** Opens a connection to the archive's database. */
    private interface Connections {
        Connection open() throws SQLException;
    }

    private final Path database;
    private final Connections connections;
    private final Path staging;
    private final Path archive;

    public ArchiveInvariants(Path database, Path staging, Path archive) {
        this(database, () -> DriverManager.getConnection("jdbc:sqlite:" + database), staging, archive);
    }

    private ArchiveInvariants(Path database, Connections connections, Path staging, Path archive) {
        this.database = database;
        this.connections = connections;
        this.staging = staging;
        this.archive = archive;
    }

    /** The archive whose database is {@code database} on {@code server}, its files in these folders. */
    public static ArchiveInvariants onServer(LocalPostgres server, String database, Path staging, Path archive) {
        return new ArchiveInvariants(null, () -> server.connect(database), staging, archive);
    }

    /** The default layout of a home folder: data/aupat.db, data/staging, data/archive. */
    public static ArchiveInvariants ofHome(Path home) {
        return new ArchiveInvariants(home.resolve("data/aupat.db"), home.resolve("data/staging"), home.resolve("data/archive"));
    }

    /** SHA-256 of a file, computed independently of AUPAT. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every regular file below a folder (empty list when it does not exist). */
    public static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder and everything below it to {@code to}, files with their times (a card or a home template). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Deletes a folder and everything below it. */
    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Archive contents as sha -> number of archived files with those bytes. */
    public Map<String, Integer> archivedContent() {
        Map<String, Integer> bySha = new TreeMap<>();
        for (Path file : files(archive)) {
            if (!file.getFileName().toString().endsWith("_master.json")) {
                bySha.merge(sha256(file), 1, Integer::sum);
            }
        }
        return bySha;
    }

    /** Asserts that each given source file is archived exactly once, bytes intact, and recorded in the database. */
    public void assertArchivedExactlyOnce(List<Path> sourceFiles) throws SQLException {
        Map<String, Integer> archived = archivedContent();
        Map<String, String> recorded = recordedFiles();
        for (Path source : sourceFiles) {
            String sha = sha256(source);
            assertThat(archived.get(sha)).as("archive copies of %s", source).isEqualTo(1);
            assertThat(recorded).as("row for %s", source).containsKey(sha);
            Path recordedPath = Path.of(recorded.get(sha));
            assertThat(recordedPath).as("recorded path of %s", source).startsWith(archive).exists();
            assertThat(sha256(recordedPath)).isEqualTo(sha);
        }
    }

    /**
     * Asserts staging holds no file, nothing anywhere is an unfinished temporary file, and the database is sound
     * (an SQLite file's checks: not for {@link #onServer}).
     */
    public void assertCleanAndSound() throws SQLException {
        assertThat(files(staging)).as("files left in staging").isEmpty();
        List<Path> temporary = new ArrayList<>();
        for (Path root : List.of(staging, archive, database.getParent())) {
            files(root).stream().filter(f -> f.getFileName().toString().endsWith(".aupat-tmp")).forEach(temporary::add);
        }
        assertThat(temporary).as("temporary files").isEmpty();
        assertThat(query("PRAGMA integrity_check")).containsExactly("ok");
        assertThat(query("PRAGMA foreign_key_check")).isEmpty();
    }

    /** sha -> recorded path, over images, videos and documents. */
    public Map<String, String> recordedFiles() throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT img_sha256, img_loc FROM images UNION ALL SELECT vid_sha256, vid_loc FROM videos"
                     + " UNION ALL SELECT doc_sha256, doc_loc FROM documents")) {
            while (rs.next()) {
                assertThat(rows.put(rs.getString(1), rs.getString(2))).as("sha recorded twice: " + rs.getString(1)).isNull();
            }
        }
        return rows;
    }

    /** First column of every row of a query. */
    public List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** Every row of a query, each column as text ("null" for NULL). */
    public List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(String.valueOf(rs.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * sha -> what a run decided about each file (its category folders, flags, hardware, relations, verified),
     * the same in every home, to compare an archive that was killed and rerun with an uninterrupted one. The
     * raw exiftool/ffprobe dumps are left out: they name the home's paths and the files' dates.
     */
    public Map<String, String> decisions() throws SQLException {
        Map<String, String> decisions = new TreeMap<>();
        for (String sql : List.of(
                "SELECT img_sha256, img_loc, 'img', original, camera, phone, drone, go_pro, film, other, "
                        + "img_hardware, img_vids, img_docs, img_verified IS NOT NULL FROM images",
                "SELECT vid_sha256, vid_loc, 'vid', original, camera, phone, drone, go_pro, dash_cam, other, "
                        + "vid_hardware, vid_imgs, vid_docs, vid_verified IS NOT NULL FROM videos",
                "SELECT doc_sha256, doc_loc, 'doc', doc_ext, docs_img, docs_vid, doc_verified IS NOT NULL FROM documents")) {
            for (List<String> row : rows(sql)) {
                // <state-type>/<location folder>/<category folders>/<name>: the category folders are the same in every home.
                Path inArchive = archive.relativize(Path.of(row.get(1)));
                String category = inArchive.subpath(2, inArchive.getNameCount() - 1).toString();
                decisions.put(row.get(0), category + " " + String.join("|", row.subList(2, row.size())));
            }
        }
        return decisions;
    }

    /** Every row of {@code table}, each as {@code column=value|...}, sorted: two databases' tables compare as lists. */
    public List<String> tableLines(String table) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
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
        return lines;
    }

    private Connection connect() throws SQLException {
        return connections.open();
    }
}
