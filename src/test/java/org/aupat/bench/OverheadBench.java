package org.aupat.bench;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntUnaryOperator;
import org.aupat.foundation.FoundationContext;
import org.aupat.foundation.checkpoint.CheckpointStore;
import org.aupat.foundation.checkpoint.ChunkedRun;
import org.aupat.foundation.checkpoint.RunIdentity;
import org.aupat.foundation.console.Console;
import org.aupat.foundation.logging.LogMarkers;
import org.aupat.foundation.logging.RunContext;
import org.aupat.foundation.progress.Progress;
import org.aupat.foundation.progress.ProgressReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The advice stack's overhead figures (README, Performance): cost per call of the advice stack, a checkpoint update, a committed
 * chunk, a log line and a progress update, on the real components with a real SQLite database in a temporary
 * folder, and their share of a pipeline run. Prints figures and asserts nothing. Run it with bench/overhead.sh.
 */
public final class OverheadBench {
    private static final Logger log = LoggerFactory.getLogger(OverheadBench.class);
    /** Rounds this long keep the timer's resolution and one GC pause small against the round. */
    private static final long ROUND_NANOS = 100_000_000L;
    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final RunIdentity BENCH_RUN = new RunIdentity("bench", "bench", false);
    private static final int CHUNK_ROWS = 100;

    // The pipeline of bench/run.sh, counted from the code: 1,010 files (bench/make-corpus.sh: 1,000 images,
    // 10 videos), 100 per chunk, so staging has ceil(1010/100) = 11 chunks and organize, ingest and verify
    // each have 10 image chunks + 1 video chunk.
    private static final int FILES = 1_010;
    private static final int CHUNKS = 11;
    /** StagingItem.stage and IngestItem.place, both @LogFailures only. */
    private static final int ITEM_CALLS = 2 * FILES;
    /** MediaRepository.owner (StagingItem), owner + insertStaged (StagingLedger), OrganizeRepository.save,
     *  MediaRepository.archived (IngestLedger), MediaRepository.verified (VerifyLedger); per-chunk queries left out. */
    private static final int REPOSITORY_CALLS = 6 * FILES;
    /** StagingLedger, OrganizeLedger.save, IngestLedger and VerifyLedger per chunk, OrganizeLedger.link per location. */
    private static final int LEDGER_CALLS = 4 * CHUNKS + 1;
    /** Only FileStager.stage is @Checkpointed. */
    private static final int CHECKPOINTED_RUNS = 1;
    /** ChunkedRun.total once, then chunkCommitted after each staging chunk. */
    private static final int CHECKPOINT_UPDATES = 1 + CHUNKS;
    /** advance(1) per file while staging and verifying, advance(chunk) per organize chunk. */
    private static final int PROGRESS_UPDATES = 2 * FILES + CHUNKS;
    /** Lines outside transactions (their transaction.log lines and, in the dev profile, Spring's DEBUG lines are
     *  in the @Transactional figure) and besides the amortised progress lines: run start and end, pre-flight,
     *  location, backup, ~12 created folders, start and end of 4 progress bars, one progress line per organize
     *  chunk, staging cleanup, master JSON. A clean corpus logs no line per file. */
    private static final int LOG_LINES = 40;

    private static volatile int sink;

    private OverheadBench() {
    }

    /** Optional argument: the pipeline's time in seconds that the shares refer to (default 15). */
    public static void main(String[] args) throws Exception {
        double pipelineSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 15;
        Path home = Files.createTempDirectory("aupat-overhead");
        try (ConfigurableApplicationContext context = FoundationContext.start(home, AdvisedCalls.Setup.class);
                PrintStream consoleFile = new PrintStream(new FileOutputStream(home.resolve("console.txt").toFile()),
                        false, StandardCharsets.UTF_8)) {
            RunContext.start("bench");
            run(context, consoleFile, pipelineSeconds);
        } finally {
            RunContext.clear();
            FileSystemUtils.deleteRecursively(home);
        }
    }

