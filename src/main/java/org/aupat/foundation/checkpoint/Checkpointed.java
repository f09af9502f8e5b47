package org.aupat.foundation.checkpoint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a chunked operation that resumes where an interrupted identical run stopped. The method takes
 * one {@link ChunkedRun} parameter, made by the caller for its run ({@code new ChunkedRun(identity)}).
 * Around the call the aspect opens that run at the checkpoint of its identity and this operation
 * (discarding it first on {@code --restart}), completes it on return and marks it failed on an exception.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Checkpointed {
    /** The operation's name, unique within its script (for example "stage files"). */
    String value();
}
