package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.aupat.foundation.error.DatabaseError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFilesTest {
    @TempDir
    Path dir;
    final SqliteFiles files = new SqliteFiles();

    @Test
    void readsCountsAndIntegrityWithoutChangingAByteOrLeavingSideFiles() throws Exception {
        Path db = dir.resolve("a.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE \"odd\"\"name\" (x)");
            st.execute("INSERT INTO \"odd\"\"name\" VALUES (1)");
            st.execute("CREATE TABLE b (x)");
        }
        byte[] before = Files.readAllBytes(db);

        assertThat(files.rowCounts(db)).containsExactly(java.util.Map.entry("b", 0L), java.util.Map.entry("odd\"name", 1L));
        assertThat(files.integrityCheck(db)).isEqualTo("ok");

        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(db);
        }
    }

    @Test
    void writingThroughTheReadOnlyConnectionIsRefused() throws Exception {
        Path db = dir.resolve("a.db");
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            st.execute("CREATE TABLE b (x)");
        }
        assertThatThrownBy(() -> files.readOnly(db, c -> c.createStatement().executeUpdate("INSERT INTO b VALUES (1)")))
                .isInstanceOf(DatabaseError.class).hasMessageContaining(db.toString());
    }

    @Test
    void aMissingFileIsNotCreated() {
        Path db = dir.resolve("missing.db");
        assertThatThrownBy(() -> files.rowCounts(db)).isInstanceOf(DatabaseError.class).hasMessageContaining("does not exist");
        assertThat(files.integrityCheck(db)).contains("does not exist");
        assertThat(db).doesNotExist();
    }
}