    /** What is timed, in the order of the printed table. */
    private enum Call {
        PLAIN("plain call of a trivial method"),
        FAILURE_LOG("@LogFailures"),
        RETRY("@RetryTransient"),
        TRANSACTION("@Transactional (empty; dev profile, the default)"),
        TRANSACTION_AT_INFO("@Transactional (empty; org.aupat at INFO, as in prod)"),
        REPOSITORY("@Repository error translation (CheckpointStore.file)"),
        STACK("@LogFailures @RetryTransient @Transactional"),
        FULL_STACK("... + @Checkpointed (a whole checkpointed run)"),
        CHECKPOINT_UPDATE("checkpoint update (ChunkedRun.chunkCommitted)"),
        CHUNK("committed chunk (" + CHUNK_ROWS + " inserts, one transaction)"),
        LOG_LINE("log line (FILE_ONLY INFO to main.log, real logback config)"),
        PROGRESS("progress update (advance(1), not a terminal)");

        private final String label;

        Call(String label) {
            this.label = label;
        }
    }

    private static void run(ConfigurableApplicationContext context, PrintStream consoleFile, double pipelineSeconds) {
        AdvisedCalls advised = context.getBean(AdvisedCalls.class);
        // The same class made without Spring: no proxy, so its calls are the plain ones.
        AdvisedCalls direct = new AdvisedCalls(context.getBean(JdbcTemplate.class));
        CheckpointStore store = context.getBean(CheckpointStore.class);
        // Not a terminal, as in bench/run.sh: a PROGRESS line every 100 items (the default), into a file.
        ProgressReporter reporter = new ProgressReporter(new Console(consoleFile, consoleFile, false), 100, 10);
        Map<Call, Double> nanos;
        try (Progress bar = reporter.start("bench", Long.MAX_VALUE, 0, "files")) {
            Map<Call, IntConsumer> calls = new EnumMap<>(Call.class);
            calls.put(Call.PLAIN, loop(direct::work));
            calls.put(Call.FAILURE_LOG, loop(advised::failureLog));
            calls.put(Call.RETRY, loop(advised::retry));
            calls.put(Call.TRANSACTION, loop(advised::transaction));
            calls.put(Call.TRANSACTION_AT_INFO, atInfo(loop(advised::transaction)));
            calls.put(Call.REPOSITORY, loop(i -> store.file().getNameCount()));
            calls.put(Call.STACK, loop(advised::stack));
            calls.put(Call.FULL_STACK, loop(i -> advised.fullStack(i, new ChunkedRun(BENCH_RUN))));
            calls.put(Call.CHECKPOINT_UPDATE, n -> advised.checkpointUpdates(n, new ChunkedRun(BENCH_RUN)));
            calls.put(Call.CHUNK, loop(i -> advised.insertChunk(CHUNK_ROWS)));
            calls.put(Call.LOG_LINE, loop(i -> {
                log.info(LogMarkers.FILE_ONLY, "duplicate: {} is already archived for location {}",
                        "cam3/IMG_00421.JPG", "4f1c9e2a-7d3b-4c55-9a61-2b8e0f6d1c37");
                return i;
            }));
            calls.put(Call.PROGRESS, loop(i -> {
                bar.advance(1);
                return i;
            }));
            nanos = measureAll(calls);
        }

        System.out.printf(Locale.ROOT, "%nshare of a %.1f s pipeline of %,d files (chunks of 100; counts from the code,"
                + " advice counted over a plain call):%n", pipelineSeconds, FILES);
        System.out.printf(Locale.ROOT, "%-58s %8s %10s %8s%n", "cost", "count", "ms", "share");
        double total = pipelineSeconds * 1e9;
        double stack = share("per-item @LogFailures (stage, place)", ITEM_CALLS, added(nanos, Call.FAILURE_LOG), total)
                + share("repository calls (@Repository translation)", REPOSITORY_CALLS, added(nanos, Call.REPOSITORY),
                        total)
                + share("chunk ledgers at the 3-advice figure (upper bound)", LEDGER_CALLS, added(nanos, Call.STACK),
                        total)
                + share("@Checkpointed runs at the 4-advice figure", CHECKPOINTED_RUNS, added(nanos, Call.FULL_STACK),
                        total)
                + share("checkpoint updates", CHECKPOINT_UPDATES, nanos.get(Call.CHECKPOINT_UPDATE), total);
        double bookkeeping = share("log lines", LOG_LINES, nanos.get(Call.LOG_LINE), total)
                + share("progress updates", PROGRESS_UPDATES, nanos.get(Call.PROGRESS), total);
        share("committed chunks (the data's own writes, not overhead)", LEDGER_CALLS, nanos.get(Call.CHUNK), total);
        System.out.printf(Locale.ROOT, "%naspect stack share of pipeline: %.3f %% (target < 5 %%)%n",
                100 * stack / total);
        System.out.printf(Locale.ROOT, "with log lines and progress updates: %.3f %%%n",
                100 * (stack + bookkeeping) / total);
    }

