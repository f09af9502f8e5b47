package org.aupat.foundation.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorsTest {
    private final IllegalStateException cause = new IllegalStateException("root");

    @Test
    void eachErrorMapsToItsExitCode() {
        assertThat(new AupatError("x").exitCode()).isEqualTo(ExitCode.FAILED).isEqualTo(1);
        assertThat(new DatabaseError("x").exitCode()).isEqualTo(1);
        assertThat(new ForeignKeyError("x").exitCode()).isEqualTo(1);
        assertThat(new UniqueConstraintError("x").exitCode()).isEqualTo(1);
        assertThat(new TransientDatabaseError("x").exitCode()).isEqualTo(1);
        assertThat(new FileSystemError("x").exitCode()).isEqualTo(1);
        assertThat(new ChecksumMismatchError(Path.of("/a"), "e", "f").exitCode()).isEqualTo(1);
        assertThat(new ExternalToolError("x").exitCode()).isEqualTo(1);
        assertThat(new CheckpointError("x").exitCode()).isEqualTo(1);
        assertThat(new BackupError("x").exitCode()).isEqualTo(1);
        assertThat(new VerificationError("x", Map.of()).exitCode()).isEqualTo(1);
        assertThat(new ValidationError("f", "v", "bad").exitCode()).isEqualTo(ExitCode.USAGE).isEqualTo(2);
        assertThat(new ConfigurationError("x").exitCode()).isEqualTo(2);
        assertThat(new PreflightError("x").exitCode()).isEqualTo(ExitCode.PREFLIGHT).isEqualTo(3);
        assertThat(new LockHeldError("x").exitCode()).isEqualTo(ExitCode.LOCKED).isEqualTo(75);
        assertThat(ExitCode.OK).isZero();
        assertThat(ExitCode.ITEM_FAILURES).isEqualTo(4);
    }

    @Test
    void familiesKeepMessageCauseRecoverableFlagAndContext() {
        AupatError[] withCause = {new AupatError("m", cause), new DatabaseError("m", cause),
            new ForeignKeyError("m", cause), new UniqueConstraintError("m", cause),
            new TransientDatabaseError("m", cause), new FileSystemError("m", cause), new ExternalToolError("m", cause),
            new CheckpointError("m", cause), new BackupError("m", cause),
            new ConfigurationError("m", cause), new PreflightError("m", cause), new LockHeldError("m", cause)};
        for (AupatError e : withCause) {
            assertThat(e).hasMessage("m").hasCause(cause);
            assertThat(e.recoverable()).isFalse();
            assertThat(e.context()).isEmpty();
        }
        Map<String, String> context = Map.of("path", "/a.jpg");
        AupatError[] full = {new AupatError("m", true, context, cause), new DatabaseError("m", true, context, cause),
            new ForeignKeyError("m", true, context, cause), new UniqueConstraintError("m", true, context, cause),
            new TransientDatabaseError("m", true, context, cause), new FileSystemError("m", true, context, cause),
            new ExternalToolError("m", true, context, cause), new CheckpointError("m", true, context, cause),
            new BackupError("m", true, context, cause),
            new ConfigurationError("m", true, context, cause), new PreflightError("m", true, context, cause),
            new LockHeldError("m", true, context, cause)};
        for (AupatError e : full) {
            assertThat(e).hasMessage("m").hasCause(cause);
            assertThat(e.recoverable()).isTrue();
            assertThat(e.context()).containsExactlyEntriesOf(context);
        }
        assertThat(new AupatError("m", false, null, null).context()).isEmpty();
    }

    @Test
    void contextGrowsFluentlyButIsReadOnlyOutside() {
        AupatError e = new FileSystemError("m").with("path", "/a.jpg").with("sha", "abc");
        assertThat(e.context()).containsEntry("path", "/a.jpg").containsEntry("sha", "abc");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.context().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checksumMismatchNamesPathExpectedAndActual() {
        ChecksumMismatchError e = new ChecksumMismatchError(Path.of("/archive/a.jpg"), "aa", "bb");
        assertThat(e).isInstanceOf(FileSystemError.class)
                .hasMessage("SHA-256 mismatch for /archive/a.jpg: expected aa, found bb");
        assertThat(e.path()).isEqualTo(Path.of("/archive/a.jpg"));
        assertThat(e.expected()).isEqualTo("aa");
        assertThat(e.actual()).isEqualTo("bb");
        assertThat(e.context()).containsEntry("expected", "aa").containsEntry("actual", "bb");
    }

    @Test
    void validationErrorNamesFieldAndValueAndKeepsControlCharactersOut() {
        ValidationError e = new ValidationError("state", "Ontario", "is not a US state.");
        assertThat(e).hasMessage("state 'Ontario': is not a US state.");
        assertThat(e.field()).isEqualTo("state");
        assertThat(e.value()).isEqualTo("Ontario");
        assertThat(e.context()).containsEntry("field", "state");
        assertThat(new ValidationError("name", null, "is missing.")).hasMessage("name: is missing.");
        assertThat(new ValidationError("name", "a\nb", "bad").getMessage()).contains("a\\u000ab");
        assertThat(new ValidationError("name", "x".repeat(200), "bad").getMessage()).contains("x".repeat(120) + "...'")
                .doesNotContain("x".repeat(121));
    }

    @Test
    void transientDatabaseErrorsAreDatabaseErrors() {
        assertThat(new TransientDatabaseError("busy")).isInstanceOf(DatabaseError.class);
        assertThat(new ForeignKeyError("fk")).isInstanceOf(DatabaseError.class);
        assertThat(new UniqueConstraintError("u")).isInstanceOf(DatabaseError.class);
    }
}
