package org.aupat.cli;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;

/**
 * Leaves only the runner of the script named by {@code --script} in the context, so that Spring Boot
 * runs that one and builds only what it needs.
 *
 * <p>This is done here, when the context starts, and not with a condition on each script: the jar's
 * context is prepared ahead of time at build time (Spring AOT, for start-up time), and conditions are
 * then fixed at build time, when no script is chosen.
 */
@Component
public class ScriptSelection implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {
    /** Set by Spring while it prepares the context at build time: every script must stay then. */
    private static final String AOT_PROCESSING = "spring.aot.processing";
    private String script;

    @Override
    public void setEnvironment(Environment environment) {
        script = environment.getProperty("script");
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (buildIsPreparingTheContext()) {
            return;
        }
        for (String name : registry.getBeanDefinitionNames()) {
            Class<?> type = scriptClass(registry.getBeanDefinition(name));
            if (type != null && !scriptName(type).equals(script)) {
                registry.removeBeanDefinition(name);
            }
        }
    }

    /** Whether this run is the build preparing the context ahead of time (Spring AOT's process-aot). */
    private static boolean buildIsPreparingTheContext() {
        return Boolean.getBoolean(AOT_PROCESSING);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // All the work is done on the definitions, before any bean exists.
    }

    /** The script class a definition makes, or null for any other bean. */
    private static Class<?> scriptClass(BeanDefinition definition) {
        String className = definition.getBeanClassName();
        if (className == null || !className.startsWith("org.aupat.")) {
            return null;
        }
        try {
            Class<?> type = Class.forName(className, false, ScriptSelection.class.getClassLoader());
            return AupatScript.class.isAssignableFrom(type) ? type : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static String scriptName(Class<?> scriptClass) {
        Command command = scriptClass.getAnnotation(Command.class);
        if (command == null) {
            throw new IllegalStateException(scriptClass.getName() + " is a script without a picocli @Command name");
        }
        return command.name();
    }
}
