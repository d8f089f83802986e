package dev.ratchet.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Masks secrets. Every text the model layer writes to a record, an exception message or the
 * terminal passes through here, so a provider that echoes the request's headers (some 401 bodies
 * do) cannot leak the key.
 */
public final class Redactor {

    public static final String MASK = "[REDACTED]";

    /** Credentials in the shapes HTTP errors echo them, whatever their value. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(bearer\\s+|(?:x-api-key|api-key|authorization)[\"']?\\s*[:=]\\s*[\"']?(?:bearer\\s+)?)"
                    + "[A-Za-z0-9._~+/=-]{8,}");

    /**
     * A bare OpenAI- or Anthropic-style key, as an error body may echo one that is not this model's
     * (a proxy's, another account's): an excerpt of a body must not carry it either.
     */
    private static final Pattern KEY_SHAPE = Pattern.compile("\\bsk-[A-Za-z0-9_-]{16,}");

    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /**
     * Secrets shorter than 6 characters are ignored: masking them would mangle ordinary text. Each
     * secret is masked in its percent-encoded and base64 forms too ({@link SecretForms}).
     */
    public static Redactor of(Collection<String> secrets) {
        List<String> kept = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.strip().length() < 6) {
                continue;
            }
            for (String form : SecretForms.of(s)) {
                if (!kept.contains(form)) {
                    kept.add(form);
                }
            }
        }
        // Longest first, so a secret that contains another is masked whole.
        kept.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Redactor(List.copyOf(kept));
    }

    public static Redactor none() {
        return NONE;
    }

    /** Masks the known secrets only: for model output, which may legitimately talk about tokens. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** Masks the known secrets and anything shaped like a credential: for error messages. */
    public String redactMessage(String text) {
        String out = redact(text);
        if (out == null) {
            return null;
        }
        String masked = CREDENTIAL.matcher(out).replaceAll("$1" + MASK);
        return KEY_SHAPE.matcher(masked).replaceAll(MASK);
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    public boolean containsSecret(String text) {
        if (text == null) {
            return false;
        }
        for (String s : secrets) {
            if (text.contains(s)) {
                return true;
            }
        }
        return false;
    }

    public Redactor with(Redactor other) {
        List<String> all = new ArrayList<>(secrets);
        all.addAll(other.secrets);
        return of(all);
    }

    @Override
    public String toString() {
        return "Redactor[" + secrets.size() + " secrets]";
    }
}
