package org.aupat.foundation.db;

import org.aspectj.lang.annotation.AfterThrowing;
import org.aspectj.lang.annotation.Aspect;
import org.aupat.foundation.AdviceOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Sits just inside the transaction advice and hands the exception of a failing method to the rollback log. */
@Aspect
@Component
@Order(AdviceOrder.TRANSACTION + 1)
public class TransactionCauseRecorder {

    @AfterThrowing(pointcut = "execution(* org.aupat..*(..)) && (@annotation(org.springframework.transaction.annotation.Transactional)"
            + " || @within(org.springframework.transaction.annotation.Transactional))", throwing = "failure")
    public void record(Throwable failure) {
        LoggingTransactionManager.rollbackCause(failure);
    }
}
