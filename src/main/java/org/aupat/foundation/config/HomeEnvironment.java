package org.aupat.foundation.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.error.UserConfigError;
import org.aupat.foundation.logging.LogFolderCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * Puts {@link AupatHome} into the settings, before logging starts (the log folder is one of its paths):
 * the per-user settings file when present, {@code aupat.home} resolved, and every path setting defaulting
 * to its place in the home.
 *
 * <p>Ranks, highest first: {@code --aupat.*} options, system properties, {@code AUPAT_*} environment
 * variables, the per-user file, the profile files (dev, prod), the jar's application.yml, then the home's
 * defaults. So the dev and prod profiles keep their own folders, and a user's file can move any of them.
 */
public class HomeEnvironment implements EnvironmentPostProcessor, Ordered {
    static final String HOME = "aupat.home";
    /** The settings folder, when not the XDG one (a test, or a user keeping several set-ups). */
    static final String CONFIG_HOME = "aupat.config-home";

    /** After the profile files are read, so that a profile may choose the home. */
    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, String> variables = System.getenv();
        String accountHome = System.getProperty("user.home");
        String chosenConfig = environment.getProperty(CONFIG_HOME);
        Path configHome = chosenConfig == null || chosenConfig.isBlank() ? AupatHome.configHome(variables, accountHome)
                : Path.of(chosenConfig.trim()).toAbsolutePath().normalize();
        readUserFile(environment, configHome.resolve(AupatHome.CONFIG_FILE));
        String chosen = environment.getProperty(HOME);
        // An empty AUPAT_HOME counts as unset, as an empty XDG variable does.
        Path home = chosen == null || chosen.isBlank() ? AupatHome.dataHome(variables, accountHome)
                : Path.of(chosen.trim()).toAbsolutePath().normalize();
        environment.getPropertySources().addFirst(new MapPropertySource("AUPAT home", Map.of(HOME, home.toString())));
        environment.getPropertySources().addLast(new MapPropertySource("AUPAT home defaults (" + home + ")",
                AupatHome.pathSettings(home, configHome)));
    }

    /** The per-user settings file, when there is one, just below the environment variables. */
    static void readUserFile(ConfigurableEnvironment environment, Path file) {
        if (!Files.exists(file)) {
            return;
        }
        List<PropertySource<?>> sources;
        try {
            if (!Files.isRegularFile(file)) {
                throw new IOException("it is not a regular file");
            }
            sources = new YamlPropertySourceLoader().load("user settings (" + file + ")", new FileSystemResource(file));
        } catch (IOException | RuntimeException e) {
            LogFolderCheck.silenceStartupReport();
            throw new UserConfigError("the settings file " + file + " cannot be read: " + firstLine(e)
                    + ". Fix it (YAML, for example 'aupat:' then '  home: /srv/photos/aupat') or move it away.", e);
        }
        String below = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        // A later YAML document wins over an earlier one, as in Spring's own files.
        for (PropertySource<?> source : sources) {
            environment.getPropertySources().addAfter(below, source);
        }
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
