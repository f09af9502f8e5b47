package org.aupat.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The test server itself: a real PostgreSQL on the loopback address that checks passwords. */
class LocalPostgresTest {

    @Test
    void givesAFreshDatabaseBehindAPassword() throws Exception {
        LocalPostgres pg = LocalPostgres.server();
        String db = pg.newDatabase();
        pg.execute(db, "CREATE TABLE t (x int)", "INSERT INTO t VALUES (42)");
        try (Connection c = pg.connect(db); ResultSet r = c.createStatement().executeQuery("SELECT x FROM t")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(42);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(pg.url(db), LocalPostgres.USER, "wrong"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }
}
