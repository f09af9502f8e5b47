package org.aupat.foundation.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aupat.foundation.LogCapture;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.ValidationError;
import org.aupat.foundation.logging.RunContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aop.framework.ProxyFactory;

class FailureLogTest {
    @TempDir
    Path logs;
    private final FailureLog failureLog = new FailureLog();

    /** An item method the way a service writes it. */
    static class Items {
        @LogFailures("read one file")
        public Skippable<String> read(String name) {
            if (name.equals("bad")) {
                throw new FileSystemError("cannot read bad.jpg", true, Map.of("path", "/in/bad.jpg"), null);
            }
            if (name.equals("invalid")) {
                throw new ValidationError("name", name, "is refused");
            }
            return Skippable.done(name);
        }

        /** Not declared as skipping: even a recoverable failure stops the run. */
        @LogFailures("count")
        public String count(String name) {
            throw new FileSystemError("cannot count " + name, true, null, null);
        }
    }

    private Items proxied() {
        ProxyFactory factory = new ProxyFactory(new Items());
        factory.setProxyTargetClass(true);
        factory.addAdvisor(new FailureLogAspect(failureLog));
        return (Items) factory.getProxy();
    }

    @AfterEach
    void clear() {
        RunContext.clear();
    }

    @Test
    void aRecoverableItemFailureIsLoggedCountedAndSkipped() throws Exception {
        RunContext.start("db_import");
        RunContext.file("/in/bad.jpg");
        Items items = proxied();
        try (LogCapture lines = new LogCapture(FailureLog.LOGGER)) {
            assertThat(items.read("good").value()).isEqualTo("good");
            assertThat(items.read("bad").isSkipped()).isTrue();
            assertThat(failureLog.skippedCount()).isEqualTo(1);
            assertThat(lines.messages()).singleElement().asString().contains("\"severity\":\"WARNING\"",
                    "\"recoverable\":true", "\"operation\":\"read one file\"", "\"function\":\"Items.read\"",
                    "\"user_action_required\":true", "\"recovery_action\":\"skipped this item; the run went on\"",
                    "\"path\":\"/in/bad.jpg\"", "\"script\":\"db_import\"", "\"traceback\":\"");
            Files.writeString(logs.resolve("failure.log"), lines.messages().get(0) + "\n");
        }
        FailureRecord r = new FailureQuery(logs).find(FailureFilter.ALL).get(0);
        assertThat(r.errorType()).isEqualTo("FileSystemError");
        assertThat(r.context()).containsEntry("file", "/in/bad.jpg");
    }

    @Test
    void aFatalFailureIsLoggedOnceAndRethrown() {
        Items items = proxied();
        try (LogCapture lines = new LogCapture(FailureLog.LOGGER)) {
            assertThatThrownBy(() -> items.read("invalid")).isInstanceOf(ValidationError.class);
            assertThat(failureLog.skippedCount()).isZero();
            assertThat(lines.messages()).singleElement().asString().contains("\"severity\":\"ERROR\"",
                    "\"recoverable\":false");
            failureLog.record(new IllegalStateException("bug"), "X.y", "op", false);
            assertThat(lines.messages().get(1)).contains("\"severity\":\"CRITICAL\"", "\"script\":\"unnamed\"");
        }
    }

    @Test
    void onlyAMethodReturningSkippableSkipsSoAnyOtherRethrows() {
        Items items = proxied();
        try (LogCapture lines = new LogCapture(FailureLog.LOGGER)) {
            assertThatThrownBy(() -> items.count("x")).hasMessage("cannot count x");
            assertThat(failureLog.skippedCount()).isZero();
            assertThat(lines.messages()).singleElement().asString().contains("\"severity\":\"ERROR\"");
        }
        assertThatThrownBy(() -> Skippable.skipped().value()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void queriesFilterByScriptSeverityRecoverableAndSince() throws Exception {
        Instant old = Instant.parse("2025-01-01T00:00:00Z");
        Files.createDirectories(logs.resolve("archive"));
        Files.writeString(logs.resolve("archive/failure.1.log"), line(old, "db_organize", "ERROR", false) + "\n");
        Files.writeString(logs.resolve("failure.log"), line(Instant.now(), "db_import", "WARNING", true)
                + "\nnot json at all\n" + line(Instant.now(), "db_organize", "WARNING", true) + "\n");
        FailureQuery query = new FailureQuery(logs);
        assertThat(query.find(FailureFilter.ALL)).hasSize(3);
        assertThat(query.find(new FailureFilter("db_organize", null, null, null))).hasSize(2);
        assertThat(query.find(new FailureFilter(null, "warning", null, null))).hasSize(2);
        assertThat(query.find(new FailureFilter(null, null, false, null))).singleElement()
                .extracting(FailureRecord::timestamp).isEqualTo(old);
        assertThat(query.find(new FailureFilter(null, null, null, Instant.parse("2025-06-01T00:00:00Z")))).hasSize(2);

        assertThat(query.archiveOlderThan(Duration.ofDays(1))).isZero();
        Files.writeString(logs.resolve("failure.log"), line(old, "db_import", "ERROR", false) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(query.archiveOlderThan(Duration.ofDays(1))).isEqualTo(1);
        assertThat(query.find(FailureFilter.ALL)).as("archived records stay findable").hasSize(4);
        assertThat(Files.readAllLines(logs.resolve("failure.log"))).hasSize(3);
        assertThat(new FailureQuery(logs.resolve("none")).archiveOlderThan(Duration.ZERO)).isZero();
        assertThat(new FailureQuery(logs.resolve("none")).find(FailureFilter.ALL)).isEmpty();
    }

    private static String line(Instant at, String script, String severity, boolean recoverable) throws Exception {
        FailureRecord r = new FailureRecord(at, script, "F.f", "op", severity, recoverable, "FileSystemError", "msg",
                "trace", Map.of("path", "/x"), "skipped", true);
        return FailureLog.mapper().writeValueAsString(r);
    }

    @Test
    void onlyRecoverableNonDatabaseErrorsAreSkippable() {
        assertThat(FailureLog.skippable(new FileSystemError("x", true, null, null))).isTrue();
        assertThat(FailureLog.skippable(new org.aupat.foundation.error.TransientDatabaseError("busy", true, null,
                null))).isFalse();
        assertThat(FailureLog.skippable(new RuntimeException())).isFalse();
        assertThat(List.of(FailureRecord.WARNING, FailureRecord.ERROR, FailureRecord.CRITICAL)).doesNotHaveDuplicates();
    }
}
