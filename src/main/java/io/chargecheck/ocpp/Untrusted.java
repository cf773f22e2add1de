package io.chargecheck.ocpp;

/**
 * Text that came from a charger (its id, an action name, a frame, a field of a message), made safe
 * to show on a terminal or in a log line. A charger can send anything: ESC sequences that clear
 * the operator's screen, CR and LF that forge console lines, bidirectional overrides that reorder
 * what is shown, a 100 KB id. Every control character is shown as its Java escape
 * ({@code \u001b}), and the text is cut to a length a line can hold, saying how long it was.
 */
public final class Untrusted {

    /** Enough for an id, an action, a status; a frame excerpt gets more. */
    public static final int SHORT = 80;
    public static final int EXCERPT = 200;

    private Untrusted() {
    }

    /** The text escaped and cut to {@link #SHORT} characters; "null" for null. */
    public static String shown(String text) {
        return shown(text, SHORT);
    }

    /** The text escaped and cut to about {@code maxChars} characters of output. */
    public static String shown(String text, int maxChars) {
        if (text == null) {
            return "null";
        }
        if (text.length() <= maxChars && isPlain(text)) {
            return text; // the common case costs one scan and no copy
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 24);
        int i = 0;
        while (i < text.length() && out.length() < maxChars) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (needsEscape(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
            i++;
        }
        if (i < text.length()) {
            out.append("… (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (needsEscape(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return true;
    }

    /**
     * C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional embeddings,
     * overrides and isolates, and surrogates that are not part of a pair.
     */
    private static boolean needsEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || Character.isSurrogate(c);
    }
}
