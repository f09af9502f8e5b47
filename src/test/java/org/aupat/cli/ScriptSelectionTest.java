package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.mock.env.MockEnvironment;
import picocli.CommandLine.Command;

class ScriptSelectionTest {
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

    @Command(name = "first")
    static class First extends AupatScript {
        First() {
            super(null);
        }

        @Override
        protected int execute() {
            return 0;
        }
    }

    @Command(name = "second")
    static class Second extends AupatScript {
        Second() {
            super(null);
        }

        @Override
        protected int execute() {
            return 0;
        }
    }

    static class NoName extends AupatScript {
        NoName() {
            super(null);
        }

        @Override
        protected int execute() {
            return 0;
        }
    }

    /** Any other bean of AUPAT, which must stay. */
    static class Service {
    }

    ScriptSelectionTest() {
        beans.registerBeanDefinition("first", new RootBeanDefinition(First.class));
        beans.registerBeanDefinition("second", new RootBeanDefinition(Second.class));
        beans.registerBeanDefinition("service", new RootBeanDefinition(Service.class));
    }

    @AfterEach
    void clearProcessingFlag() {
        System.clearProperty("spring.aot.processing");
    }

    private void select(String script) {
        ScriptSelection selection = new ScriptSelection();
        MockEnvironment environment = new MockEnvironment();
        if (script != null) {
            environment.setProperty("script", script);
        }
        selection.setEnvironment(environment);
        selection.postProcessBeanDefinitionRegistry(beans);
    }

    @Test
    void onlyTheChosenScriptStays() {
        select("second");
        assertThat(beans.getBeanDefinitionNames()).containsExactlyInAnyOrder("second", "service");
    }

    @Test
    void withoutAScriptNoScriptStays() {
        select(null);
        assertThat(beans.getBeanDefinitionNames()).containsExactly("service");
    }

    @Test
    void everyScriptStaysWhileTheBuildPreparesTheContext() {
        System.setProperty("spring.aot.processing", "true");
        select("first");
        assertThat(beans.getBeanDefinitionNames()).containsExactlyInAnyOrder("first", "second", "service");
    }

    @Test
    void aScriptWithoutACommandNameIsABuildMistake() {
        beans.registerBeanDefinition("noName", new RootBeanDefinition(NoName.class));
        assertThatThrownBy(() -> select("first")).hasMessageContaining("without a picocli @Command name");
    }
}
