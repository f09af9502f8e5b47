package org.aupat.foundation.db;

import java.sql.Connection;
import org.springframework.jdbc.core.JdbcTemplate;

/** PostgreSQL's side of {@link SqlDialect}: globs become anchored regular expressions, JSON is cast from text. */
final class PostgresDialect implements SqlDialect {
    /** The first key of AUPAT's transaction-scoped advisory locks: "AUPA" in ASCII. */
    private static final int AUPAT_MARK = 0x41555041;

    @Override
    public String vendor() {
        return "postgresql";
    }

    @Override
    public String globMatches(String expression) {
        return expression + " ~ ?";
    }

    /** A glob as SQLite reads it ({@code * ? [abc] [^a-z]}), as an anchored POSIX regular expression. */
    @Override
    public String globArgument(String glob) {
        StringBuilder regex = new StringBuilder("^");
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close);
                regex.append('[');
                if (set.startsWith("^")) {
                    regex.append('^');
                    set = set.substring(1);
                }
                for (char s : set.toCharArray()) {
                    // Inside brackets only these keep a meaning of their own in a POSIX expression.
                    regex.append(s == '\\' || s == '[' ? "\\" + s : String.valueOf(s));
                }
                regex.append(']');
                i = close;
            } else if ("\\.^$|()[]{}+".indexOf(c) >= 0) {
                regex.append('\\').append(c);
            } else {
                regex.append(c);
            }
        }
        return regex.append('$').toString();
    }

    @Override
    public String contains(String haystack) {
        return "strpos(" + haystack + ", ?) > 0";
    }

    @Override
    public String jsonText(String column, String field) {
        return "(" + column + "::json ->> '" + field + "')";
    }

    @Override
    public String jsonArrayElements(String column, String alias) {
        return "json_array_elements_text(" + column + "::json) WITH ORDINALITY AS " + alias + " (value, key)";
    }

    @Override
    public String least(String... values) {
        return "least(" + String.join(", ", values) + ")";
    }

    @Override
    public String greatest(String... values) {
        return "greatest(" + String.join(", ", values) + ")";
    }

    /** PostgreSQL keeps no running count per connection; the transaction log says rows=-1. */
    @Override
    public long totalChanges(Connection connection) {
        return -1;
    }

    /**
     * The two-key form of advisory locks, whose keys never meet the run lock's single 64-bit key: AUPAT's
     * mark, then what is done. Released by the server when the transaction ends, however it ends.
     */
    @Override
    public void oneAtATimeUntilCommit(JdbcTemplate jdbc, String what) {
        jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", rs -> null, AUPAT_MARK, what.hashCode());
    }
}
