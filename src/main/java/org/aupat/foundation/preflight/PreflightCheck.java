package org.aupat.foundation.preflight;

import java.util.Optional;

/** One named check; {@link #problem()} says what is wrong and what to do, or is empty when all is well. */
public interface PreflightCheck {
    String name();

    Optional<String> problem() throws Exception;

    /** A check from a name and a piece of code that throws when something is wrong (for rule-file loaders). */
    static PreflightCheck named(String name, ThrowingCheck check) {
        return new PreflightCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> problem() throws Exception {
                check.run();
                return Optional.empty();
            }
        };
    }

    /** Code that throws an exception whose message names the problem. */
    @FunctionalInterface
    interface ThrowingCheck {
        void run() throws Exception;
    }
}
