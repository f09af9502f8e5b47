package org.aupat.foundation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Pointcut;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Base of AUPAT's own advice: a Spring AOP advisor that is its own interceptor, with its pointcut and
 * its place in {@link AdviceOrder}. Plain Spring pointcuts instead of AspectJ expressions: matching an
 * AspectJ expression against every bean loaded about 330 classes of the AspectJ weaver at every start.
 */
public abstract class MethodAdvice implements PointcutAdvisor, MethodInterceptor, Ordered {
    private final Pointcut pointcut;
    private final int order;

    protected MethodAdvice(Pointcut pointcut, int order) {
        this.pointcut = pointcut;
        this.order = order;
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return this;
    }

    @Override
    public boolean isPerInstance() {
        return true;
    }

    @Override
    public int getOrder() {
        return order;
    }

    /** The method as declared by the target's class, where its annotations are. */
    protected static Method targetMethod(MethodInvocation call) {
        return call.getThis() == null ? call.getMethod()
                : AopUtils.getMostSpecificMethod(call.getMethod(), AopUtils.getTargetClass(call.getThis()));
    }

    /** The annotation of the called method (found on the target's method). */
    protected static <A extends Annotation> A annotation(MethodInvocation call, Class<A> type) {
        return AnnotatedElementUtils.findMergedAnnotation(targetMethod(call), type);
    }
}
