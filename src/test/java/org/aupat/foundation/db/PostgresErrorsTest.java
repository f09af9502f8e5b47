package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.aupat.foundation.error.AupatError;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.UniqueConstraintError;
import org.aupat.testing.LocalPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL's refusals, raised for real on a server and seen as a repository sees them (through Spring's
 * JdbcTemplate), become AUPAT's errors: the retryable ones (busy rows, a lost connection) as transient, the others
 * not, each with the first line of the server's message only.
 */
class PostgresErrorsTest {
    private final LocalPostgres pg = LocalPostgres.server();
    private String db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        db = pg.newDatabase();
        pg.execute(db, "CREATE TABLE location (id BIGINT PRIMARY KEY, name TEXT)",
                "CREATE TABLE media_file (id BIGINT PRIMARY KEY, sha TEXT NOT NULL UNIQUE,"
                        + " location_id BIGINT REFERENCES location (id))",
                "INSERT INTO location VALUES (1, 'mill')", "INSERT INTO media_file VALUES (1, 'abc', 1)");
        jdbc = new JdbcTemplate(new DriverManagerDataSource(pg.url(db), LocalPostgres.USER, LocalPostgres.PASSWORD));
    }

    private static RuntimeException translated(Runnable failing) {
        Throwable thrown = catchThrowable(failing::run);
        assertThat(thrown).as("the statement must fail").isNotNull();
        return DatabaseErrors.translate(thrown);
    }

    @Test
    void aDuplicateOrAnOrphanRowIsNotRetriedAndSaysOnlyTheFirstLine() {
        RuntimeException duplicate = translated(() -> jdbc.update("INSERT INTO media_file VALUES (2, 'abc', 1)"));
        assertThat(duplicate).isInstanceOf(UniqueConstraintError.class)
                .hasMessage("a row would duplicate a unique value: ERROR: duplicate key value violates unique constraint"
                        + " \"media_file_sha_key\"");
        assertThat(((AupatError) duplicate).recoverable()).isFalse();
        assertThat(((AupatError) duplicate).context()).containsEntry("sqlstate", "23505");

        RuntimeException orphan = translated(() -> jdbc.update("INSERT INTO media_file VALUES (3, 'def', 7)"));
        assertThat(orphan).isInstanceOf(ForeignKeyError.class)
                .hasMessage("a row refers to a missing parent row: ERROR: insert or update on table \"media_file\""
                        + " violates foreign key constraint \"media_file_location_id_fkey\"");
        assertThat(((AupatError) orphan).recoverable()).isFalse();
    }

    @Test
    void aMissingTableAsksForDbMigrateWithExit2() {
        RuntimeException notSetUp = translated(() -> jdbc.queryForList("SELECT * FROM import_record"));
        assertThat(notSetUp).isExactlyInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("the database is not set up yet (ERROR: relation \"import_record\" does not"
                        + " exist"
                        + "). Run --script=db_migrate first");
        assertThat(((AupatError) notSetUp).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void rowsAnotherRunHoldsOrChangedMeanwhileAreBusyAndMayBeRetried() throws SQLException {
        try (Connection other = pg.connect(db); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("SELECT * FROM location WHERE id = 1 FOR UPDATE");
            RuntimeException locked = translated(() -> jdbc.queryForList("SELECT * FROM location WHERE id = 1 FOR UPDATE"
                    + " NOWAIT"));
            assertThat(locked).isExactlyInstanceOf(TransientDatabaseError.class)
                    .hasMessage("the database is busy (another run is writing the same rows): ERROR: could not obtain"
                            + " lock on row in relation \"location\"");
            assertThat(((AupatError) locked).recoverable()).isTrue();
            other.rollback();
        }

        try (Connection reader = pg.connect(db); Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            reader.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            s.execute("SELECT name FROM location WHERE id = 1");
            jdbc.update("UPDATE location SET name = 'elevator' WHERE id = 1"); // another machine, committed
            RuntimeException changed = translated(() -> {
                try {
                    s.executeUpdate("UPDATE location SET name = 'mill B' WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(changed).isExactlyInstanceOf(TransientDatabaseError.class)
                    .hasMessage("the database is busy (another run is writing the same rows): ERROR: could not"
                            + " serialize access due to concurrent update");
            assertThat(((AupatError) changed).context()).containsEntry("sqlstate", "40001");
            reader.rollback();
        }
    }

    @Test
    void aServerThatCannotBeReachedOrAPoolWithNoFreeConnectionMayBeRetried() throws SQLException {
        JdbcTemplate nowhere = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "someone", "secret-pw-123"));
        RuntimeException unreachable = translated(() -> nowhere.queryForList("SELECT 1"));
        assertThat(unreachable).isExactlyInstanceOf(TransientDatabaseError.class)
                .hasMessageStartingWith("the connection to the PostgreSQL server failed: Connection to 127.0.0.1:1"
                        + " refused").hasMessageNotContaining("secret-pw-123");
        assertThat(((AupatError) unreachable).recoverable()).isTrue();

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.url(db));
        config.setUsername(LocalPostgres.USER);
        config.setPassword(LocalPostgres.PASSWORD);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config); Connection busy = pool.getConnection()) {
            // Hikari's timeout carries no SQLSTATE: it is known by its class
            RuntimeException exhausted = translated(() -> new JdbcTemplate(pool).queryForList("SELECT 1"));
            assertThat(exhausted).isExactlyInstanceOf(TransientDatabaseError.class)
                    .hasMessageContaining("Connection is not available, request timed out after");
            assertThat(busy.isValid(1)).isTrue();
        }
    }

    @Test
    void aFullDiskOnTheServerSaysToFreeSpaceAndAnyOtherRefusalIsADatabaseError() {
        // A full disk cannot be made for a test: the server's own error, as the driver reports it.
        RuntimeException full = DatabaseErrors.translate(new SQLException("ERROR: could not extend file"
                + " \"base/16384/16385\": No space left on device\n  Hint: Check free disk space.", "53100"));
        assertThat(full).isExactlyInstanceOf(DatabaseError.class)
                .hasMessage("the disk holding the PostgreSQL database is full: ERROR: could not extend file"
                        + " \"base/16384/16385\": No space left on device. Free some space on the server and run again.");

        RuntimeException other = translated(() -> jdbc.queryForObject("SELECT 1 / (count(*) - 1) FROM location",
                Integer.class));
        assertThat(other).isExactlyInstanceOf(DatabaseError.class).hasMessage("database error: ERROR: division by zero");
        assertThat(((AupatError) other).context()).containsEntry("sqlstate", "22012");
    }
}
