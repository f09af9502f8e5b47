package org.aupat.foundation.db;

import java.sql.Connection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The few places where SQLite's SQL and PostgreSQL's differ and no portable form exists, chosen once at
 * start-up with the database ({@link ArchiveDatabase#dialect()}). Repositories build these fragments into
 * their SQL; nothing else asks which database it is. Everything else is written in SQL both accept
 * (docs/postgresql.md lists the rules).
 */
public interface SqlDialect {
    /** The name Flyway's vendor folder has: {@code sqlite} or {@code postgresql} (db/vendor/&lt;name&gt;). */
    String vendor();

    /** The Flyway locations: the shared migrations, then this database's own versions of the others. */
    default List<String> migrationLocations() {
        return List.of("classpath:db/migration", "classpath:db/vendor/" + vendor());
    }

    /** {@code expression} matches the glob given as the next parameter (see {@link #globArgument}); case-sensitive. */
    String globMatches(String expression);

    /** The parameter for {@link #globMatches}: a glob with {@code * ? [...]}. */
    String globArgument(String glob);

    /** {@code haystack} contains the text given as the next parameter (case-sensitive). */
    String contains(String haystack);

    /** The text of {@code field} in the JSON object held in the text column {@code column} (NULL when absent). */
    String jsonText(String column, String field);

    /**
     * A FROM item listing the elements of the JSON array of strings held in the text column {@code column},
     * as {@code alias.value}, with their position as {@code alias.key} (orders as the array does).
     */
    String jsonArrayElements(String column, String alias);

    /** The smallest of several values, none of them NULL (SQLite's min(a, b), PostgreSQL's least). */
    String least(String... values);

    /** The greatest of several values, none of them NULL (SQLite's max(a, b), PostgreSQL's greatest). */
    String greatest(String... values);

    /**
     * Makes the calling transaction, until it ends, the only one on any computer doing {@code what}: for a
     * check followed by an insert that no unique constraint can guard (a new location's name). Nothing on
     * SQLite, whose write transactions already run one at a time; a transaction-scoped advisory lock on
     * PostgreSQL, where importers on several computers write at once (docs/postgresql.md).
     */
    void oneAtATimeUntilCommit(JdbcTemplate jdbc, String what);

    /** Rows changed so far on this connection, for the transaction log; -1 where the database cannot say. */
    long totalChanges(Connection connection);

    /** SQLite's dialect. */
    SqlDialect SQLITE = new SqliteDialect();

    /** PostgreSQL's dialect. */
    SqlDialect POSTGRESQL = new PostgresDialect();
}
