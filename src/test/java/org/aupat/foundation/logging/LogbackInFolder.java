package org.aupat.foundation.logging;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

/** Test support: applies the real logback-spring.xml, as Spring Boot does, writing into a given folder. */
public final class LogbackInFolder {
    private LogbackInFolder() {
    }

    /** Logs go to the folder from now on; files rotate at the given size (such as "10MB"). */
    public static void start(Path logs, String maxFileSize) {
        LoggingSystem system = LoggingSystem.get(LogbackInFolder.class.getClassLoader());
        system.cleanUp();
        system.beforeInitialize();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("aupat.logs", logs.toString())
                .withProperty("aupat.log-max-size", maxFileSize)
                .withProperty("aupat.log-size-check", "0 milliseconds");
        system.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
    }

    /** Closes the files (so the temporary folder can go) and leaves logging unconfigured. */
    public static void stop() {
        LoggingSystem.get(LogbackInFolder.class.getClassLoader()).cleanUp();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }
}
