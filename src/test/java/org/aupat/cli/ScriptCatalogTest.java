package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.aupat.AupatApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

class ScriptCatalogTest {

    /** Every catalog name has exactly one script class, conditional on that name, and nothing else does. */
    @Test
    void catalogAndScriptBeansAreInStep() throws Exception {
        // The scanner would drop every class whose @ConditionalOnProperty does not match; look at all of them.
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.core.type.classreading.MetadataReader reader)
                    throws java.io.IOException {
                return new AssignableTypeFilter(AupatScript.class).match(reader, getMetadataReaderFactory())
                        && !reader.getClassMetadata().isAbstract();
            }
        };
        Map<String, String> byName = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.aupat")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String commandName = type.getAnnotation(Command.class).name();
            String[] condition = type.getAnnotation(ConditionalOnProperty.class).havingValue().split(",");
            assertThat(condition).containsExactly(commandName);
            assertThat(byName.put(commandName, type.getSimpleName())).as("two classes for " + commandName).isNull();
        }
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ScriptCatalog.values()).map(ScriptCatalog::scriptName).collect(Collectors.toList()));
    }

    /** With --script=NAME only that script's runner is created. */
    @Test
    void onlyTheChosenScriptIsCreated() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AupatApplication.class)
                .properties("aupat.logs=target/test-logs", "aupat.database=target/catalog-test/aupat.db")
                .run("--script=gen_uuid")) {
            Map<String, CommandLineRunner> runners = context.getBeansOfType(CommandLineRunner.class);
            assertThat(runners.values()).singleElement().isInstanceOf(org.aupat.scripts.GenUuidScript.class);
        }
    }
}
