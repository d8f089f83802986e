package dev.ratchet.model;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A provider answered with an error status. Unlike LangChain4j's own {@link HttpException} it keeps
 * the response headers, because Retry-After decides how long to wait; the body is already redacted
 * of the request's credentials.
 */
public final class ProviderHttpException extends HttpException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 4000;

    private final transient Map<String, List<String>> headers;
    private final String body;

    public ProviderHttpException(int statusCode, Map<String, List<String>> headers, String body) {
        super(statusCode, "HTTP " + statusCode + ": " + shorten(body, 300));
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = lower;
        this.body = shorten(body, MAX_BODY);
    }

    /** Header names are lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String body() {
        return body;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }
}
