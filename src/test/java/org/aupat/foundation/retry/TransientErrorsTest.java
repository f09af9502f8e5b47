package org.aupat.foundation.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.aupat.foundation.error.ChecksumMismatchError;
import org.aupat.foundation.error.ConfigurationError;
import org.aupat.foundation.error.ExternalToolCrashedError;
import org.aupat.foundation.error.FileSystemError;
import org.aupat.foundation.error.TransientDatabaseError;
import org.aupat.foundation.error.TransientFileSystemError;
import org.aupat.foundation.error.UniqueConstraintError;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class TransientErrorsTest {

    @Test
    void onlyBusyDatabasesFlakyIoAndCrashedToolsAreRetried() {
        assertThat(TransientErrors.isTransient(new TransientDatabaseError("busy"))).isTrue();
        assertThat(TransientErrors.isTransient(new RuntimeException(new SQLiteException("locked",
                SQLiteErrorCode.SQLITE_LOCKED)))).isTrue();
        assertThat(TransientErrors.isTransient(new TransientFileSystemError("share dropped", null, null))).isTrue();
        assertThat(TransientErrors.isTransient(new ExternalToolCrashedError("exiftool died", null, null))).isTrue();

        assertThat(TransientErrors.isTransient(new FileSystemError("no such file"))).isFalse();
        assertThat(TransientErrors.isTransient(new ValidationError("uuid", "x", "bad"))).isFalse();
        assertThat(TransientErrors.isTransient(new UniqueConstraintError("dup", false, null, null))).isFalse();
        assertThat(TransientErrors.isTransient(new ChecksumMismatchError(Path.of("/a"), "1", "2"))).isFalse();
        assertThat(TransientErrors.isTransient(new TransientDatabaseError("busy", false, null,
                new ValidationError("x", null, "inside")))).isFalse();
    }

    interface Tool {
        String run();
    }

    @Test
    void theInterceptorRetriesWithGrowingJitteredDelaysAndThenGivesUp() {
        List<Long> sleeps = new ArrayList<>();
        RetrySettings settings = new RetrySettings(3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1));
        int[] calls = {0};
        Tool crashing = () -> {
            calls[0]++;
            throw new ExternalToolCrashedError("exiftool crashed", null, null);
        };
        ProxyFactory factory = new ProxyFactory(crashing);
        factory.addAdvice(RetryConfiguration.interceptor(settings, sleeps::add));
        Tool proxy = (Tool) factory.getProxy();
        assertThatThrownBy(proxy::run).isInstanceOf(ExternalToolCrashedError.class);
        assertThat(calls[0]).isEqualTo(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(100L, 200L);
        assertThat(sleeps.get(1)).isBetween(200L, 400L);
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedByName() {
        assertThatThrownBy(() -> new RetrySettings(0, Duration.ZERO, 2, Duration.ZERO))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("aupat.retry.max-attempts");
        assertThatThrownBy(() -> new RetrySettings(2, Duration.ZERO, 0.5, Duration.ZERO))
                .hasMessageContaining("aupat.retry.multiplier");
        assertThatThrownBy(() -> new RetrySettings(2, Duration.ofSeconds(2), 2, Duration.ofSeconds(1)))
                .hasMessageContaining("aupat.retry.max-delay");
    }
}
