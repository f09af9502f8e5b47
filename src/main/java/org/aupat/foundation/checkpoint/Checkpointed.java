package org.aupat.foundation.checkpoint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a chunked operation that resumes where an interrupted identical run stopped. The method takes
 * a {@link ChunkedRun} parameter; callers pass {@link ChunkedRun#SUPPLIED} and the aspect puts the live
 * handle there, resumed from the last committed chunk, completed on return, failed on an exception.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Checkpointed {
    /** The operation's name, unique within its script (for example "stage files"). */
    String value();
}
