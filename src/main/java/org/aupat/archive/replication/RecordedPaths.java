package org.aupat.archive.replication;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.aupat.foundation.error.DatabaseError;
import org.springframework.stereotype.Repository;

/**
 * The absolute paths a database records, and how recover moves them onto a home that lies elsewhere (a
 * new disk with a new mount point). The database names each archived file, location folder, URL folder,
 * moved and trashed file by its absolute path; the folders they lie in (archive, staging, trash) are
 * found from the rows themselves, so any backup can be moved, whatever version wrote it:
 * <ul>
 * <li>archive: an archived file whose copy a replica records lies at {@code <archive>/<its replica path>};
 * without one, a location folder lies two levels under the archive ({@code <state>-<type>/<location>});</li>
 * <li>staging: a file waiting for the archive lies at {@code <staging>/<loc uuidN>/<name>};</li>
 * <li>trash: a trashed file lies at {@code <trash>/<its path relative to the archive>}.</li>
 * </ul>
 * Each move rewrites the prefix of every column in {@link #COLUMNS} that starts with the old folder, and
 * the same paths inside the trash's saved rows (JSON), in one transaction. What a tool once said (the
 * exiftool and ffprobe output, whose SourceFile names the staging copy it read) and where a file came
 * from (card paths) are records, not places, and are kept as they are. Plain SQL, the same on the SQLite file
 * recover makes and on the PostgreSQL database it restores.
 */
@Repository
class RecordedPaths {
    /** Which folder's paths a column holds. */
    enum Folder { ARCHIVE, STAGING, TRASH }

    /** One column that records absolute paths, and the folders they lie in. */
    record Column(String table, String column, Set<Folder> folders) {
    }

    /** Every column with an absolute path into the home's folders; docs/rules.md names them too. */
    static final List<Column> COLUMNS = List.of(
            new Column("images", "img_loc", Set.of(Folder.ARCHIVE, Folder.STAGING)),
            new Column("videos", "vid_loc", Set.of(Folder.ARCHIVE, Folder.STAGING)),
            new Column("documents", "doc_loc", Set.of(Folder.ARCHIVE, Folder.STAGING)),
            new Column("locations", "loc_loc", Set.of(Folder.ARCHIVE)),
            new Column("sub_locations", "loc_loc", Set.of(Folder.ARCHIVE)),
            new Column("urls", "url_loc", Set.of(Folder.ARCHIVE)),
            new Column("file_moves", "from_path", Set.of(Folder.ARCHIVE)),
            new Column("file_moves", "to_path", Set.of(Folder.ARCHIVE)),
            new Column("trash", "archive_path", Set.of(Folder.ARCHIVE)),
            new Column("trash", "trash_path", Set.of(Folder.TRASH)));

    /** A folder that lay at {@code from} when the backup was made and lies at {@code to} now. */
    record Move(Folder folder, String from, String to) {
        @Override
        public String toString() {
            return folder.name().toLowerCase(Locale.ROOT) + " " + from + " -> " + to;
        }
    }

    /** Where this home's folders are. */
    record Home(Path archive, Path staging, Path trash) {
        String of(Folder folder) {
            Path path = switch (folder) {
                case ARCHIVE -> archive;
                case STAGING -> staging;
                case TRASH -> trash;
            };
            return path.toAbsolutePath().normalize().toString();
        }
    }

