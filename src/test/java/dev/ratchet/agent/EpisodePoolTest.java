package dev.ratchet.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ratchet.env.Environment;
import dev.ratchet.env.Instance;
import dev.ratchet.log.EventLog;
import dev.ratchet.log.InMemoryEventLog;
import dev.ratchet.log.NewEvent;
import dev.ratchet.log.event.Event;
import dev.ratchet.log.event.EventCodec;
import dev.ratchet.model.ModelClient;
import dev.ratchet.model.simulated.SimulatedWorld;
import dev.ratchet.model.simulated.SmallEnvironments;
import dev.ratchet.skill.Library;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EpisodePoolTest {

    private static final List<Environment> ENVS = List.of(
            SmallEnvironments.ADD,
            SmallEnvironments.REVERSE,
            SmallEnvironments.SQUARE,
            SmallEnvironments.ADD_THEN_REVERSE);

    private static SimulatedWorld world() {
        return new SimulatedWorld(
                17,
                SmallEnvironments.lookup(),
                SimulatedWorld.Settings.defaults().withEnvIds(List.of("arith.add", "text.reverse", "math.square")));
    }

    static List<EpisodeSpec> specs(int count, Library library) {
        List<EpisodeSpec> specs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Environment env = ENVS.get(i % ENVS.size());
            Instance instance = env.sample(i, env.minDifficulty() + i % 2);
            String id = "i1/batch/" + instance.id() + "/s0";
            specs.add(new EpisodeSpec(id, 1, "batch", "train", instance, env, library, 0));
        }
        return specs;
    }

    private static byte[] stream(int concurrency, List<EpisodeSpec> specs, EventLog log) {
        ModelClient client = new ChatModelClient(world().agent());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(client, 4), concurrency)) {
            pool.run(specs, result -> {
                List<NewEvent> batch = new ArrayList<>();
                for (Event event : result.events()) {
                    bytes.writeBytes(EventCodec.encode(event));
                    bytes.write('\n');
                    batch.add(NewEvent.of(event));
                }
                log.append("campaign", EventLog.ANY_VERSION, batch);
                return true;
            });
        }
        return bytes.toByteArray();
    }

    @Test
    void concurrencyOneAndSixteenWriteIdenticalEventStreams() {
        Library library =
                new Library(List.of(), List.of(world().candidateSkills().get(0)));
        List<EpisodeSpec> specs = specs(160, library);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        InMemoryEventLog serial = new InMemoryEventLog(clock);
        InMemoryEventLog parallel = new InMemoryEventLog(clock);
        byte[] one = stream(1, specs, serial);
        byte[] sixteen = stream(16, specs, parallel);
        assertTrue(one.length > 10_000);
        assertArrayEquals(one, sixteen);
        assertEquals(
                serial.head().orElseThrow().hashHex(),
                parallel.head().orElseThrow().hashHex());
    }

    @Test
    void resultsArriveInInputOrderEvenWhenTheFirstEpisodeFinishesLast() {
        List<EpisodeSpec> specs = specs(6, Library.empty());
        String first = specs.get(0).episodeId();
        String last = specs.get(5).episodeId();
        CountDownLatch lastDone = new CountDownLatch(1);
        List<String> completed = Collections.synchronizedList(new ArrayList<>());
        ModelClient inner = new ChatModelClient(world().agent());
        ModelClient client = (context, request) -> {
            if (context.callId().startsWith(first)) {
                await(lastDone);
            }
            var call = inner.call(context, request);
            completed.add(context.callId());
            if (context.callId().startsWith(last)) {
                lastDone.countDown();
            }
            return call;
        };
        List<String> delivered = new ArrayList<>();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(client, 4), 3)) {
            pool.run(specs, r -> delivered.add(r.scored().episodeId()));
        }
        assertEquals(specs.stream().map(EpisodeSpec::episodeId).toList(), delivered);
        assertTrue(
                completed.indexOf(first + "/call-1") > completed.indexOf(last + "/call-1"),
                "the first episode really did finish after the last: " + completed);
    }

    @Test
    void deliveryStopsWhenTheCallerSaysSo() {
        List<EpisodeSpec> specs = specs(40, Library.empty());
        List<EpisodeResult> seen = new ArrayList<>();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(new ChatModelClient(world().agent())), 4)) {
            int delivered = pool.run(specs, r -> {
                seen.add(r);
                return seen.size() < 3;
            });
            assertEquals(3, delivered);
        }
        assertEquals(
                specs.subList(0, 3).stream().map(EpisodeSpec::episodeId).toList(),
                seen.stream().map(r -> r.scored().episodeId()).toList());
    }

    @Test
    void episodesStartedBeforeAStopAreHandedOverAsLeftoversInInputOrderAndNoMoreStart() {
        List<EpisodeSpec> specs = specs(200, Library.empty());
        List<String> called = Collections.synchronizedList(new ArrayList<>());
        ModelClient inner = new ChatModelClient(world().agent());
        ModelClient client = (context, request) -> {
            called.add(context.callId());
            return inner.call(context, request);
        };
        List<String> seen = new ArrayList<>();
        List<String> leftovers = new ArrayList<>();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(client, 4), 4)) {
            int delivered = pool.run(
                    specs,
                    r -> {
                        seen.add(r.scored().episodeId());
                        return seen.size() < 3;
                    },
                    left -> leftovers.add(left.result().scored().episodeId()));
            assertEquals(3, delivered);
            assertTrue(leftovers.size() <= pool.window(), "at most the window: " + leftovers.size());
        }
        List<String> ids = specs.stream().map(EpisodeSpec::episodeId).toList();
        assertEquals(ids.subList(0, 3), seen);
        // In input order, all after the stopping one; not necessarily a gapless run of them, since a
        // thread that took an episode only just before the stop may not have started it (no calls).
        List<Integer> positions = leftovers.stream().map(ids::indexOf).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "in input order: " + positions);
        assertTrue(positions.stream().allMatch(i -> i >= 3), "after the stopping one: " + positions);
        // Every episode that made a call was delivered or handed over: none ran unseen.
        long ran = ids.stream()
                .filter(id -> called.stream().anyMatch(c -> c.startsWith(id + "/")))
                .count();
        assertEquals(seen.size() + leftovers.size(), ran);
    }

    @Test
    void aBrokenEpisodeFailsTheRunInsteadOfVanishing() {
        ModelClient broken = (context, request) -> {
            throw new IllegalStateException("model client bug");
        };
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(broken), 2)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> pool.runAll(specs(3, Library.empty())));
            assertEquals("model client bug", e.getMessage());
        }
    }

    @Test
    void episodesFinishedWhileTheWriterWaitsAreHandedOverAsOneBatchInInputOrder() {
        List<EpisodeSpec> specs = specs(6, Library.empty());
        String first = specs.get(0).episodeId();
        // Counted after each result is complete, so the first episode ends only once the rest are ready.
        CountDownLatch othersComplete = new CountDownLatch(5);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        Executor signalling = task -> threads.execute(() -> {
            task.run();
            othersComplete.countDown();
        });
        ModelClient inner = new ChatModelClient(world().agent());
        ModelClient client = (context, request) -> {
            if (context.callId().startsWith(first)) {
                await(othersComplete);
            }
            return inner.call(context, request);
        };
        List<List<String>> batches = new ArrayList<>();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(client, 4), 3, wrap(threads, signalling))) {
            pool.runBatches(
                    specs.iterator(),
                    batch -> batches.add(
                            batch.stream().map(r -> r.scored().episodeId()).toList()));
        }
        assertEquals(List.of(specs.stream().map(EpisodeSpec::episodeId).toList()), batches);
    }

    @Test
    void theFeederNeverRunsMoreThanTheWindowAheadOfWhatWasHandedOver() {
        int count = 400;
        List<EpisodeSpec> specs = specs(count, Library.empty());
        String first = specs.get(0).episodeId();
        int[] delivered = {0};
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch windowPulled = new CountDownLatch(1);
        ModelClient inner = new ChatModelClient(world().agent());
        ModelClient client = (context, request) -> {
            if (context.callId().startsWith(first)) {
                await(windowPulled);
            }
            return inner.call(context, request);
        };
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(client, 4), 2)) {
            int window = pool.window();
            Iterator<EpisodeSpec> source = new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < count;
                }

                @Override
                public EpisodeSpec next() {
                    synchronized (delivered) {
                        if (next >= delivered[0] + window) {
                            violations.add("pulled spec " + next + " with " + delivered[0] + " handed over");
                        }
                    }
                    if (next == window - 1) {
                        windowPulled.countDown();
                    }
                    return specs.get(next++);
                }
            };
            int handed = pool.runBatches(source, batch -> {
                synchronized (delivered) {
                    delivered[0] += batch.size();
                }
                return true;
            });
            assertEquals(count, handed);
            assertTrue(window < count / 4, "the window is small enough to matter: " + window);
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aSpecThatCannotBeMadeFailsTheRunAfterTheEpisodesBeforeIt() {
        List<EpisodeSpec> specs = specs(5, Library.empty());
        Iterator<EpisodeSpec> source = IntStream.range(0, 5)
                .mapToObj(i -> {
                    if (i == 3) {
                        throw new IllegalStateException("generator is not deterministic");
                    }
                    return specs.get(i);
                })
                .iterator();
        List<String> seen = new ArrayList<>();
        try (EpisodePool pool = new EpisodePool(new EpisodeRunner(new ChatModelClient(world().agent())), 4)) {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class,
                    () -> pool.runBatches(source, batch -> {
                        batch.forEach(r -> seen.add(r.scored().episodeId()));
                        return true;
                    }));
            assertEquals("generator is not deterministic", e.getMessage());
        }
        assertEquals(specs.subList(0, 3).stream().map(EpisodeSpec::episodeId).toList(), seen);
    }

    /** An executor service that runs tasks through {@code execute}; lifecycle calls go to {@code threads}. */
    private static ExecutorService wrap(ExecutorService threads, Executor execute) {
        return new java.util.concurrent.AbstractExecutorService() {
            @Override
            public void execute(Runnable command) {
                execute.execute(command);
            }

            @Override
            public void shutdown() {
                threads.shutdown();
            }

            @Override
            public List<Runnable> shutdownNow() {
                return threads.shutdownNow();
            }

            @Override
            public boolean isShutdown() {
                return threads.isShutdown();
            }

            @Override
            public boolean isTerminated() {
                return threads.isTerminated();
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
                return threads.awaitTermination(timeout, unit);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the last episode never ran");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
