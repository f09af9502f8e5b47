package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** db_migrate, backup, db_cleanup and gen_uuid as a user runs them, in process, on real files in a home of their own. */
@Tag("commands")
class MaintenanceTest {
    @TempDir
    Path home;

    Path db() {
        return home.resolve("data/aupat.db");
    }

    void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    long backupsCount() throws Exception {
        try (Stream<Path> files = Files.list(home.resolve("data/backups"))) {
            return files.filter(p -> p.getFileName().toString().matches("aupat-.*\\.db")).count();
        }
    }

    @Test
    void dbMigrateCreatesThenBacksUpAndChangesNothingTheSecondTime() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result first = aupat.run("--script=db_migrate");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).isEqualTo("schema version " + latestSchemaVersion() + "\n");

        JarRunner.Result second = aupat.run("--script=db_migrate");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).isEqualTo("schema version " + latestSchemaVersion() + "\n");
        assertThat(second.err()).contains("0 migration(s) applied").contains("backed up to");
        assertThat(backupsCount()).isEqualTo(1);
        assertThat(Files.readString(home.resolve("data/backups/manifest-sha256.txt"))).matches("[0-9a-f]{64}  aupat-.*\\.db\n");
    }

    @Test
    void dbMigrateRefusesAFileThatIsNotSqliteAndLeavesItUntouched() throws Exception {
        Files.createDirectories(db().getParent());
        Files.writeString(db(), "not a database");
        JarRunner.Result r = new InProcessRunner(home).run("--script=db_migrate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not an SQLite database").doesNotContain("\tat ");
        assertThat(Files.readString(db())).isEqualTo("not a database");
    }

    @Test
    void backupSaysNothingToBackUpWithoutADatabaseThenPrintsTheVerifiedBackup() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        JarRunner.Result none = aupat.run("--script=backup");
        assertThat(none.exit()).isZero();
        assertThat(none.err()).contains("nothing to back up");
        assertThat(db()).doesNotExist();

        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        JarRunner.Result made = aupat.run("--script=backup");
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(Path.of(made.out().trim())).exists().hasParent(home.resolve("data/backups"));
    }

    @Test
    void dbCleanupRemovesCrashLeftoversReportsMissingFilesAndRottedBackupsWithExit4() throws Exception {
        InProcessRunner aupat = new InProcessRunner(home);
        assertThat(aupat.run("--script=db_migrate").exit()).isZero();
        JarRunner.Result clean = aupat.run("--script=db_cleanup");
        assertThat(clean.exit()).as(clean.out() + clean.err()).isZero();
        assertThat(clean.out()).contains("nothing needs a person");

        Path backup = Path.of(aupat.run("--script=backup").out().trim());
        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length - 10] ^= 0x01;
        Files.write(backup, bytes);
        sql("INSERT INTO locations (loc_uuid, loc_name, state, type) VALUES ('0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6', 'Cafe', 'ny', 'commercial')");
        Path gone = home.resolve("data/archive/ny-commercial/cafe_0c6d2e7a4b13/photos/original_phone/gone.jpg");
        sql("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid) VALUES ('" + "c".repeat(64) + "', 'gone.jpg', '"
                + gone + "', '0c6d2e7a-4b13-4c5d-8e9f-a1b2c3d4e5f6')");
        Path crashed = home.resolve("data/archive/ny-commercial/cafe_0c6d2e7a4b13/photos/original_phone/x.jpg.aupat-tmp");
        Files.createDirectories(crashed.getParent());
        Files.writeString(crashed, "half a copy");

        JarRunner.Result r = aupat.run("--script=db_cleanup", "--no-vacuum");

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.out()).contains("Needs a person (2)").contains(gone + " is missing").contains("rotted")
                .contains("temporary file of a crashed run: " + crashed);
        assertThat(crashed).doesNotExist();
        assertThat(backup).exists();
    }

    @Test
    void genUuidWorksWithoutADatabaseAndCreatesNone() throws Exception {
        JarRunner.Result r = new InProcessRunner(home).run("--script=gen_uuid");
        assertThat(r.exit()).isZero();
        assertThat(r.out().trim()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(db()).doesNotExist();
    }

    /** The highest V<n>__*.sql migration in the sources: what db_migrate brings a database to. */
    static int latestSchemaVersion() throws java.io.IOException {
        return org.aupat.foundation.db.MigratedSchema.migrations().keySet().stream().mapToInt(Integer::parseInt).max()
                .orElseThrow();
    }
}
