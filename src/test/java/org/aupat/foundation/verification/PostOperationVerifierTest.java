package org.aupat.foundation.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.aupat.foundation.db.DatabaseHealth;
import org.aupat.foundation.db.SqliteDatabase;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.VerificationError;
import org.aupat.foundation.hashing.FileHasher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class PostOperationVerifierTest {
    @TempDir
    Path dir;
    private SqliteDatabase database;
    private JdbcTemplate jdbc;
    private PostOperationVerifier verifier;
    private final FileHasher hasher = new FileHasher();

    @BeforeEach
    void openDatabase() {
        database = new SqliteDatabase(dir.resolve("aupat.db"), "test database");
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)");
        jdbc.execute("CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL REFERENCES parent(id),"
                + " size INTEGER CHECK (size > 0))");
        verifier = new PostOperationVerifier(hasher, new DatabaseHealth(jdbc));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void rowsChangedAsExpected() {
        jdbc.update("INSERT INTO parent (id) VALUES (1)");
        int updated = jdbc.update("UPDATE parent SET id = 2 WHERE id = 1");
        assertThatCode(() -> verifier.rowsChanged("rename parent", 1, updated)).doesNotThrowAnyException();
        int none = jdbc.update("UPDATE parent SET id = 3 WHERE id = 99");
        assertThatThrownBy(() -> verifier.rowsChanged("rename parent", 1, none))
                .isInstanceOf(VerificationError.class).hasMessageContaining("rename parent changed 0 rows, expected 1");
    }

    @Test
    void rowsInsertedAsExpected() {
        jdbc.update("INSERT INTO parent (id) VALUES (1)");
        jdbc.update("INSERT INTO child (id, parent, size) VALUES (10, 1, 5), (11, 1, 6)");
        assertThatCode(() -> verifier.rowCount("child", "parent", 1, 2)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.rowCount("child", "parent", 1, 3)).isInstanceOf(VerificationError.class)
                .hasMessageContaining("child holds 2 rows with parent = 1, expected 3");
    }

    @Test
    void aCorruptedCopyIsCaught() throws IOException {
        Path source = Files.write(dir.resolve("IMG_0001.JPG"), new byte[] {1, 2, 3, 4, 5});
        Path copy = Files.copy(source, dir.resolve("copy.jpg"));
        assertThat(verifier.fileCopied(source, copy)).isEqualTo(hasher.sha256(source));

        Files.write(copy, new byte[] {1, 2, 9, 4, 5}); // same size, one byte flipped
        assertThatThrownBy(() -> verifier.fileCopied(source, copy)).isInstanceOfSatisfying(
                ChecksumMismatchError.class, e -> {
                    assertThat(e.path()).isEqualTo(copy);
                    assertThat(e.expected()).isEqualTo(hasher.sha256(source));
                    assertThat(e.actual()).isEqualTo(hasher.sha256(copy));
                });

        Files.write(copy, new byte[] {1, 2, 3}); // truncated
        assertThatThrownBy(() -> verifier.fileCopied(source, copy)).isInstanceOf(VerificationError.class)
                .hasMessageContaining("has 3 bytes but its source");

        Files.delete(copy);
        assertThatThrownBy(() -> verifier.fileCopied(source, copy)).isInstanceOf(FileSystemError.class)
                .hasMessageContaining("missing or not a regular file");
    }

    @Test
    void fileMovedMeansSourceGoneAndDestinationIntact() throws IOException {
        Path source = Files.writeString(dir.resolve("a.jpg"), "photo");
        String sha = hasher.sha256(source);
        Path destination = dir.resolve("b.jpg");
        Files.copy(source, destination);
        assertThatThrownBy(() -> verifier.fileMoved(source, destination, sha)).isInstanceOf(VerificationError.class)
                .hasMessageContaining("still exists");
        Files.delete(source);
        assertThatCode(() -> verifier.fileMoved(source, destination, sha)).doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.fileMoved(source, destination, "0".repeat(64)))
                .isInstanceOf(ChecksumMismatchError.class);
    }

    @Test
    void directoryCreated() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("ny-hospital"));
        assertThatCode(() -> verifier.directoryCreated(folder)).doesNotThrowAnyException();
        Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
        assertThatThrownBy(() -> verifier.directoryCreated(link)).isInstanceOf(FileSystemError.class)
                .hasMessageContaining("was not created");
    }

    @Test
    void foreignKeysSatisfied() throws SQLException {
        jdbc.update("INSERT INTO parent (id) VALUES (1)");
        jdbc.update("INSERT INTO child (id, parent, size) VALUES (10, 1, 5)");
        verifier.foreignKeysSatisfied();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database.file());
                Statement st = raw.createStatement()) {
            st.execute("PRAGMA foreign_keys = OFF"); // how an orphan gets in: a writer without foreign keys
            st.execute("INSERT INTO child (id, parent, size) VALUES (11, 42, 5)");
        }
        assertThatThrownBy(verifier::foreignKeysSatisfied).isInstanceOf(ForeignKeyError.class)
                .hasMessageContaining("1 rows refer to missing parent rows");
    }

    @Test
    void constraintsHold() throws SQLException {
        jdbc.update("INSERT INTO parent (id) VALUES (1)");
        verifier.constraintsHold();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database.file());
                Statement st = raw.createStatement()) {
            st.execute("PRAGMA ignore_check_constraints = ON"); // a writer that bypassed the CHECK constraint
            st.execute("INSERT INTO child (id, parent, size) VALUES (10, 1, -1)");
        }
        assertThatThrownBy(verifier::constraintsHold).isInstanceOf(VerificationError.class)
                .hasMessageContaining("integrity check").hasMessageContaining("CHECK constraint");
    }
}
