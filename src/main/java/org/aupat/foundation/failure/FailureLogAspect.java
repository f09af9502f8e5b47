package org.aupat.foundation.failure;

import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;

/**
 * Outermost advice: sees only the final outcome (after retries and rollback) and writes it to the failure
 * log. It skips an item only where the method's return type, {@link Skippable}, says that it may.
 */
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
            Method method = targetMethod(call);
            boolean skip = method.getReturnType() == Skippable.class && FailureLog.skippable(failure);
            failureLog.record(failure, method.getDeclaringClass().getSimpleName() + "." + method.getName(),
                    annotation(call, LogFailures.class).value(), skip);
            if (skip) {
                return Skippable.skipped();
            }
            throw failure;
        }
    }
}
