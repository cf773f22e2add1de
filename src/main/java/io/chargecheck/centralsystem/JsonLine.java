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
        put('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else if (c < 0x800) {
                room(2);
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                room(4);
                bytes[size++] = (byte) (0xF0 | code >> 18);
                bytes[size++] = (byte) (0x80 | code >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | code >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                unicodeEscape(c); // a lone surrogate has no UTF-8; JSON can still say it
            } else {
                room(3);
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        put('"');
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
        room(length);
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = source[i];
            if (b < 0x20 && b >= 0 || b == '"' || b == '\\') {
                ascii((char) b);
            } else {
                room(1);
                bytes[size++] = b;
            }
        }
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

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
