package dev.ratchet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whatever shape a provider's failure arrives in, it maps to the same kind. */
class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier(FakeClock.at2026(), Redactor.none());

    private CallFailure kind(Throwable t) {
        return classifier.classify(t).kind();
    }

    @Test
    void langChain4jTypesWithoutAStatus() {
        assertEquals(CallFailure.RATE_LIMITED, kind(new RateLimitException("slow down")));
        assertEquals(CallFailure.TIMEOUT, kind(new TimeoutException("late")));
        assertEquals(CallFailure.SERVER_ERROR, kind(new InternalServerException("boom")));
        assertEquals(CallFailure.UNAUTHORIZED, kind(new AuthenticationException("who")));
        assertEquals(CallFailure.NOT_FOUND, kind(new ModelNotFoundException("no model")));
        assertEquals(CallFailure.BAD_REQUEST, kind(new InvalidRequestException("bad")));
        assertEquals(CallFailure.PROVIDER_ERROR, kind(new IllegalStateException("unexpected")));
    }

    @Test
    void statusesInsideLangChain4jWrappers() {
        assertEquals(CallFailure.OVERLOADED, kind(new InternalServerException(new HttpException(529, "overloaded"))));
        assertEquals(CallFailure.SERVER_ERROR, kind(new InternalServerException(new HttpException(502, "gateway"))));
        assertEquals(CallFailure.FORBIDDEN, kind(new AuthenticationException(new HttpException(403, "no"))));
        assertEquals(CallFailure.TIMEOUT, kind(new TimeoutException(new HttpException(408, "late"))));
        assertEquals(CallFailure.QUOTA_EXHAUSTED, kind(new HttpException(402, "pay")));
        assertEquals(
                CallFailure.QUOTA_EXHAUSTED,
                kind(new RateLimitException(new HttpException(429, "{\"error\":{\"code\":\"insufficient_quota\"}}"))));
        assertEquals(CallFailure.RATE_LIMITED, kind(new RateLimitException(new HttpException(429, "{}"))));
        assertEquals(CallFailure.BAD_REQUEST, kind(new InvalidRequestException(new HttpException(422, "?"))));
        assertEquals(CallFailure.REDIRECTED, kind(new LangChain4jException(new HttpException(301, "moved"))));
    }

    @Test
    void transportFailuresAnywhereInTheChain() {
        assertEquals(CallFailure.TIMEOUT, kind(new LangChain4jException(new HttpTimeoutException("read"))));
        assertEquals(CallFailure.CONNECTION_REFUSED, kind(new RuntimeException(new ConnectException("refused"))));
        assertEquals(CallFailure.CONNECTION_RESET, kind(new RuntimeException(new IOException("Connection reset"))));
        assertEquals(
                CallFailure.MALFORMED_RESPONSE,
                kind(new RuntimeException(new JsonParseException(null, "Unexpected end-of-input"))));
    }

    @Test
    void retryAfterInAllItsForms() {
        assertEquals(Duration.ofSeconds(12), retryAfter(Map.of("Retry-After", List.of("12"))));
        assertEquals(Duration.ofMillis(1500), retryAfter(Map.of("Retry-After", List.of("1.5"))));
        assertEquals(
                Duration.ofMillis(250),
                retryAfter(Map.of("retry-after-ms", List.of("250"), "Retry-After", List.of("1"))));
        assertEquals(
                Duration.ofSeconds(90), retryAfter(Map.of("Retry-After", List.of("Thu, 01 Jan 2026 00:01:30 GMT"))));
        assertEquals(Duration.ZERO, retryAfter(Map.of("Retry-After", List.of("Wed, 31 Dec 2025 23:00:00 GMT"))));
        assertEquals(Duration.ZERO, retryAfter(Map.of("Retry-After", List.of("soon"))));
        assertEquals(Duration.ZERO, retryAfter(Map.of()));
    }

    private Duration retryAfter(Map<String, List<String>> headers) {
        return classifier
                .classify(new RateLimitException(new ProviderHttpException(429, headers, "{}")))
                .retryAfter();
    }
}
