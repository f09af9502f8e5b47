package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.preflight.DatabaseOnLocalDisk;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.DatabaseError;
import org.aupat.foundation.error.ForeignKeyError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.UniqueConstraintError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.logging.LogbackInFolder;
import org.aupat.foundation.logging.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

class TransactionsTest {
    @TempDir
    Path dir;
    private AnnotationConfigApplicationContext context;
    private JdbcTemplate jdbc;
    private PlaceService places;

    @Repository
    static class PlaceRepository {
        private final JdbcTemplate jdbc;

        PlaceRepository(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        void insertPlace(int id, String name) {
            jdbc.update("INSERT INTO place (id, name) VALUES (?, ?)", id, name);
        }

        void insertVisit(int id, int place) {
            jdbc.update("INSERT INTO visit (id, place) VALUES (?, ?)", id, place);
        }

        @Transactional(propagation = Propagation.NESTED)
        void insertPlaceThenFail(int id) {
            insertPlace(id, "nested");
            throw new IllegalStateException("nested work failed");
        }
    }

    @Service
    static class PlaceService {
        private final PlaceRepository repository;

        PlaceService(PlaceRepository repository) {
            this.repository = repository;
        }

        @Transactional
        void insertTwo() {
            repository.insertPlace(1, "mill");
            repository.insertPlace(2, "asylum");
            assertThat(DatabaseHealth.transactionActive()).isTrue();
        }

        @Transactional
        void insertThenFail() {
            repository.insertPlace(1, "mill");
            throw new IllegalStateException("boom after one row");
        }

