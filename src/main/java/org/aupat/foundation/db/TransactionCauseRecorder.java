package org.aupat.foundation.db;

import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sits just inside the transaction advice and hands the exception of a failing method to the rollback log. */
@Component
public class TransactionCauseRecorder extends MethodAdvice {

    public TransactionCauseRecorder() {
        super(new ComposablePointcut(AnnotationMatchingPointcut.forClassAnnotation(Transactional.class))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class)), AdviceOrder.TRANSACTION + 1);
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        try {
            return call.proceed();
        } catch (Throwable failure) {
            LoggingTransactionManager.rollbackCause(failure);
            throw failure;
        }
    }
}
