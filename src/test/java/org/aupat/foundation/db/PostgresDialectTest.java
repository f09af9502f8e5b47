package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresDialectTest {
    @Test
    void aGlobBecomesAnAnchoredRegularExpressionThatMatchesWhatSqliteMatches() {
        SqlDialect d = SqlDialect.POSTGRESQL;
        assertThat(d.globArgument("img_*.jp?")).isEqualTo("^img_.*\\.jp.$");
        assertThat(d.globArgument("*[0-9]x")).isEqualTo("^.*[0-9]x$");
        assertThat(d.globArgument("[^a]b(c)+")).isEqualTo("^[^a]b\\(c\\)\\+$");
        assertThat("img_0001.jpg").matches(d.globArgument("img_*.jp?").replace("^", "").replace("$", ""));
        assertThat(SqlDialect.SQLITE.globArgument("img_*")).isEqualTo("img_*");
    }
}
