package org.aupat.foundation.failure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every exception leaving the method is written to the failure log. With {@code skipRecoverable}, a
 * recoverable item failure (one bad file) is logged, counted and skipped: the method returns null
 * and the run goes on, ending with exit code 4. Anything else is rethrown after logging.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LogFailures {
    /** What the method does, for the log's operation field (for example "copy file to staging"). */
    String value();

    /** Whether a recoverable failure skips the item instead of stopping the run (method must not return a primitive). */
    boolean skipRecoverable() default false;
}
