package org.aupat;

import java.net.URL;
import org.aupat.cli.Launcher;
import org.aupat.foundation.interruption.Interruption;
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
    private static final String AOT_ENABLED = "spring.aot.enabled";

    public static void main(String[] args) {
        useContextPreparedAtBuildTime();
        Interruption.install(System.err); // the process's signals, not a test JVM's that launches in process
        System.exit(new Launcher(AupatApplication.class).launch(args));
    }

    /**
     * The packaged jar carries its context prepared at build time (Spring AOT: no class scanning or
     * condition evaluation at start-up, about 0.4 s sooner per script). Spring uses it only when asked,
     * so ask whenever this class runs from a jar that has it. Not from a class folder, which may still
     * hold a previous build's (the build's own preparation runs from there, and so may an IDE);
     * {@code -Dspring.aot.enabled=false} turns it off.
     */
    private static void useContextPreparedAtBuildTime() {
        URL prepared = AupatApplication.class.getResource("AupatApplication__ApplicationContextInitializer.class");
        if (System.getProperty(AOT_ENABLED) == null && prepared != null && "jar".equals(prepared.getProtocol())) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }
}
