package org.aupat.foundation.db;

import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.config.AupatProperties;
import org.aupat.foundation.preflight.DatabaseOnLocalDisk;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/** The archive database (one SQLite file, one connection) and its transaction manager. */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(order = AdviceOrder.TRANSACTION, proxyTargetClass = true)
public class DatabaseConfiguration {

    @Bean
    @Primary
    public SqliteDatabase dataSource(AupatProperties properties, DatabaseOnLocalDisk localDisk) {
        // Every script that opens the database, read-only ones too: a read over NFS can corrupt a WAL database.
        return new SqliteDatabase(properties.database(), "aupat.database", localDisk::require);
    }

    @Bean
    @Primary
    public JdbcTemplate jdbcTemplate(SqliteDatabase dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    @Primary
    public PlatformTransactionManager transactionManager(SqliteDatabase dataSource) {
        return new LoggingTransactionManager(dataSource);
    }

    @Bean
    public TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
