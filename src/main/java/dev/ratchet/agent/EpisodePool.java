package dev.ratchet.agent;

import dev.ratchet.env.Environment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs many episodes at once on a fixed pool of threads and hands the results back in INPUT order,
 * in batches: each batch is every result that is done and follows, without a gap, the results
 * already handed back. So a caller appending one batch per transaction writes the same stream
 * whatever the concurrency or the timing, and pays one commit for many episodes when the writer
 * falls behind.
 *
 * <p>A feeder thread pulls episodes from the caller's iterator and submits them, never more than
 * {@link #window()} ahead of the last result handed back; the caller's thread only waits and
 * writes. Memory therefore follows the concurrency, not the number of episodes.
 *
 * <p>When a run stops early no further episode starts, and every episode that had started is waited
 * for and handed to the caller as a {@link Leftover}, in input order: its calls reached the provider,
 * so the caller can record them.
 */
public final class EpisodePool implements AutoCloseable {

    /** Results per batch at most, so that one transaction stays in the size the log appends fastest. */
    public static final int MAX_BATCH = 256;

    private static final CompletableFuture<EpisodeResult> END = CompletableFuture.completedFuture(null);

    private final EpisodeRunner runner;
    private final ExecutorService executor;
    private final int window;

    public EpisodePool(EpisodeRunner runner, int concurrency) {
        this(
                runner,
                concurrency,
                Executors.newFixedThreadPool(checked(concurrency), daemonThreads("ratchet-episode-")));
    }

    /** Tests pass an executor that tells them when an episode's result is complete. */
    EpisodePool(EpisodeRunner runner, int concurrency, ExecutorService executor) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.executor = Objects.requireNonNull(executor, "executor");
        // Slack beyond the concurrency keeps every thread busy while an early slow episode holds up
        // delivery and while a batch commits; more would only hold more finished results in memory.
        this.window = Math.max(4 * checked(concurrency), 16);
    }

    private static int checked(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        return concurrency;
    }

    /** Episodes submitted but not yet handed back, at most: the bound on results held in memory. */
    public int window() {
        return window;
    }

    /** Runs one episode on the calling thread: a rerun while the pool's batch waits for it. */
    public EpisodeResult runOne(EpisodeSpec spec) {
        return runner.run(spec);
    }

    /** Runs every episode and returns the results in input order. */
    public List<EpisodeResult> runAll(List<EpisodeSpec> specs) {
        List<EpisodeResult> results = new ArrayList<>();
        run(specs, result -> {
            results.add(result);
            return true;
        });
        return List.copyOf(results);
    }

    /**
     * Runs the episodes and calls {@code inOrder} on the calling thread with each result, strictly
     * in input order. When it returns {@code false} (a budget was reached, say) no further result
     * is delivered and no further episode starts; those already running are waited for and dropped.
     *
     * @return how many results were delivered
     */
    public int run(List<EpisodeSpec> specs, Predicate<EpisodeResult> inOrder) {
        return run(specs, inOrder, leftover -> {});
    }

    /**
     * As {@link #run(List, Predicate)}, and when the run stops early (the predicate said no, or an
     * episode threw), every episode after the stopping one that had already started is waited for
     * and handed to {@code leftovers}, in input order, before this returns or rethrows: its calls
     * reached the provider, so the caller can record them. Episodes not yet started never start.
     */
    public int run(List<EpisodeSpec> specs, Predicate<EpisodeResult> inOrder, Consumer<Leftover> leftovers) {
        int[] delivered = {0};
        runBatches(
                specs.iterator(),
                batch -> {
                    for (int i = 0; i < batch.size(); i++) {
                        delivered[0]++;
                        if (!inOrder.test(batch.get(i))) {
                            // Finished after the stopping one: leftovers, ahead of those still queued.
                            batch.subList(i + 1, batch.size()).forEach(r -> leftovers.accept(new Leftover(r, null)));
                            return false;
                        }
                    }
                    return true;
                },
                leftovers);
        return delivered[0];
    }

    /**
     * Runs the episodes {@code specs} yields and calls {@code batches} on the calling thread with
     * consecutive runs of results, in input order, each as soon as its first result is done (a batch
     * never waits to fill: it holds what was ready, up to {@link #MAX_BATCH}). When it returns
     * {@code false} nothing further is delivered and no further episode starts; those already running
     * are waited for and dropped. An episode that throws ends the run with its exception, after every
     * earlier result was delivered.
     *
     * @return how many results were handed over, in batches that were all accepted but perhaps the last
     */
    public int runBatches(Iterator<EpisodeSpec> specs, Predicate<List<EpisodeResult>> batches) {
        return runBatches(specs, batches, leftover -> {});
    }

    /**
     * As {@link #runBatches(Iterator, Predicate)}, and when the run stops early (the predicate said
     * no, or an episode threw), every episode after the last batch that had already started is waited
     * for and handed to {@code leftovers}, in input order, before this returns or rethrows: its calls
     * reached the provider, so the caller can record them. Episodes not yet started never start. The
     * results of a refused batch were handed over: a caller that used only some of them treats the
     * rest as leftovers itself.
     */
    public int runBatches(
            Iterator<EpisodeSpec> specs, Predicate<List<EpisodeResult>> batches, Consumer<Leftover> leftovers) {
        BlockingQueue<CompletableFuture<EpisodeResult>> submitted = new LinkedBlockingQueue<>();
        Semaphore room = new Semaphore(window);
        AtomicBoolean stopped = new AtomicBoolean();
        Feeder feeder = new Feeder(specs, submitted, room, stopped);
        Thread thread = daemonThreads("ratchet-feeder-").newThread(feeder);
        thread.start();
        int delivered = 0;
        try {
            while (true) {
                CompletableFuture<EpisodeResult> head = take(submitted);
                if (head == END) {
                    return delivered;
                }
                List<EpisodeResult> batch = new ArrayList<>();
                batch.add(await(head));
                CompletableFuture<EpisodeResult> next;
                // A failed episode is left queued, so the results before it are delivered first.
                while (batch.size() < MAX_BATCH
                        && (next = submitted.peek()) != null
                        && next != END
                        && next.isDone()
                        && !next.isCompletedExceptionally()) {
                    batch.add(submitted.remove().join());
                }
                delivered += batch.size();
                if (!batches.test(List.copyOf(batch))) {
                    return delivered;
                }
                room.release(batch.size());
            }
        } finally {
            // Nothing starts from here on; what the feeder already submitted is waited for, in order.
            stopped.set(true);
            room.release(window);
            join(thread);
            drain(submitted, leftovers);
        }
    }

    /** An episode that was running when the run stopped: its result, or what it threw. */
    public record Leftover(EpisodeResult result, RuntimeException thrown) {}

    private static void drain(BlockingQueue<CompletableFuture<EpisodeResult>> rest, Consumer<Leftover> leftovers) {
        CompletableFuture<EpisodeResult> future;
        while ((future = rest.poll()) != null) {
            if (future == END) {
                continue;
            }
            try {
                EpisodeResult result = future.get();
                if (result != null) {
                    leftovers.accept(new Leftover(result, null));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                rest.forEach(f -> f.cancel(false));
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException thrown) {
                    leftovers.accept(new Leftover(null, thrown));
                }
            }
        }
    }

    /** The most model calls one episode of {@code spec} can make, for budgets that must not be overrun. */
    public int maxCalls(EpisodeSpec spec) {
        return runner.maxCalls(spec);
    }

    /** The most model calls one episode in {@code environment} can make, before its spec is made. */
    public int maxCalls(Environment environment) {
        return runner.maxCalls(environment);
    }

    /** Submits episodes in input order while the window has room; queues END (or the iterator's failure) last. */
    private final class Feeder implements Runnable {
        private final Iterator<EpisodeSpec> specs;
        private final BlockingQueue<CompletableFuture<EpisodeResult>> submitted;
        private final Semaphore room;
        private final AtomicBoolean stopped;

        Feeder(
                Iterator<EpisodeSpec> specs,
                BlockingQueue<CompletableFuture<EpisodeResult>> submitted,
                Semaphore room,
                AtomicBoolean stopped) {
            this.specs = specs;
            this.submitted = submitted;
            this.room = room;
            this.stopped = stopped;
        }

        @Override
        public void run() {
            try {
                while (!stopped.get() && specs.hasNext()) {
                    room.acquire();
                    if (stopped.get()) {
                        break;
                    }
                    EpisodeSpec spec = Objects.requireNonNull(specs.next(), "spec");
                    // An episode whose turn comes after the run stopped never starts: its result is null.
                    submitted.add(
                            CompletableFuture.supplyAsync(() -> stopped.get() ? null : runner.run(spec), executor));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // Handed to the caller in order, so the episodes before the bad spec are still delivered.
                submitted.add(CompletableFuture.failedFuture(e));
            } finally {
                submitted.add(END);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static CompletableFuture<EpisodeResult> take(BlockingQueue<CompletableFuture<EpisodeResult>> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an episode", e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EpisodeResult await(CompletableFuture<EpisodeResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an episode", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("an episode failed", e.getCause());
        }
    }

    /** Daemon threads, so that a pool left open never keeps the command-line process alive. */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