    /**
     * Moves every recorded path of the SQLite file {@code database} from the folders the rows were written
     * in to {@code home}'s, in one transaction; returns the moves made (none when the home lies where it lay).
     */
    List<Move> rebase(Path database, Home home) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            return rebase(c, home);
        } catch (SQLException e) {
            throw new DatabaseError("cannot move the paths recorded in " + database + " to this home: " + e.getMessage()
                    + "; nothing was restored.", e);
        }
    }

    /**
     * The same on any database's connection, in one transaction of its own: the moves are found and made
     * together. Once made, the rows name {@code home}'s folders, so a second call finds and makes none.
     */
    List<Move> rebase(Connection c, Home home) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Set<String> present = columns(c);
            List<Move> made = moves(c, present, home);
            for (Move move : made) {
                apply(c, present, move);
            }
            c.commit();
            return made;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The moves {@link #rebase} would make, read only: the folders the rows name that are not {@code home}'s. */
    List<Move> moves(Connection c, Home home) throws SQLException {
        return moves(c, columns(c), home);
    }

    private static List<Move> moves(Connection c, Set<String> present, Home home) throws SQLException {
        List<Move> moves = new ArrayList<>();
        Optional<String> archive = oldArchive(c, present);
        archive.ifPresent(a -> moves.add(new Move(Folder.ARCHIVE, a, home.of(Folder.ARCHIVE))));
        oldStaging(c, present).ifPresent(s -> moves.add(new Move(Folder.STAGING, s, home.of(Folder.STAGING))));
        if (archive.isPresent()) {
            oldTrash(c, present, archive.get())
                    .ifPresent(t -> moves.add(new Move(Folder.TRASH, t, home.of(Folder.TRASH))));
        }
        return moves.stream().filter(m -> !m.from().equals(m.to())).toList();
    }

    private static void apply(Connection c, Set<String> present, Move move) throws SQLException {
        String from = move.from() + "/";
        String to = move.to() + "/";
        int length = from.codePointCount(0, from.length()); // SQL counts characters, not UTF-16 units
        for (Column column : COLUMNS) {
            if (!column.folders().contains(move.folder()) || !present.contains(column.table() + "." + column.column())) {
                continue;
            }
            String col = column.column();
            try (PreparedStatement st = c.prepareStatement("UPDATE " + column.table() + " SET " + col + " = ? || substr("
                    + col + ", ?) WHERE substr(" + col + ", 1, ?) = ?")) {
                st.setString(1, to);
                st.setInt(2, length + 1);
                st.setInt(3, length);
                st.setString(4, from);
                st.executeUpdate();
            }
        }
        if (move.folder() != Folder.TRASH && present.contains("trash.media_row")) {
            // The trashed file's own row, kept as JSON text: its path values start with a quote.
            try (PreparedStatement st = c.prepareStatement("UPDATE trash SET media_row = replace(media_row, ?, ?)")) {
                st.setString(1, "\"" + json(from));
                st.setString(2, "\"" + json(to));
                st.executeUpdate();
            }
        }
    }

    private static String json(String text) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(text));
    }

    /** "table.column" for every column of the tables in {@link #COLUMNS} (an older backup may lack some). */
    private static Set<String> columns(Connection c) throws SQLException {
        Set<String> present = new HashSet<>();
        DatabaseMetaData meta = c.getMetaData();
        for (String table : COLUMNS.stream().map(Column::table).distinct().toList()) {
            try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                while (rs.next()) {
                    present.add(table + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        try (ResultSet rs = meta.getColumns(null, null, "replica_copies", null)) {
            while (rs.next()) {
                present.add("replica_copies." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return present;
    }

    /** The archive folder the rows were written in, when any row lies in it. */
    private static Optional<String> oldArchive(Connection c, Set<String> present) throws SQLException {
        if (present.contains("replica_copies.path")) {
            for (String[] media : List.of(new String[] {"images", "img"}, new String[] {"videos", "vid"},
                    new String[] {"documents", "doc"})) {
                String p = media[1];
                if (!present.contains(media[0] + "." + p + "_archived")) {
                    continue;
                }
                Optional<String[]> row = first(c, "SELECT m." + p + "_loc, r.path FROM " + media[0] + " m JOIN replica_copies r"
                        + " ON r.sha256 = m." + p + "_sha256 AND r.kind = 'media' WHERE m." + p + "_archived IS NOT NULL"
                        + " AND r.path = substr(m." + p + "_loc, length(m." + p + "_loc) - length(r.path) + 1)", 2);
                Optional<String> root = row.flatMap(r -> prefix(r[0], r[1]));
                if (root.isPresent()) {
                    return root;
                }
            }
        }
        if (present.contains("locations.loc_loc")) {
            Optional<String[]> row = first(c, "SELECT loc_loc FROM locations WHERE loc_loc IS NOT NULL", 1);
            if (row.isPresent()) {
                Path folder = Path.of(row.get()[0]);
                if (folder.getNameCount() > 2 && folder.isAbsolute()) {
                    return Optional.of(folder.getParent().getParent().toString());
                }
            }
        }
        return Optional.empty();
    }

    /** The staging folder the rows were written in, when a file was waiting for the archive. */
    private static Optional<String> oldStaging(Connection c, Set<String> present) throws SQLException {
        for (String[] media : List.of(new String[] {"images", "img"}, new String[] {"videos", "vid"},
                new String[] {"documents", "doc"})) {
            String p = media[1];
            if (!present.contains(media[0] + "." + p + "_archived")) {
                continue;
            }
            Optional<String[]> row = first(c, "SELECT " + p + "_loc FROM " + media[0] + " WHERE " + p + "_archived IS NULL", 1);
            if (row.isPresent()) {
                Path file = Path.of(row.get()[0]);
                if (file.isAbsolute() && file.getNameCount() > 2) {
                    return Optional.of(file.getParent().getParent().toString());
                }
            }
        }
        return Optional.empty();
    }

    /** The trash folder the rows were written in, when a file was in the trash. */
    private static Optional<String> oldTrash(Connection c, Set<String> present, String archive) throws SQLException {
        if (!present.contains("trash.trash_path")) {
            return Optional.empty();
        }
        Optional<String[]> row = first(c, "SELECT trash_path, archive_path FROM trash", 2);
        if (row.isEmpty() || !row.get()[1].startsWith(archive + "/")) {
            return Optional.empty();
        }
        return prefix(row.get()[0], row.get()[1].substring(archive.length() + 1));
    }

    /** {@code path} without {@code /tail}, when it ends so. */
    static Optional<String> prefix(String path, String tail) {
        String end = "/" + tail;
        return path != null && path.length() > end.length() && path.endsWith(end)
                ? Optional.of(path.substring(0, path.length() - end.length()))
                : Optional.empty();
    }

    private static Optional<String[]> first(Connection c, String sql, int columns) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql + " LIMIT 1"); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String[] values = new String[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = rs.getString(i + 1);
            }
            return Optional.of(values);
        }
    }
}
