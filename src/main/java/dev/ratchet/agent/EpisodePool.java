package dev.ratchet.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs many episodes at once on a fixed pool of threads and hands the results back in INPUT order,
 * each as soon as it and every earlier episode are done, so that a caller appending events as they
 * arrive writes the same stream whatever the concurrency or the timing.
 */
public final class EpisodePool implements AutoCloseable {

    private final EpisodeRunner runner;
    private final ExecutorService executor;

    public EpisodePool(EpisodeRunner runner, int concurrency) {
        this.runner = Objects.requireNonNull(runner, "runner");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1: " + concurrency);
        }
        this.executor = Executors.newFixedThreadPool(concurrency, daemonThreads());
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
        AtomicBoolean stopped = new AtomicBoolean();
        List<Future<EpisodeResult>> futures = new ArrayList<>(specs.size());
        for (EpisodeSpec spec : specs) {
            Objects.requireNonNull(spec, "spec");
            futures.add(executor.submit(() -> stopped.get() ? null : runner.run(spec)));
        }
        int consumed = 0;
        int delivered = 0;
        try {
            for (Future<EpisodeResult> future : futures) {
                consumed++;
                EpisodeResult result = await(future);
                delivered++;
                if (!inOrder.test(result)) {
                    break;
                }
            }
        } finally {
            stopped.set(true);
            drain(futures.subList(consumed, futures.size()), leftovers);
        }
        return delivered;
    }

    /** An episode that was running when the run stopped: its result, or what it threw. */
    public record Leftover(EpisodeResult result, RuntimeException thrown) {}

    private static void drain(List<Future<EpisodeResult>> rest, Consumer<Leftover> leftovers) {
        for (Future<EpisodeResult> future : rest) {
            try {
                EpisodeResult result = future.get();
                if (result != null) {
                    leftovers.accept(new Leftover(result, null));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
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

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static EpisodeResult await(Future<EpisodeResult> future) {
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
    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ratchet-episode-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
