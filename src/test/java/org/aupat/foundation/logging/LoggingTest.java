package org.aupat.foundation.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class LoggingTest {
    /** 2025-11-15 14:23:45,123 | INFO | File.java:142:method | message [context] */
    static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} \\| (INFO|WARN|ERROR|DEBUG|TRACE) \\| \\w+\\.java:\\d+:\\w+ \\| .*");
    private static final Logger log = LoggerFactory.getLogger(LoggingTest.class);

    @TempDir
    Path logs;

    @AfterEach
    void stop() {
        RunContext.clear();
        LogbackInFolder.stop();
    }

    @Test
    void linesHaveTheAgreedFormatAndCarryTheRunContext() throws IOException {
        LogbackInFolder.start(logs, "10MB");
        String run = RunContext.start("db_import");
        RunContext.location("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        RunContext.file("IMG_0001.JPG");
        log.info("imported one file");
        RunContext.file(null);
        log.info("location done");
        RunContext.clear();
        log.info("no context");

        List<String> lines = Files.readAllLines(logs.resolve("main.log"));
        assertThat(lines).hasSize(3).allMatch(l -> LINE.matcher(l).matches(), "the agreed line format");
        assertThat(lines.get(0)).matches(".* \\| INFO \\| LoggingTest\\.java:\\d+:linesHaveTheAgreedFormatAndCarryTheRunContext"
                + " \\| imported one file \\[db_import run=" + run + " loc=3f2504e0-4f89-41d3-9a0c-0305e82c3301"
                + " file=IMG_0001.JPG\\]");
        assertThat(lines.get(1)).endsWith("| location done [db_import run=" + run
                + " loc=3f2504e0-4f89-41d3-9a0c-0305e82c3301]");
        assertThat(lines.get(2)).endsWith("| no context");
        assertThat(RunContext.script()).isNull();
        assertThat(MDC.get(RunContext.COMBINED)).isNull();
    }

    @Test
    void errorsGoToErrorLogTransactionsToTheirOwn() throws IOException {
        LogbackInFolder.start(logs, "10MB");
        log.info("an ordinary message");
        log.error("a failure", new IllegalStateException("disk on fire"));
        LoggerFactory.getLogger("aupat.transaction").info("BEGIN something");

        String main = Files.readString(logs.resolve("main.log"));
        String error = Files.readString(logs.resolve("error.log"));
        String transaction = Files.readString(logs.resolve("transaction.log"));
        assertThat(main).contains("an ordinary message").contains("a failure").doesNotContain("BEGIN something");
        assertThat(error).doesNotContain("an ordinary message").contains("| ERROR |")
                .contains("java.lang.IllegalStateException: disk on fire");
        assertThat(transaction).contains("| INFO |").contains("BEGIN something").doesNotContain("a failure");
    }

    @Test
    void filesRotateUnderArchiveKeepingTen() throws IOException {
        LogbackInFolder.start(logs, "2KB");
        String line = "x".repeat(100);
        for (int batch = 0; batch < 25; batch++) {
            for (int i = 0; i < 40; i++) {
                log.info("{} {}", batch, line);
            }
        }
        log.info("last");
        List<String> archived = new ArrayList<>();
        try (var files = Files.list(logs.resolve("archive"))) {
            files.forEach(f -> archived.add(f.getFileName().toString()));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            expected.add("main." + i + ".log");
        }
        assertThat(archived).filteredOn(n -> n.startsWith("main.")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Files.size(logs.resolve("main.log"))).isLessThanOrEqualTo(2048 + 200);
        for (String name : expected) {
            assertThat(Files.readAllLines(logs.resolve("archive").resolve(name)))
                    .allMatch(l -> LINE.matcher(l).matches());
        }
    }

    @Test
    void twoProcessesLoggingAtOnceNeverInterleavePartialLines() throws Exception {
        int lines = 4000;
        Process first = writer("alpha", lines);
        Process second = writer("bravo", lines);
        assertThat(first.waitFor()).isZero();
        assertThat(second.waitFor()).isZero();

        List<String> all = Files.readAllLines(logs.resolve("main.log"));
        assertThat(all).hasSize(2 * lines);
        Pattern whole = Pattern.compile(LINE.pattern().replace("\\| .*", "\\| line \\d+ (alpha|bravo)+ end \\[(alpha|bravo) run=\\w{8}\\]"));
        for (String l : all) {
            assertThat(l).matches(whole);
            String name = l.substring(l.lastIndexOf('[') + 1, l.lastIndexOf(" run="));
            assertThat(l).contains(" " + name.repeat(200 / name.length()) + " end");
        }
        assertThat(all).filteredOn(l -> l.contains("[alpha")).hasSize(lines);
    }

    private Process writer(String name, int lines) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ConcurrentLogWriter.class.getName(), logs.toString(), name, String.valueOf(lines))
                .redirectErrorStream(true).redirectOutput(logs.resolve(name + ".out").toFile()).start();
    }
}
