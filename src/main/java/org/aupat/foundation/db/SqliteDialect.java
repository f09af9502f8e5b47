package org.aupat.foundation.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.JdbcTemplate;

/** SQLite's side of {@link SqlDialect}. */
final class SqliteDialect implements SqlDialect {
    @Override
    public String vendor() {
        return "sqlite";
    }

    @Override
    public String globMatches(String expression) {
        return expression + " GLOB ?";
    }

    @Override
    public String globArgument(String glob) {
        return glob;
    }

    @Override
    public String contains(String haystack) {
        return "instr(" + haystack + ", ?) > 0";
    }

    @Override
    public String jsonText(String column, String field) {
        return "json_extract(" + column + ", '$." + field + "')";
    }

    @Override
    public String jsonArrayElements(String column, String alias) {
        return "json_each(" + column + ") " + alias;
    }

    @Override
    public String least(String... values) {
        return "min(" + String.join(", ", values) + ")";
    }

    @Override
    public String greatest(String... values) {
        return "max(" + String.join(", ", values) + ")";
    }

    @Override
    public long totalChanges(Connection connection) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT total_changes()")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    /** An SQLite write transaction (BEGIN IMMEDIATE) holds the database's one write lock already. */
    @Override
    public void oneAtATimeUntilCommit(JdbcTemplate jdbc, String what) {
    }
}
