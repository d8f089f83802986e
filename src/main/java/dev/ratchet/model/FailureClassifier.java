package dev.ratchet.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.ratchet.log.event.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Maps whatever a provider threw to a {@link Failure}. LangChain4j 1.x wraps HTTP errors in its own
 * exception types (via {@code ExceptionMapper}: 401/403 authentication, 404 model not found, 408
 * timeout, 429 rate limit, other 4xx invalid request, 5xx internal server) with the original as
 * cause, so the whole cause chain is searched, most specific evidence first: our own HTTP and
 * transport exceptions, then any {@link HttpException} status, then LangChain4j's types, then JDK
 * I/O exceptions.
 */
public final class FailureClassifier {

    /** Error codes providers use for an exhausted balance or quota, as opposed to a rate limit. */
    private static final Set<String> QUOTA_CODES =
            Set.of("insufficient_quota", "billing_hard_limit_reached", "quota_exceeded", "insufficient_balance");

    private final Clock clock;
    private final Redactor redactor;

    public FailureClassifier(Clock clock, Redactor redactor) {
        this.clock = clock;
        this.redactor = redactor;
    }

    public Failure classify(Throwable thrown) {
        return classify(thrown, null);
    }

    /**
     * Classifies one failed attempt from its exception chain and any body it received.
     *
     * @param successBody the body of a 2xx response received during the failed attempt, or null: when
     *     the adapter failed on a body the provider sent with a success status, the provider answered
     *     with something it should not have, which is retried like any malformed body
     */
    public Failure classify(Throwable thrown, String successBody) {
        List<Throwable> chain = chain(thrown);
        String errorClass = thrown.getClass().getSimpleName();
        for (Throwable t : chain) {
            if (t instanceof ProviderHttpException) {
                ProviderHttpException h = (ProviderHttpException) t;
                return fromStatus(h.statusCode(), h.body(), retryAfter(h), errorClass);
            }
            if (t instanceof ProviderTransportException) {
                return new Failure(((ProviderTransportException) t).kind(), null, null, errorClass, message(t));
            }
        }
        for (Throwable t : chain) {
            if (t instanceof HttpException) {
                return fromStatus(((HttpException) t).statusCode(), t.getMessage(), Duration.ZERO, errorClass);
            }
        }
        if (successBody != null) {
            String detail = "the provider answered HTTP 200 with a body its adapter cannot read ("
                    + thrown.getClass().getSimpleName() + "): " + successBody;
            return new Failure(
                    CallFailure.MALFORMED_RESPONSE, 200, null, errorClass, redactor.redactMessage(shorten(detail)));
        }
        CallFailure kind = byType(chain);
        return new Failure(kind, null, null, errorClass, message(thrown));
    }

    private Failure fromStatus(int status, String body, Duration retryAfter, String errorClass) {
        CallFailure kind;
        if (status == 429) {
            kind = quotaCode(body) ? CallFailure.QUOTA_EXHAUSTED : CallFailure.RATE_LIMITED;
        } else if (status == 402) {
            kind = CallFailure.QUOTA_EXHAUSTED;
        } else if (status == 408) {
            kind = CallFailure.TIMEOUT;
        } else if (status == 529) {
            kind = CallFailure.OVERLOADED;
        } else if (status >= 500) {
            kind = CallFailure.SERVER_ERROR;
        } else if (status == 401) {
            kind = CallFailure.UNAUTHORIZED;
        } else if (status == 403) {
            kind = CallFailure.FORBIDDEN;
        } else if (status == 404) {
            kind = CallFailure.NOT_FOUND;
        } else if (status >= 400) {
            kind = CallFailure.BAD_REQUEST;
        } else if (status >= 300) {
            kind = CallFailure.REDIRECTED;
        } else {
            kind = CallFailure.PROVIDER_ERROR;
        }
        return new Failure(kind, status, retryAfter, errorClass, redactor.redactMessage(shorten(body)));
    }

    private static CallFailure byType(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof TimeoutException
                    || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return CallFailure.TIMEOUT;
            }
            if (t instanceof RateLimitException) {
                return CallFailure.RATE_LIMITED;
            }
            if (t instanceof InternalServerException) {
                return CallFailure.SERVER_ERROR;
            }
            if (t instanceof AuthenticationException) {
                return CallFailure.UNAUTHORIZED;
            }
            if (t instanceof ModelNotFoundException) {
                return CallFailure.NOT_FOUND;
            }
            if (t instanceof InvalidRequestException) {
                return CallFailure.BAD_REQUEST;
            }
            if (t instanceof UnresolvedModelServerException || t instanceof ConnectException) {
                return CallFailure.CONNECTION_REFUSED;
            }
            if (t instanceof JsonProcessingException) {
                return CallFailure.MALFORMED_RESPONSE;
            }
            if (t instanceof IOException) {
                return CallFailure.CONNECTION_RESET;
            }
        }
        return CallFailure.PROVIDER_ERROR;
    }

    /** Retry-After in seconds or as an HTTP date, or the millisecond variant some APIs send. */
    Duration retryAfter(ProviderHttpException e) {
        String ms = e.header("retry-after-ms");
        if (ms != null) {
            try {
                return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(ms.strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = e.header("retry-after");
        if (value == null) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value.strip()) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unparseable) {
                return Duration.ZERO;
            }
        }
    }

    private static boolean quotaCode(String body) {
        if (body == null || body.isBlank()) {
            return false;
        }
        try {
            JsonNode error = Json.parse(body).path("error");
            return QUOTA_CODES.contains(error.path("code").asText())
                    || QUOTA_CODES.contains(error.path("type").asText());
        } catch (UncheckedIOException notJson) {
            return body.contains("insufficient_quota");
        }
    }

    private String message(Throwable t) {
        return redactor.redactMessage(
                shorten(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()));
    }

    private static String shorten(String text) {
        return ProviderHttpException.shorten(text, 300);
    }

    private static List<Throwable> chain(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
