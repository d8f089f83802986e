package dev.ratchet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The episode benchmark's baseline: the same number of POSTs to the same endpoint at the same
 * concurrency with the bare JDK HttpClient (the transport under LangChain4j's adapter), and nothing
 * else. When episodes come as close to the ideal as this does, the harness adds nothing measurable
 * and what remains is the HTTP client and the machine.
 */
final class RawHttpBaseline {

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI uri;
    private final String body;

    RawHttpBaseline(String baseUrl, String body) {
        this.uri = URI.create(baseUrl + "/chat/completions");
        this.body = body;
    }

    /** Makes {@code n} POSTs on {@code c} threads and returns the wall time in milliseconds. */
    long wallMillis(int n, int c) {
        ExecutorService pool = Executors.newFixedThreadPool(c);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(this::post));
            }
            for (Future<Integer> f : futures) {
                if (f.get() != 200) {
                    throw new IllegalStateException("the benchmark endpoint answered " + f.get());
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a baseline request failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private int post() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
