package io.chargecheck.centralsystem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One flat JSON object on a line of its own (RFC 8259), built in a buffer that is used again for
 * the next line: the trace writer's line. A Jackson generator per line was most of the trace
 * thread's time under load (its setup, and its general escaping of six short fields and a frame);
 * this knows its fields are a number, strings and the frame's UTF-8 bytes, and escapes only what
 * JSON requires: the quote, the backslash and control characters. Everything else goes as UTF-8.
 */
final class JsonLine {

    /** The ASCII characters JSON wants escaped in a string. */
    private static final boolean[] ESCAPED = new boolean[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED[c] = true;
        }
        ESCAPED['"'] = true;
        ESCAPED['\\'] = true;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] bytes = new byte[1024];
    private int size;
    private boolean first;

    JsonLine begin() {
        size = 0;
        first = true;
        put('{');
        return this;
    }

    JsonLine number(String name, long value) {
        name(name);
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            put(digits.charAt(i));
        }
        return this;
    }

    /** A string field; a null value leaves the field out. */
    JsonLine string(String name, String value) {
        if (value == null) {
            return this;
        }
        name(name);
        int length = value.length();
        room(6 * length + 2); // the most any char can take, escaped: no check per char below
        byte[] out = bytes;
        int at = size;
        out[at++] = '"';
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80 && !ESCAPED[c]) {
                out[at++] = (byte) c;
            } else if (c < 0x80) {
                size = at;
                ascii(c);
                at = size;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                size = at;
                unicodeEscape(c); // a lone surrogate has no UTF-8; JSON can still say it
                at = size;
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out[at++] = '"';
        size = at;
        return this;
    }

    JsonLine nullValue(String name) {
        name(name);
        put('n');
        put('u');
        put('l');
        put('l');
        return this;
    }

    /** A string field from UTF-8 bytes, copied as they are but for what JSON requires escaped. */
    JsonLine utf8(String name, byte[] source, int offset, int length) {
        name(name);
        put('"');
        int run = offset;
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = source[i];
            if (b >= 0 && ESCAPED[b]) {
                copy(source, run, i - run);
                ascii((char) b);
                run = i + 1;
            }
        }
        copy(source, run, offset + length - run);
        put('"');
        return this;
    }

    JsonLine end() {
        put('}');
        put('\n');
        return this;
    }

    int size() {
        return size;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    private void name(String name) {
        if (!first) {
            put(',');
        }
        first = false;
        put('"');
        for (int i = 0; i < name.length(); i++) {
            put(name.charAt(i));
        }
        put('"');
        put(':');
    }

    private void ascii(char c) {
        switch (c) {
            case '"' -> escape('"');
            case '\\' -> escape('\\');
            case '\n' -> escape('n');
            case '\r' -> escape('r');
            case '\t' -> escape('t');
            case '\b' -> escape('b');
            case '\f' -> escape('f');
            default -> {
                if (c < 0x20) {
                    unicodeEscape(c);
                } else {
                    put(c);
                }
            }
        }
    }

    private void escape(char c) {
        put('\\');
        put(c);
    }

    private void unicodeEscape(char c) {
        room(6);
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        bytes[size++] = HEX[c >> 12 & 0xF];
        bytes[size++] = HEX[c >> 8 & 0xF];
        bytes[size++] = HEX[c >> 4 & 0xF];
        bytes[size++] = HEX[c & 0xF];
    }

    private void put(char asciiChar) {
        room(1);
        bytes[size++] = (byte) asciiChar;
    }

    private void copy(byte[] source, int from, int length) {
        room(length);
        System.arraycopy(source, from, bytes, size, length);
        size += length;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
