package org.aupat.foundation.db;

import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.config.DatabaseAddress;
import org.aupat.foundation.config.DatabaseCredentials;
import org.aupat.foundation.preflight.DatabaseOnLocalDisk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive database and its transaction manager: one SQLite file with one connection, or, when
 * {@code aupat.database} is a PostgreSQL URL, a small pool of connections to the server
 * ({@link DatabaseAddress}). Everything above sees only {@link ArchiveDatabase} and its dialect.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(order = AdviceOrder.TRANSACTION, proxyTargetClass = true)
public class DatabaseConfiguration {

    /** The user and password for a database on PostgreSQL; read only when the first connection is made. */
    @Bean
    public DatabaseCredentials databaseCredentials(Environment environment) {
        return new DatabaseCredentials(environment.getProperty("aupat.database-user", ""),
                environment.getProperty("aupat.database-password-file", ""));
    }

    @Bean
    @Primary
    public ArchiveDatabase dataSource(AupatProperties properties, DatabaseOnLocalDisk localDisk,
            DatabaseCredentials credentials) {
        if (properties.database() instanceof DatabaseAddress.PostgresServer server) {
            // The journal, checkpoints and lock stay on this machine: they are checked before the first connection.
            return new PostgresDatabase(server, credentials, localDisk::require);
        }
        // Every script that opens the database, read-only ones too: a read over NFS can corrupt a WAL database.
        return new SqliteDatabase(properties.databaseFile(), "aupat.database", localDisk::require);
    }

    /** Where this database's SQL differs (see {@link SqlDialect}). */
    @Bean
    public SqlDialect sqlDialect(ArchiveDatabase dataSource) {
        return dataSource.dialect();
    }

    @Bean
    @Primary
    public JdbcTemplate jdbcTemplate(ArchiveDatabase dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @Primary
    public PlatformTransactionManager transactionManager(ArchiveDatabase dataSource) {
        return new LoggingTransactionManager(dataSource);
    }

    @Bean
    public TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
