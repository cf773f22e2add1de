package io.chargecheck.filetransfer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The file in a {@code multipart/form-data} body (RFC 7578), the way chargers post diagnostics: the
 * first part whose Content-Disposition names a file. Lenient where real chargers are sloppy: a bare
 * LF for CRLF, and delimiter lines that are the boundary itself instead of "--" + boundary (seen in
 * OpenEVSE's firmware, which puts the dashes into the boundary parameter and none in front).
 */
final class Multipart {

    /** The file a part carried, with the name its Content-Disposition gave. */
    record FilePart(String fileName, byte[] content) {
    }

    private Multipart() {
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The body's file part; an IllegalArgumentException saying what is wrong when it has none. */
    static FilePart file(byte[] body, String contentType) {
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new IllegalArgumentException("the multipart Content-Type has no boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = lineStartingWith(body, delimiter, 0);
        if (at < 0) {
            delimiter = boundary.getBytes(StandardCharsets.ISO_8859_1);
            at = lineStartingWith(body, delimiter, 0);
        }
        if (at < 0) {
            throw new IllegalArgumentException("the body has no part delimited by its boundary");
        }
        while (true) {
            int pos = at + delimiter.length;
            if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
                throw new IllegalArgumentException("no part of the body names a file (Content-Disposition filename)");
            }
            int headersStart = nextLine(body, pos);
            int headersEnd = blankLine(body, headersStart);
            if (headersStart < 0 || headersEnd < 0) {
                throw new IllegalArgumentException("a part of the body has no end to its headers");
            }
            int contentStart = nextLine(body, headersEnd);
            int next = lineStartingWith(body, delimiter, contentStart);
            if (next < 0) {
                throw new IllegalArgumentException("the last part of the body is not closed by its boundary");
            }
            int contentEnd = next - 1; // the LF before the delimiter
            if (contentEnd > contentStart && body[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            Optional<String> fileName = fileName(new String(body, headersStart, headersEnd - headersStart,
                    StandardCharsets.UTF_8));
            if (fileName.isPresent()) {
                return new FilePart(fileName.get(), Arrays.copyOfRange(body, contentStart, Math.max(contentStart, contentEnd)));
            }
            at = next;
        }
    }

    /** The file name of a Content-Disposition header line among {@code headers}, without any path a client put in front. */
    private static Optional<String> fileName(String headers) {
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Disposition")) {
                Map<String, String> parameters = parameters(line.substring(colon + 1));
                String name = parameters.containsKey("filename*") ? extended(parameters.get("filename*"))
                        : parameters.get("filename");
                if (name != null && !name.isBlank()) {
                    return Optional.of(name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1));
                }
            }
        }
        return Optional.empty();
    }

    /** RFC 5987: {@code UTF-8''diagnostics%20log.txt}. */
    private static String extended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote < 0 ? value : value.substring(quote + 2);
        return FileNames.decode(encoded).orElse(null);
    }

    /** The {@code key=value} parameters after a header value's first ';', keys in lower case, quotes removed. */
    static Map<String, String> parameters(String headerValue) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (headerValue == null) {
            return parameters;
        }
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            i++;
            int equals = headerValue.indexOf('=', i);
            int semicolon = headerValue.indexOf(';', i);
            if (equals < 0 || (semicolon >= 0 && semicolon < equals)) {
                i = semicolon;
                continue;
            }
            String key = headerValue.substring(i, equals).strip().toLowerCase(Locale.ROOT);
            int j = equals + 1;
            while (j < headerValue.length() && headerValue.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < headerValue.length() && headerValue.charAt(j) == '"') {
                j++;
                while (j < headerValue.length() && headerValue.charAt(j) != '"') {
                    char c = headerValue.charAt(j);
                    if (c == '\\' && j + 1 < headerValue.length()) {
                        c = headerValue.charAt(++j);
                    }
                    value.append(c);
                    j++;
                }
                i = headerValue.indexOf(';', j);
            } else {
                int end = headerValue.indexOf(';', j);
                value.append(headerValue, j, end < 0 ? headerValue.length() : end);
                i = end;
            }
            parameters.put(key, value.toString().strip());
        }
        return parameters;
    }

    /** The first index at or after {@code from} where a line begins with {@code prefix}; -1 if none. */
    private static int lineStartingWith(byte[] body, byte[] prefix, int from) {
        for (int i = from; i >= 0 && i <= body.length - prefix.length; i = nextLine(body, i)) {
            if ((i == 0 || body[i - 1] == '\n') && startsWith(body, prefix, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] body, byte[] prefix, int at) {
        for (int k = 0; k < prefix.length; k++) {
            if (body[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The index just after the next LF at or after {@code from}; -1 if there is none. */
    private static int nextLine(byte[] body, int from) {
        if (from < 0) {
            return -1;
        }
        for (int i = from; i < body.length; i++) {
            if (body[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index of the empty line that ends a part's headers (its start); -1 if none. */
    private static int blankLine(byte[] body, int from) {
        for (int i = from; i >= 0 && i < body.length; i = nextLine(body, i)) {
            if (body[i] == '\n' || (body[i] == '\r' && i + 1 < body.length && body[i + 1] == '\n')) {
                return i;
            }
        }
        return -1;
    }
}
