package org.aupat.foundation.config;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where Spring reads configuration files: only inside the jar ({@code application.yml} and the profile files
 * {@code application-dev.yml}, {@code -prod.yml} the build copies in from {@code config/}), never the working
 * folder. Spring Boot's own default also reads {@code ./application.yml} and the files in {@code ./config/}, so a stray
 * file in whatever folder a user runs AUPAT from would silently change the archive's paths. The per-user file
 * is read by {@link HomeEnvironment}; {@code --spring.config.additional-location} still adds files a user names,
 * and a {@code spring.config.location} given on purpose replaces this one.
 */
public class ConfigLocations implements EnvironmentPostProcessor, Ordered {
    static final String LOCATION = "spring.config.location";
    static final String INSIDE_THE_JAR = "optional:classpath:/";

    /** Before Spring reads the files, which is when it looks at where to read them from. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // Last: an option, a system property or SPRING_CONFIG_LOCATION given by a user still wins.
        environment.getPropertySources().addLast(new MapPropertySource("AUPAT configuration locations",
                Map.of(LOCATION, INSIDE_THE_JAR)));
    }
}
