package org.aupat.foundation.failure;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every exception leaving the method is written to the failure log. A method that returns
 * {@link Skippable} skips its item on a recoverable failure (one bad file): the failure is logged and
 * counted, the method returns {@link Skippable#skipped()}, and the run goes on, ending with exit code 4.
 * Anything else, and any failure of a method with another return type, is rethrown after logging.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LogFailures {
    /** What the method does, for the log's operation field (for example "copy file to staging"). */
    String value();
}
