package dev.ratchet.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The HTTP client every LangChain4j provider is built with. LangChain4j's JDK client drops the
 * response headers of an error (its {@code HttpException} holds only status and body), so it
 * cannot honour Retry-After; this one keeps them, classifies transport failures where they happen,
 * rejects a success body that is not JSON, and redacts the request's credentials from any error
 * body before it travels further.
 */
final class ProviderHttpClient implements HttpClient {

    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "x-api-key", "api-key");

    /**
     * The last 2xx body this thread received. An adapter that cannot map a success body throws its
     * own NullPointerException or the like, which says nothing of HTTP; this lets the retry layer see
     * that the provider did answer, with what, and call it a malformed response.
     * Calls are synchronous, so the thread that sent is the thread that asks.
     */
    private static final ThreadLocal<String> SUCCESS_BODY = new ThreadLocal<>();

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;

    private ProviderHttpClient(java.net.http.HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw new ProviderHttpException(status, response.headers().map(), redact(request, response.body()));
        }
        requireJson(response.body());
        SUCCESS_BODY.set(response.body());
        return SuccessfulHttpResponse.builder()
                .statusCode(status)
                .headers(response.headers().map())
                .body(response.body())
                .build();
    }

    /** Forgets the last success body; called before each attempt. */
    static void forgetSuccessBody() {
        SUCCESS_BODY.remove();
    }

    /** The 2xx body received on this thread since {@link #forgetSuccessBody()}, if any. */
    static String successBody() {
        return SUCCESS_BODY.get();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used by the harness");
    }

    private HttpResponse<String> send(HttpRequest request) {
        java.net.http.HttpRequest.Builder b =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        if (request.method() == HttpMethod.POST) {
            b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body()));
        } else if (request.method() == HttpMethod.DELETE) {
            b.DELETE();
        } else {
            b.GET();
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new ProviderTransportException(CallFailure.TIMEOUT, "connect timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ProviderTransportException(
                    CallFailure.TIMEOUT, "no response within " + readTimeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new ProviderTransportException(CallFailure.CONNECTION_REFUSED, "connection refused", e);
        } catch (IOException e) {
            throw new ProviderTransportException(CallFailure.CONNECTION_RESET, "connection failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the provider");
        }
    }

    /**
     * Rejects a body that is plainly not JSON (an HTML error page behind a 200). A truncated JSON body
     * passes here and fails in LangChain4j's parser, whose Jackson exception the classifier finds.
     */
    private static void requireJson(String body) {
        String head = body == null ? "" : body.stripLeading();
        if (!head.startsWith("{") && !head.startsWith("[")) {
            throw new ProviderTransportException(
                    CallFailure.MALFORMED_RESPONSE, "the response body is not JSON: " + shorten(head), null);
        }
    }

    private static String shorten(String text) {
        return ProviderHttpException.shorten(text, 80);
    }

    /** Masks the values of the request's credential headers wherever the error body echoes them. */
    private static String redact(HttpRequest request, String body) {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            if (CREDENTIAL_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                for (String v : h.getValue()) {
                    secrets.add(v);
                    if (v.regionMatches(true, 0, "Bearer ", 0, 7)) {
                        secrets.add(v.substring(7).strip());
                    }
                }
            }
        }
        return Redactor.of(secrets).redactMessage(body);
    }

    /** LangChain4j's builders set the timeouts, then call {@link #build()}. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(120);

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (timeout != null) {
                connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (timeout != null) {
                readTimeout = timeout;
            }
            return this;
        }

        @Override
        public ProviderHttpClient build() {
            // HTTP/1.1: every OpenAI-compatible server speaks it, and h2c upgrade attempts confuse some.
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(connectTimeout)
                    // A redirected POST can turn into a GET: a redirect means base_url is wrong.
                    .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                    .build();
            return new ProviderHttpClient(client, readTimeout);
        }
    }
}
