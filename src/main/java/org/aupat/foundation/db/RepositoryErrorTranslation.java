package org.aupat.foundation.db;

import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;

/** Every failure leaving a {@code @Repository} is translated into an AUPAT database error. */
@Component
public class RepositoryErrorTranslation extends MethodAdvice {

    public RepositoryErrorTranslation() {
        super(AnnotationMatchingPointcut.forClassAnnotation(Repository.class), AdviceOrder.SQL_TRANSLATION);
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        try {
            return call.proceed();
        } catch (Throwable failure) {
            throw DatabaseErrors.translate(failure);
        }
    }
}
