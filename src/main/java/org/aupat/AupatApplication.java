package org.aupat;

import org.aupat.cli.Launcher;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.retry.annotation.EnableRetry;

/** Entry point of the AUPAT jar: runs exactly one script chosen with {@code --script=NAME}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableRetry(order = org.aupat.foundation.AdviceOrder.RETRY)
public class AupatApplication {

    public static void main(String[] args) {
        System.exit(new Launcher(AupatApplication.class).launch(args));
    }
}
