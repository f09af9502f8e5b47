package org.aupat.foundation.checkpoint;

import java.util.Optional;
import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.aupat.foundation.checkpoint.Checkpoint.Status;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.db.ArchiveIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;

/**
 * Opens the {@link ChunkedRun} a {@link Checkpointed} method is given at its run's checkpoint (resumed,
 * fresh, or restarted on request), then completes it on return or marks it failed on an exception.
 */
@Component
class CheckpointAspect extends MethodAdvice {
    private static final Logger log = LoggerFactory.getLogger(CheckpointAspect.class);
    private final CheckpointStore store;
    private final Console console;
    private final ArchiveIdentity archive;

    CheckpointAspect(CheckpointStore store, Console console, ArchiveIdentity archive) {
        super(AnnotationMatchingPointcut.forMethodAnnotation(Checkpointed.class), AdviceOrder.CHECKPOINT);
        this.store = store;
        this.console = console;
        this.archive = archive;
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        ChunkedRun run = runArgument(call);
        open(run, run.identity(), annotation(call, Checkpointed.class).value());
        Object result;
        try {
            result = call.proceed();
        } catch (Throwable failure) {
            run.failed(failure);
            throw failure;
        }
        run.completed();
        return result;
    }

    private void open(ChunkedRun run, RunIdentity identity, String operation) {
        CheckpointId id = InterruptedRuns.id(identity, operation, archive);
        Optional<Checkpoint> found = Optional.empty();
        try {
            if (identity.restart() && store.discard(id)) {
                console.info("--restart: discarded the checkpoint of " + id.script() + " (" + operation + "); starting over");
            }
            found = store.find(id).filter(Checkpoint::resumable);
        } catch (RuntimeException e) {
            log.warn("Cannot read checkpoints from {} ({}); this run starts from the data.", store.file(),
                    e.getMessage());
        }
        Checkpoint start = found.map(c -> c.in(Status.IN_PROGRESS, null, null)).orElseGet(() -> Checkpoint.start(id));
        run.open(store, start);
        if (run.resumed()) {
            console.info("resuming " + id.script() + " from " + start.current() + "/" + start.total()
                    + (start.lastItem() == null ? "" : " (last done: " + start.lastItem() + ")"));
        }
        run.write();
    }

    private static ChunkedRun runArgument(MethodInvocation call) {
        ChunkedRun found = null;
        for (Object arg : call.getArguments()) {
            if (arg instanceof ChunkedRun run) {
                if (found != null) {
                    throw new IllegalStateException(targetMethod(call) + " is @Checkpointed but was given two ChunkedRuns");
                }
                found = run;
            }
        }
        if (found == null) {
            throw new IllegalStateException(targetMethod(call) + " is @Checkpointed but was given no ChunkedRun");
        }
        return found;
    }
}
