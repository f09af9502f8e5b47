package org.aupat.foundation.db;

import org.aspectj.lang.annotation.AfterThrowing;
import org.aspectj.lang.annotation.Aspect;
import org.aupat.foundation.AdviceOrder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Every failure leaving a {@code @Repository} is translated into an AUPAT database error. */
@Aspect
@Component
@Order(AdviceOrder.SQL_TRANSLATION)
public class RepositoryErrorTranslation {

    @AfterThrowing(pointcut = "within(@org.springframework.stereotype.Repository org.aupat..*)", throwing = "failure")
    public void translate(Throwable failure) {
        throw SqliteErrors.translate(failure);
    }
}
