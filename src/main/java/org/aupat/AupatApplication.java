package org.aupat;

import org.aupat.cli.Launcher;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.retry.annotation.EnableRetry;

/**
 * Entry point of the AUPAT jar: runs exactly one script chosen with {@code --script=NAME}.
 *
 * <p>The few auto-configurations AUPAT uses are named here rather than discovered: evaluating Boot's
 * whole candidate list costs a command-line tool noticeable start-up time. Database, transactions and
 * retry are configured by AUPAT itself.
 */
@SpringBootConfiguration
@ComponentScan
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        JacksonAutoConfiguration.class, AopAutoConfiguration.class})
@ConfigurationPropertiesScan
@EnableRetry(order = org.aupat.foundation.AdviceOrder.RETRY)
public class AupatApplication {

    public static void main(String[] args) {
        System.exit(new Launcher(AupatApplication.class).launch(args));
    }
}
