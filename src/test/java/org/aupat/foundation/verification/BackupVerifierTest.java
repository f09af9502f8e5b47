package org.aupat.foundation.verification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.aupat.foundation.db.SqliteFiles;
import org.aupat.foundation.error.BackupError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupVerifierTest {
    @TempDir
    Path dir;
    Path source;
    Path backup;
    final BackupVerifier verifier = new BackupVerifier(new SqliteFiles());

    @BeforeEach
    void setUp() throws Exception {
        source = dir.resolve("aupat.db");
        backup = dir.resolve("aupat-2026-11-24_12-00-00.db");
        sql(source, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1), (2)", "CREATE TABLE u (y)");
        sql(source, "VACUUM INTO '" + backup + "'");
    }

    static void sql(Path db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    @Test
    void aFaithfulBackupPasses() {
        assertThatCode(() -> verifier.verify(source, backup, null)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(source, backup, FileTime.from(Instant.parse("2000-01-01T00:00:00Z"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingBackupFails() {
        assertThatThrownBy(() -> verifier.verify(source, dir.resolve("gone.db"), null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void anEmptyBackupFails() throws Exception {
        Files.write(backup, new byte[0]);
        assertThatThrownBy(() -> verifier.verify(source, backup, null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void aBackupThatIsNotADatabaseFails() throws Exception {
        Files.writeString(backup, "garbage that is not SQLite at all, long enough to be read as a header");
        assertThatThrownBy(() -> verifier.verify(source, backup, null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("integrity check");
    }

    @Test
    void aDamagedBackupFailsTheIntegrityCheck() throws Exception {
        byte[] bytes = Files.readAllBytes(backup);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) 0xFF;
        }
        Files.write(backup, bytes);
        assertThatThrownBy(() -> verifier.verify(source, backup, null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("integrity check");
    }

    @Test
    void aBackupWithOtherRowCountsFails() throws Exception {
        sql(source, "INSERT INTO t VALUES (3)");
        assertThatThrownBy(() -> verifier.verify(source, backup, null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("same tables and rows").hasMessageContaining("t=3");
    }

    @Test
    void aBackupWithOtherTablesFails() throws Exception {
        sql(source, "CREATE TABLE v (z)");
        assertThatThrownBy(() -> verifier.verify(source, backup, null)).isInstanceOf(BackupError.class)
                .hasMessageContaining("v=0");
    }

    @Test
    void aBackupOlderThanThePreviousNewestFails() {
        FileTime future = FileTime.from(Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> verifier.verify(source, backup, future)).isInstanceOf(BackupError.class)
                .hasMessageContaining("older than the previous newest backup");
    }
}
