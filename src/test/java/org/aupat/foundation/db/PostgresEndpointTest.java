package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aupat.foundation.error.ConfigurationError;
import org.junit.jupiter.api.Test;

/** The connection the backup and the run lock use: what pg_dump is given, and what a message may show. */
class PostgresEndpointTest {

    @Test
    void anotherKindOfUrlIsRefusedWithoutRepeatingItsParameters() {
        assertThatThrownBy(() -> new PostgresEndpoint("jdbc:mysql://db.example/aupat?password=hunter2", "u", null))
                .isInstanceOf(ConfigurationError.class)
                .hasMessage("'jdbc:mysql://db.example/aupat?...' is not a PostgreSQL JDBC URL. Write it as"
                        + " jdbc:postgresql://host:port/database.");
        assertThatThrownBy(() -> new PostgresEndpoint("postgresql://db.example/aupat", "u", null))
                .hasMessageStartingWith("'postgresql://db.example/aupat' is not a PostgreSQL JDBC URL.");
        assertThatThrownBy(() -> new PostgresEndpoint(null, "u", null)).isInstanceOf(ConfigurationError.class)
                .hasMessageStartingWith("'' is not a PostgreSQL JDBC URL.");
    }

    @Test
    void pgDumpGetsTheUrlsTlsSettingsAndTimeoutAndThePasswordOnlyInItsEnvironment() {
        PostgresEndpoint endpoint = new PostgresEndpoint("jdbc:postgresql://db.example:5433/aupat?sslmode=verify-full"
                + "&sslrootcert=/etc/aupat/ca.pem&connectTimeout=5", "archivist", "pw-in-env-only");
        assertThat(endpoint.libpqEnvironment()).containsEntry("PGHOST", "db.example").containsEntry("PGPORT", "5433")
                .containsEntry("PGDATABASE", "aupat").containsEntry("PGUSER", "archivist")
                .containsEntry("PGPASSWORD", "pw-in-env-only").containsEntry("PGSSLMODE", "verify-full")
                .containsEntry("PGSSLROOTCERT", "/etc/aupat/ca.pem").containsEntry("PGCONNECT_TIMEOUT", "5")
                .doesNotContainKeys("PGSSLCERT", "PGSSLKEY");
        assertThat(endpoint.describe()).isEqualTo("db.example:5433/aupat");
        assertThat(endpoint.toString()).doesNotContain("pw-in-env-only");
    }
}
