package org.aupat.foundation.config;

import java.nio.file.Path;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Makes {@code --config=path/to/user.json} work for every script: the old user.json's paths become
 * {@code aupat.*} settings that override the profile files, while {@code --aupat.*} options on the
 * command line still win over them.
 */
public class LegacyUserConfigListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(LegacyUserConfigListener.class);

    /** Right after logging starts: a bad user.json is then reported in one line, its stack trace in error.log only. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        apply(event.getEnvironment());
    }

    void apply(ConfigurableEnvironment environment) {
        // Only the command line: an unrelated CONFIG variable in the environment must not be read as user.json.
        PropertySource<?> commandLine = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        Object config = commandLine == null ? null : commandLine.getProperty("config");
        if (config == null) {
            return;
        }
        if (config.toString().isBlank()) {
            throw new ConfigurationError("--config is empty: give the path of your user.json, for example"
                    + " --config=user/user.json.");
        }
        LegacyUserConfig.Mapped mapped = LegacyUserConfig.read(Path.of(config.toString().trim()));
        // main.log only: a note printed on every run would break --quiet.
        log.info(LogMarkers.FILE_ONLY, mapped.interpretation());
        environment.getPropertySources().addAfter(commandLine.getName(),
                new MapPropertySource("user.json (" + config + ")", mapped.properties()));
    }
}
