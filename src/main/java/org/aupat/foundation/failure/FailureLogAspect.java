package org.aupat.foundation.failure;

import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;

/** Outermost advice: sees only the final outcome (after retries and rollback) and writes it to the failure log. */
@Component
class FailureLogAspect extends MethodAdvice {
    private final FailureLog failureLog;

    FailureLogAspect(FailureLog failureLog) {
        super(AnnotationMatchingPointcut.forMethodAnnotation(LogFailures.class), AdviceOrder.FAILURE_LOG);
        this.failureLog = failureLog;
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        try {
            return call.proceed();
        } catch (Throwable failure) {
            LogFailures logFailures = annotation(call, LogFailures.class);
            Method method = targetMethod(call);
            Class<?> returns = method.getReturnType();
            // A skipped call returns null, which a primitive result cannot hold.
            boolean skip = logFailures.skipRecoverable() && FailureLog.skippable(failure)
                    && (returns == void.class || !returns.isPrimitive());
            failureLog.record(failure, method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                    logFailures.value(), skip);
            if (skip) {
                return null;
            }
            throw failure;
        }
    }
}
