package dev.ratchet.report;

/** Escaping for text from the log, which may hold anything a model or a user wrote. */
public final class Html {

    private Html() {}

    /** Text safe inside an element or a quoted attribute. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * JSON safe inside a {@code <script>} element: no character sequence in it can close the element
     * or open a comment, because every {@code <}, {@code >} and {@code &} becomes a JSON escape, and
     * the line separators that older parsers reject are escaped too.
     */
    public static String scriptJson(String json) {
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("\u2028", "\\u2028")
                .replace("\u2029", "\\u2029");
    }
}
