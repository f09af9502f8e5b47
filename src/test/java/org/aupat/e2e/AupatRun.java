package org.aupat.e2e;

/** One way of running AUPAT with arguments: the packaged jar ({@link JarRunner}) or in process ({@link InProcessRunner}). */
@FunctionalInterface
public interface AupatRun {
    JarRunner.Result run(String... args) throws Exception;
}