        @Transactional
        void outerKeepsItsWorkWhenNestedFails() {
            repository.insertPlace(1, "outer");
            try {
                repository.insertPlaceThenFail(2);
            } catch (IllegalStateException expected) {
                // the savepoint is rolled back; the outer row stays
            }
            repository.insertPlace(3, "outer again");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAspectJAutoProxy(proxyTargetClass = true)
    @Import({DatabaseConfiguration.class, RepositoryErrorTranslation.class, TransactionCauseRecorder.class,
            DatabaseHealth.class, PlaceRepository.class, PlaceService.class, DatabaseOnLocalDisk.class})
    static class TestConfiguration {
    }

    @BeforeEach
    void start() {
        LogbackInFolder.start(dir.resolve("logs"), "10MB");
        RunContext.start("db_import");
        AupatProperties properties = new AupatProperties(dir.resolve("aupat.db"), dir.resolve("checkpoint.db"),
                dir.resolve("staging"), dir.resolve("archive"), dir.resolve("backups"), dir.resolve("logs"),
                dir.resolve("rules"), "exiftool", "ffprobe");
        context = new AnnotationConfigApplicationContext();
        context.registerBean(AupatProperties.class, () -> properties);
        context.register(TestConfiguration.class);
        context.refresh();
        jdbc = context.getBean(JdbcTemplate.class);
        places = context.getBean(PlaceService.class);
        jdbc.execute("CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
        jdbc.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, place INTEGER NOT NULL REFERENCES place(id))");
    }

    @AfterEach
    void stop() {
        context.close();
        RunContext.clear();
        LogbackInFolder.stop();
    }

    private int rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private String transactionLog() throws IOException {
        return Files.readString(dir.resolve("logs/transaction.log"));
    }

    @Test
    void everyConnectionHasWalForeignKeysSynchronousNormalAndBusyTimeout() {
        SqliteDatabase database = context.getBean(SqliteDatabase.class);
        for (int connection = 0; connection < 2; connection++) {
            DatabaseHealth health = context.getBean(DatabaseHealth.class);
            assertThat(health.journalMode()).isEqualTo("wal");
            assertThat(health.foreignKeysEnabled()).isTrue();
            assertThat(jdbc.queryForObject("PRAGMA synchronous", Integer.class)).isEqualTo(1); // NORMAL
            assertThat(jdbc.queryForObject("PRAGMA busy_timeout", Integer.class))
                    .isEqualTo(SqliteDatabase.BUSY_TIMEOUT_MS);
            database.close(); // the next query opens a fresh connection
        }
        assertThat(DatabaseHealth.transactionActive()).isFalse();
    }

    @Test
    void commitsOnReturnAndLogsIt() throws IOException {
        places.insertTwo();
        assertThat(rows("place")).isEqualTo(2);
        assertThat(transactionLog())
                .containsPattern("\\| BEGIN \\S*PlaceService\\.insertTwo script=db_import run=\\w{8}")
                .containsPattern("\\| COMMIT \\S*PlaceService\\.insertTwo script=db_import duration_ms=\\d+ rows=2");
    }

    @Test
    void rollsBackOnExceptionAndLogsTheCause() throws IOException {
        assertThatThrownBy(places::insertThenFail).isInstanceOf(IllegalStateException.class);
        assertThat(rows("place")).isZero();
        assertThat(transactionLog()).contains("BEGIN").containsPattern(
                "\\| WARN \\| .* \\| ROLLBACK \\S*PlaceService\\.insertThenFail script=db_import duration_ms=\\d+"
                        + " rows_discarded=1 cause=IllegalStateException: boom after one row");
    }

    @Test
    void nestedRollbackToASavepointKeepsTheOuterWork() {
        places.outerKeepsItsWorkWhenNestedFails();
        assertThat(jdbc.queryForList("SELECT name FROM place ORDER BY id", String.class))
                .containsExactly("outer", "outer again");
    }

    @Test
    void foreignKeyAndUniqueViolationsBecomeOurErrors() {
        PlaceRepository repository = context.getBean(PlaceRepository.class);
        assertThatThrownBy(() -> repository.insertVisit(1, 42)).isInstanceOf(ForeignKeyError.class)
                .hasMessageContaining("missing parent row");
        repository.insertPlace(1, "mill");
        assertThatThrownBy(() -> repository.insertPlace(2, "mill")).isInstanceOf(UniqueConstraintError.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> repository.insertPlace(1, "other")).isInstanceOf(UniqueConstraintError.class);
        // A missing table means the schema was never made: the user's next step, not a database failure.
        assertThatThrownBy(() -> jdbc.execute("SELECT * FROM nowhere")).satisfies(
                e -> assertThat(SqliteErrors.translate(e)).isExactlyInstanceOf(ConfigurationError.class)
                        .hasMessageContaining("no such table").hasMessageContaining("Run --script=db_migrate first"));
        assertThatThrownBy(() -> jdbc.execute("SELEC 1")).satisfies(
                e -> assertThat(SqliteErrors.translate(e)).isExactlyInstanceOf(DatabaseError.class)
                        .hasMessageContaining("database error").hasMessageContaining("syntax error"));
    }

    @Test
    void aWriteLockHeldElsewhereBecomesATransientError() throws Exception {
        Path file = dir.resolve("aupat.db");
        try (SqliteDatabase impatient = new SqliteDatabase(file, "aupat.database", 50);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement otherStatement = other.createStatement()) {
            otherStatement.execute("BEGIN IMMEDIATE"); // another process holds the write lock
            otherStatement.execute("INSERT INTO place (id, name) VALUES (9, 'held')");
            assertThatThrownBy(() -> new JdbcTemplate(impatient).update("INSERT INTO place (id, name) VALUES (1, 'x')"))
                    .satisfies(e -> assertThat(SqliteErrors.translate(e))
                            .isInstanceOfSatisfying(TransientDatabaseError.class, t -> {
                                assertThat(t.recoverable()).isTrue();
                                assertThat(t.context()).containsEntry("sqlite_code", "SQLITE_BUSY");
                            }));
            otherStatement.execute("ROLLBACK");
        }
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedAndLeftUntouched() throws IOException {
        Path notADatabase = dir.resolve("photos.db");
        byte[] content = "these are my notes, not a database\n".getBytes();
        Files.write(notADatabase, content);
        try (SqliteDatabase database = new SqliteDatabase(notADatabase, "aupat.database")) {
            assertThatThrownBy(database::getConnection).isInstanceOf(ValidationError.class)
                    .hasMessageContaining("aupat.database").hasMessageContaining("is not an SQLite database");
        }
        assertThat(Files.readAllBytes(notADatabase)).isEqualTo(content);
        assertThat(dir.resolve("photos.db-wal")).doesNotExist();
        assertThat(dir.resolve("photos.db-shm")).doesNotExist();
        assertThatThrownBy(() -> SqliteDatabase.requireSqliteOrAbsent(dir, "aupat.database"))
                .isInstanceOf(ValidationError.class).hasMessageContaining("not a regular file");
        Path empty = Files.createFile(dir.resolve("empty.db"));
        SqliteDatabase.requireSqliteOrAbsent(empty, "aupat.database"); // an empty file may become a database
        Path short1 = Files.write(dir.resolve("short.db"), new byte[] {'S', 'Q'});
        assertThatThrownBy(() -> SqliteDatabase.requireSqliteOrAbsent(short1, "aupat.database"))
                .isInstanceOf(ValidationError.class);
    }
}
