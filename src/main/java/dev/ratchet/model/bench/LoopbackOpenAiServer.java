package dev.ratchet.model.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 whose every answer a {@link Responder} decides:
 * a completion after a fixed latency for the benchmark, or a scripted fault (an error status with
 * headers, a reset connection, a malformed body, a late answer) for the resilience tests. It never
 * listens beyond loopback.
 */
public final class LoopbackOpenAiServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body separately; with Nagle on, each response stalls for
        // the client's delayed ACK (~40 ms on Linux). Read once, when the server class initializes.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackOpenAiServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Decides the reply to each request. */
    @FunctionalInterface
    public interface Responder {
        Reply reply(Request request) throws InterruptedException;
    }

    /** The {@code number}-th request (1-based): its headers (names lower case) and JSON body. */
    public record Request(int number, Map<String, List<String>> headers, JsonNode body) {

        public Request {
            headers = Map.copyOf(headers);
        }

        /** The text of the last user message. */
        public String lastUserText() {
            String text = "";
            for (JsonNode m : body.path("messages")) {
                if ("user".equals(m.path("role").asText())) {
                    text = m.path("content").asText();
                }
            }
            return text;
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /** A reply: a status, headers and body after a delay, or a connection closed without a response. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay, boolean dropConnection) {

        public Reply {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(delay, "delay");
        }

        /** A chat completion whose assistant message is {@code text}. */
        public static Reply completion(String text, int inputTokens, int outputTokens) {
            ObjectNode body = Json.object(Map.of(
                    "id", "chatcmpl-loopback",
                    "object", "chat.completion",
                    "created", 0,
                    "model", "loopback"));
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0);
            choice.put("finish_reason", "stop");
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", text);
            ObjectNode usage = body.putObject("usage");
            usage.put("prompt_tokens", inputTokens);
            usage.put("completion_tokens", outputTokens);
            usage.put("total_tokens", inputTokens + outputTokens);
            return new Reply(200, Map.of("Content-Type", "application/json"), Json.write(body), Duration.ZERO, false);
        }

        public static Reply error(int status, String body, Map<String, String> headers) {
            return new Reply(status, headers, body, Duration.ZERO, false);
        }

        public static Reply connectionReset() {
            return new Reply(0, Map.of(), "", Duration.ZERO, true);
        }

        public Reply after(Duration wait) {
            return new Reply(status, headers, body, wait, dropConnection);
        }
    }

    /** Starts on an ephemeral loopback port, serving up to {@code threads} requests at once. */
    public static LoopbackOpenAiServer start(Responder responder, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "loopback-openai");
                t.setDaemon(true);
                return t;
            });
            LoopbackOpenAiServer loopback = new LoopbackOpenAiServer(server, executor);
            server.createContext("/", exchange -> loopback.handle(exchange, responder));
            server.setExecutor(executor);
            server.start();
            return loopback;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /** The base URL to configure: {@code http://127.0.0.1:<port>/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** How many requests arrived so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange, Responder responder) throws IOException {
        int number = requests.incrementAndGet();
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
            Reply reply = responder.reply(new Request(number, headers, body));
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.dropConnection()) {
                // Closing without a response drops the connection: the client sees a reset.
                exchange.close();
                return;
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, List.of(v)));
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
