package org.aupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.nio.file.Path;
import org.aupat.AupatApplication;
import org.aupat.foundation.FoundationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.CommandLineRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

class ScriptCatalogTest {

    /** Every catalog name has exactly one script bean, whose command has that name, and nothing else does. */
    @Test
    void catalogAndScriptBeansAreInStep() throws Exception {
        // Every concrete script class, bean or not: a script that forgot @Component must fail here.
        // (Scripts live only in org.aupat.scripts: ArchitectureTest.)
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.core.type.classreading.MetadataReader reader)
                    throws java.io.IOException {
                return new AssignableTypeFilter(AupatScript.class).match(reader, getMetadataReaderFactory())
                        && !reader.getClassMetadata().isAbstract();
            }
        };
        Map<String, String> byName = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("org.aupat.scripts")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String commandName = type.getAnnotation(Command.class).name();
            assertThat(type).as(type.getSimpleName() + " is a bean").hasAnnotation(Component.class);
            assertThat(ScriptSelection.scriptName(type)).isEqualTo(commandName);
            assertThat(byName.put(commandName, type.getSimpleName())).as("two classes for " + commandName).isNull();
        }
        assertThat(byName.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ScriptCatalog.values()).map(ScriptCatalog::scriptName).collect(Collectors.toList()));
    }

    /** With --script=NAME only that script's runner is created. */
    @Test
    void onlyTheChosenScriptIsCreated(@TempDir Path home) {
        // Every path as command-line settings: builder properties rank below application.yml's defaults.
        String[] args = java.util.stream.Stream.concat(Arrays.stream(FoundationContext.settings(home)),
                java.util.stream.Stream.of("--script=gen_uuid")).toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AupatApplication.class).run(args)) {
            Map<String, CommandLineRunner> runners = context.getBeansOfType(CommandLineRunner.class);
            assertThat(runners.values()).singleElement().isInstanceOf(org.aupat.scripts.GenUuidScript.class);
        }
    }
}
