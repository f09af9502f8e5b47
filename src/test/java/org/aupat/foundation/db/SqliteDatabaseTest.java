package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsItsFolderOnFirstConnectionOnly() throws SQLException {
        Path file = dir.resolve("data/aupat.db");
        try (SqliteDatabase database = new SqliteDatabase(file, "aupat.database")) {
            assertThat(database.exists()).isFalse();
            assertThat(dir.resolve("data")).doesNotExist();
            try (Connection c = database.getConnection("ignored", "ignored")) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(database.exists()).isTrue();
            assertThat(database.file()).isEqualTo(file);
        }
    }

    @Test
    void aFolderThatCannotBeCreatedIsNamed() throws IOException {
        Files.writeString(dir.resolve("data"), "a file where the folder should be");
        try (SqliteDatabase database = new SqliteDatabase(dir.resolve("data/aupat.db"), "aupat.database")) {
            assertThatThrownBy(database::getConnection).isInstanceOf(DatabaseError.class)
                    .hasMessageContaining("cannot create the folder " + dir.resolve("data"));
        }
    }

    @Test
    void aDamagedDatabaseIsAClearError() throws IOException {
        Path file = dir.resolve("aupat.db");
        Files.write(file, ("SQLite format 3\0" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII));
        try (SqliteDatabase database = new SqliteDatabase(file, "aupat.database")) {
            assertThatThrownBy(database::getConnection).isInstanceOf(DatabaseError.class)
                    .hasMessageContaining("cannot open the aupat.database at " + file)
                    .hasMessageContaining("Check that the file is an AUPAT database");
        }
    }

    @Test
    void translationCoversFullDisksAndNonSqliteFailures() {
        RuntimeException full = SqliteErrors.translate(new SQLiteException("disk full", SQLiteErrorCode.SQLITE_FULL));
        assertThat(full).isExactlyInstanceOf(DatabaseError.class).hasMessageContaining("disk holding the database is full");
        AupatError ours = new DatabaseError("already ours");
        assertThat(SqliteErrors.translate(ours)).isSameAs(ours);
        RuntimeException notSetUp = SqliteErrors.translate(new SQLiteException(
                "[SQLITE_ERROR] SQL error or missing database (no such table: images)", SQLiteErrorCode.SQLITE_ERROR));
        assertThat(notSetUp).isExactlyInstanceOf(org.aupat.foundation.error.ConfigurationError.class)
                .hasMessageContaining("no such table: images").hasMessageContaining("Run --script=db_migrate first");
        assertThat(((AupatError) notSetUp).exitCode()).isEqualTo(2);
        assertThat(SqliteErrors.translate(new SQLiteException("[SQLITE_ERROR] near \"x\": syntax error",
                SQLiteErrorCode.SQLITE_ERROR))).isExactlyInstanceOf(DatabaseError.class);
        IllegalStateException unrelated = new IllegalStateException("x");
        assertThat(SqliteErrors.translate(unrelated)).isSameAs(unrelated);
        assertThat(SqliteErrors.translate(new IOException("checked"))).isInstanceOf(DatabaseError.class)
                .hasMessage("checked");
    }

    @Test
    void aFileThatCannotBeReadIsRefused() {
        // /proc/self/mem exists and is regular but its first bytes cannot be read
        assertThatThrownBy(() -> SqliteDatabase.requireSqliteOrAbsent(Path.of("/proc/self/mem"), "aupat.database"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("cannot be read");
    }
}