    /**
     * The calls with org.aupat logged at INFO. The default (dev) profile logs it at DEBUG, and
     * LoggingTransactionManager inherits Spring's logger under its own name: each transaction then also writes
     * Spring's DEBUG lines to main.log.
     */
    private static IntConsumer atInfo(IntConsumer calls) {
        LoggingSystem logging = LoggingSystem.get(OverheadBench.class.getClassLoader());
        LogLevel configured = logging.getLoggerConfiguration("org.aupat").getConfiguredLevel();
        return n -> {
            logging.setLogLevel("org.aupat", LogLevel.INFO);
            try {
                calls.accept(n);
            } finally {
                logging.setLogLevel("org.aupat", configured);
            }
        };
    }

    /** What the advice adds to a plain call. */
    private static double added(Map<Call, Double> nanos, Call call) {
        return nanos.get(call) - nanos.get(Call.PLAIN);
    }

    /** Calls {@code call} n times in a row, keeping its results so that the JIT cannot drop the calls. */
    private static IntConsumer loop(IntUnaryOperator call) {
        return n -> {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += call.applyAsInt(i);
            }
            sink = sum;
        };
    }

    /**
     * First sizes every kind of call's round (doubling the calls until a round takes ROUND_NANOS) and warms it
     * up, so that the JIT has compiled the Spring code they share before any is timed; then times ROUNDS rounds
     * of each and prints and keeps the median nanoseconds per call.
     */
    private static Map<Call, Double> measureAll(Map<Call, IntConsumer> calls) {
        System.out.printf(Locale.ROOT, "AUPAT overhead on the real components, Java %s, %d cores: every call warmed"
                + " up first, then the median of %d rounds of >= %d ms%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), ROUNDS, ROUND_NANOS / 1_000_000);
        Map<Call, Integer> size = new EnumMap<>(Call.class);
        calls.forEach((call, make) -> {
            int n = 1;
            while (time(make, n) < ROUND_NANOS && n < (1 << 30)) {
                n *= 2;
            }
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                time(make, n);
            }
            size.put(call, n);
        });
        System.out.printf(Locale.ROOT, "%-58s %12s %21s%n", "call", "ns/call", "(min - max)");
        Map<Call, Double> medians = new EnumMap<>(Call.class);
        calls.forEach((call, make) -> {
            System.gc();
            int n = size.get(call);
            double[] perCall = new double[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                perCall[i] = (double) time(make, n) / n;
            }
            Arrays.sort(perCall);
            medians.put(call, perCall[ROUNDS / 2]);
            System.out.printf(Locale.ROOT, "%-58s %,12.1f   (%,8.1f - %,8.1f)%n", call.label, perCall[ROUNDS / 2],
                    perCall[0], perCall[ROUNDS - 1]);
        });
        return medians;
    }

    private static long time(IntConsumer calls, int n) {
        long start = System.nanoTime();
        calls.accept(n);
        return System.nanoTime() - start;
    }

    /** Prints one row of the share table and returns its nanoseconds in the pipeline. */
    private static double share(String what, int count, double nanosEach, double pipelineNanos) {
        double nanos = count * Math.max(0, nanosEach);
        System.out.printf(Locale.ROOT, "%-58s %,8d %10.2f %7.3f %%%n", what, count, nanos / 1e6,
                100 * nanos / pipelineNanos);
        return nanos;
    }
}
