package org.aupat.foundation.failure;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.reflect.MethodSignature;
import org.aupat.foundation.AdviceOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Outermost advice: sees only the final outcome (after retries and rollback) and writes it to the failure log. */
@Aspect
@Component
@Order(AdviceOrder.FAILURE_LOG)
class FailureLogAspect {
    private final FailureLog failureLog;

    FailureLogAspect(FailureLog failureLog) {
        this.failureLog = failureLog;
    }

    @Around("@annotation(logFailures)")
    public Object around(ProceedingJoinPoint call, LogFailures logFailures) throws Throwable {
        try {
            return call.proceed();
        } catch (Throwable failure) {
            MethodSignature signature = (MethodSignature) call.getSignature();
            Class<?> returns = signature.getReturnType();
            // A skipped call returns null, which a primitive result cannot hold.
            boolean skip = logFailures.skipRecoverable() && FailureLog.skippable(failure)
                    && (returns == void.class || !returns.isPrimitive());
            failureLog.record(failure, signature.getDeclaringType().getSimpleName() + "." + signature.getName(),
                    logFailures.value(), skip);
            if (skip) {
                return null;
            }
            throw failure;
        }
    }
}
