package org.aupat.foundation;

import org.aupat.foundation.progress.ProgressReporter;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers the test job's beans; deliberately not a @Configuration, so component scanning in other contexts skips it. */
public class ItemJobConfiguration {
    @Bean
    ItemWriter itemWriter(JdbcTemplate jdbc) {
        return new ItemWriter(jdbc);
    }

    @Bean
    ItemJob itemJob(ItemWriter writer, ProgressReporter progress) {
        return new ItemJob(writer, progress);
    }
}
