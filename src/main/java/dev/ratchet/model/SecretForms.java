package dev.ratchet.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The shapes a secret takes when a provider echoes it encoded: percent-encoded (as in a query or a
 * form body) and base64 (as in a Basic credential or an encoded blob). Base64 of a text that holds
 * the secret depends on where the secret starts modulo 3, so each of the three alignments gives one
 * form: the characters that encode the secret's bytes alone.
 */
public final class SecretForms {

    private SecretForms() {}

    /** The secret and its encoded forms, distinct, each at least 6 characters long. */
    public static List<String> of(String secret) {
        List<String> forms = new ArrayList<>();
        add(forms, secret);
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        add(forms, url);
        add(forms, url.replace("+", "%20"));
        add(forms, lowerPercent(url));
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            String standard = Base64.getEncoder().withoutPadding().encodeToString(shifted);
            // Characters wholly within the secret's bits: from ceil(8 * offset / 6) up to floor(8 * end / 6).
            int from = (8 * offset + 5) / 6;
            int to = 8 * (offset + bytes.length) / 6;
            if (to - from >= 6) {
                String core = standard.substring(from, to);
                add(forms, core);
                add(forms, core.replace('+', '-').replace('/', '_'));
            }
        }
        return List.copyOf(forms);
    }

    private static String lowerPercent(String url) {
        StringBuilder out = new StringBuilder(url);
        for (int i = url.indexOf('%'); i >= 0 && i + 2 < url.length(); i = url.indexOf('%', i + 1)) {
            out.replace(i + 1, i + 3, url.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static void add(List<String> forms, String form) {
        if (form.strip().length() >= 6 && !forms.contains(form)) {
            forms.add(form);
        }
    }
}
