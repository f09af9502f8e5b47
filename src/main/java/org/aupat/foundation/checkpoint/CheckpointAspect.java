package org.aupat.foundation.checkpoint;

import java.time.Instant;
import java.util.Optional;
import org.aopalliance.intercept.MethodInvocation;
import org.aupat.foundation.AdviceOrder;
import org.aupat.foundation.MethodAdvice;
import org.aupat.foundation.checkpoint.Checkpoint.Status;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.logging.RunContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Component;

/** Supplies a {@link Checkpointed} method with its ChunkedRun: resumed, fresh or restarted on request. */
@Component
class CheckpointAspect extends MethodAdvice {
    private static final Logger log = LoggerFactory.getLogger(CheckpointAspect.class);
    private final CheckpointStore store;
    private final RunIdentity identity;
    private final Console console;

    CheckpointAspect(CheckpointStore store, RunIdentity identity, Console console) {
        super(AnnotationMatchingPointcut.forMethodAnnotation(Checkpointed.class), AdviceOrder.CHECKPOINT);
        this.store = store;
        this.identity = identity;
        this.console = console;
    }

    @Override
    public Object invoke(MethodInvocation call) throws Throwable {
        // The arguments array is the one the call proceeds with: the run goes into the SUPPLIED slot.
        Object[] args = call.getArguments();
        int slot = runParameter(args, call);
        ChunkedRun run = begin(script(), annotation(call, Checkpointed.class).value());
        args[slot] = run;
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

    private ChunkedRun begin(String script, String operation) {
        String options = identity.options();
        Optional<Checkpoint> found = Optional.empty();
        try {
            if (identity.restart() && store.discard(script, operation, options)) {
                console.info("--restart: discarded the checkpoint of " + script + " (" + operation + "); starting over");
            }
            found = store.find(script, operation, options).filter(Checkpoint::resumable);
        } catch (RuntimeException e) {
            log.warn("Cannot read checkpoints from {} ({}); this run starts from the data.", store.file(),
                    e.getMessage());
        }
        Instant now = Instant.now();
        Checkpoint start = found.map(c -> c.in(Status.IN_PROGRESS, null, null))
                .orElseGet(() -> new Checkpoint(CheckpointStore.id(script, operation, options), script, operation,
                        options, Status.IN_PROGRESS, 0, 0, null, ChunkCounts.NONE, 0, 0, now, now, null, null));
        ChunkedRun run = new ChunkedRun(store, start);
        if (run.resumed()) {
            console.info("resuming " + script + " from " + start.current() + "/" + start.total()
                    + (start.lastItem() == null ? "" : " (last done: " + start.lastItem() + ")"));
        }
        run.write();
        return run;
    }

    private static String script() {
        String script = RunContext.script();
        return script == null ? "unnamed" : script;
    }

    private static int runParameter(Object[] args, MethodInvocation call) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == ChunkedRun.SUPPLIED) {
                return i;
            }
        }
        throw new IllegalStateException(targetMethod(call) + " is @Checkpointed but was not given ChunkedRun.SUPPLIED");
    }
}
