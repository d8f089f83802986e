package dev.ratchet.env.base;

import static dev.ratchet.env.base.BaseEnvironment.Op.of;
import static dev.ratchet.env.base.Draw.phrase;
import static dev.ratchet.env.base.Typed.BOOLEAN;
import static dev.ratchet.env.base.Typed.INTEGER;
import static dev.ratchet.env.base.Typed.STRING;
import static dev.ratchet.env.base.Typed.STRING_LIST;

import dev.ratchet.env.Composable;
import dev.ratchet.env.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Strings and text: longer phrases, mixed case and wider shifts as difficulty grows. */
final class Strings {

    private static final String DOMAIN = "strings";

    private Strings() {}

    static List<Composable> environments() {
        return List.of(
                reverse(), vowelCount(), caesar(), palindrome(), sortedWords(), runLength(), join(), capitalize());
    }

    private static <I, O> BaseEnvironment.Builder<I, O> env(String name, Typed<I> in, Typed<O> out) {
        return BaseEnvironment.builder("strings." + name, DOMAIN, in, out);
    }

    private static Composable reverse() {
        return env("reverse", STRING, STRING)
                .description("Reverse a text")
                .input((rng, d) -> phrase(rng, d, d))
                .task((x, rng, d) -> of(
                        ref -> "Reverse the order of the characters in " + ref + ".",
                        v -> new StringBuilder(v).reverse().toString()));
    }

    private static Composable vowelCount() {
        return env("vowel-count", STRING, INTEGER)
                .description("Count the vowels in a text")
                .input((rng, d) -> phrase(rng, d + 1, d))
                .task((x, rng, d) -> of(
                        ref -> "How many vowels (a, e, i, o, u, in either case) does " + ref + " contain?",
                        v -> v.toLowerCase(Locale.ROOT)
                                .chars()
                                .filter(c -> "aeiou".indexOf(c) >= 0)
                                .count()));
    }

    private static Composable caesar() {
        return env("caesar", STRING, STRING)
                .description("Apply a Caesar shift")
                .input((rng, d) -> phrase(rng, d, d))
                .task((x, rng, d) -> {
                    int k = d == 1 ? rng.between(1, 3) : rng.between(1, 25);
                    return of(
                            ref -> "Apply a Caesar shift of " + k + " to " + ref + ": move every letter " + k
                                    + " places forward in the alphabet (z wraps around to a) and keep its case; leave"
                                    + " all other characters as they are.",
                            v -> shift(v, k));
                });
    }

    private static String shift(String text, int k) {
        StringBuilder shifted = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                shifted.append((char) ('a' + (c - 'a' + k) % 26));
            } else if (c >= 'A' && c <= 'Z') {
                shifted.append((char) ('A' + (c - 'A' + k) % 26));
            } else {
                shifted.append(c);
            }
        }
        return shifted.toString();
    }

    private static Composable palindrome() {
        return env("palindrome", STRING, BOOLEAN)
                .description("Decide whether a text is a palindrome, ignoring case and spacing")
                .input(Strings::palindromeCandidate)
                .task((x, rng, d) -> of(
                        ref -> "Ignoring letter case, spaces and punctuation, does " + ref
                                + " read the same forwards and backwards?",
                        v -> {
                            String letters = v.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                            return letters.equals(
                                    new StringBuilder(letters).reverse().toString());
                        }));
    }

    /** Half palindromes; the others differ in one letter. Spaces and capitals from difficulty 3. */
    private static String palindromeCandidate(Rng rng, int d) {
        int half = 1 + d;
        StringBuilder left = new StringBuilder();
        for (int i = 0; i < half; i++) {
            left.append((char) ('a' + rng.nextInt(d <= 2 ? 6 : 26)));
        }
        String middle = rng.nextBoolean() ? String.valueOf((char) ('a' + rng.nextInt(26))) : "";
        char[] text = (left + middle + new StringBuilder(left).reverse()).toCharArray();
        if (rng.nextBoolean()) {
            int at = rng.nextInt(half);
            text[at] = text[at] == 'z' ? 'a' : (char) (text[at] + 1);
        }
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < text.length; i++) {
            boolean upper = d >= 3 && rng.chance(25);
            shown.append(upper ? Character.toUpperCase(text[i]) : text[i]);
            if (d >= 3 && i > 0 && i < text.length - 1 && rng.chance(20)) {
                shown.append(' ');
            }
        }
        return shown.toString();
    }

    private static Composable sortedWords() {
        return env("sorted-words", STRING, STRING_LIST)
                .description("The words of a text in alphabetical order")
                .input((rng, d) -> phrase(rng, d + 2, d))
                .task((x, rng, d) -> of(
                        ref -> "Split " + ref + " into words at the spaces, write every word in lowercase, and list"
                                + " the words in alphabetical order (keep repeated words).",
                        v -> Arrays.stream(v.toLowerCase(Locale.ROOT).split(" +"))
                                .filter(w -> !w.isEmpty())
                                .sorted()
                                .toList()));
    }

    private static Composable runLength() {
        return env("run-length", STRING, STRING)
                .description("Run-length encode a text")
                .input((rng, d) -> {
                    StringBuilder text = new StringBuilder();
                    char last = 0;
                    for (int run = 0; run < 3 + d; run++) {
                        char c;
                        do {
                            c = (char) ('a' + rng.nextInt(2 + d));
                        } while (c == last);
                        text.append(String.valueOf(c).repeat(rng.between(1, 1 + d)));
                        last = c;
                    }
                    return text.toString();
                })
                .task((x, rng, d) -> of(
                        ref -> "Run-length encode " + ref + ": write each run of one repeated character as the"
                                + " character followed by the length of the run (for example aaab becomes a3b1).",
                        Strings::encode));
    }

    private static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && text.charAt(j) == text.charAt(i)) {
                j++;
            }
            encoded.append(text.charAt(i)).append(j - i);
            i = j;
        }
        return encoded.toString();
    }

    private static Composable join() {
        return env("join", STRING_LIST, STRING)
                .description("Join a list of words with a separator")
                .input((rng, d) -> Draw.words(rng, d + 1))
                .task((x, rng, d) -> {
                    String separator = rng.pick(List.of("-", "+", "/", "_"));
                    return of(
                            ref -> "Join the items of " + ref + " into one text, in order, separated by \"" + separator
                                    + "\" with no spaces.",
                            v -> String.join(separator, v));
                });
    }

    private static Composable capitalize() {
        return env("capitalize", STRING, STRING)
                .description("Capitalise every word of a text")
                .input((rng, d) -> {
                    String text = phrase(rng, d + 1, 1);
                    return d >= 3 ? mixCase(text, rng) : text;
                })
                .task((x, rng, d) -> of(
                        ref -> "Rewrite " + ref + " so that the first letter of every word is uppercase and every"
                                + " other letter is lowercase (words are separated by spaces).",
                        Strings::capitalized));
    }

    private static String mixCase(String text, Rng rng) {
        StringBuilder mixed = new StringBuilder();
        for (char c : text.toCharArray()) {
            mixed.append(rng.chance(30) ? Character.toUpperCase(c) : c);
        }
        return mixed.toString();
    }

    private static String capitalized(String text) {
        StringBuilder result = new StringBuilder();
        boolean start = true;
        for (char c : text.toCharArray()) {
            result.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ';
        }
        return result.toString();
    }
}
