package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.aupat.foundation.config.DatabaseAddress;
import org.aupat.foundation.config.DatabaseCredentials;
import org.aupat.foundation.error.ExitCode;
import org.aupat.foundation.error.PreflightError;
import org.aupat.testing.LocalPostgres;
import org.junit.jupiter.api.Test;

/** The archive database on a real PostgreSQL server: how a refused first connection reads. */
class PostgresDatabaseTest {
    private final LocalPostgres pg = LocalPostgres.server();

    @Test
    void aRoleWithoutTheRightToConnectIsOneLineWithTheServersReasonAndExit3() {
        String db = pg.newDatabase();
        String role = "outsider_" + ProcessHandle.current().pid();
        pg.execute(db, "CREATE ROLE " + role + " LOGIN PASSWORD 'outsider-pw'", "REVOKE CONNECT ON DATABASE " + db
                + " FROM PUBLIC");
        DatabaseAddress.PostgresServer server = (DatabaseAddress.PostgresServer) DatabaseAddress.parse(pg.url(db));
        PostgresDatabase database = new PostgresDatabase(server, new DatabaseCredentials(role, "",
                Map.of("AUPAT_DATABASE_PASSWORD", "outsider-pw")));

        assertThatThrownBy(database::getConnection).isInstanceOf(PreflightError.class)
                .hasMessage("the PostgreSQL database " + db + " on 127.0.0.1:" + pg.port() + " (aupat.database) cannot be"
                        + " used: FATAL: permission denied for database \"" + db + "\" (SQLSTATE 42501).")
                .satisfies(e -> assertThat(((PreflightError) e).exitCode()).isEqualTo(ExitCode.PREFLIGHT));
        database.close();
    }
}
