package io.chargecheck.filetransfer;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** File names and paths as the servers hand them out and read them back. */
final class FileNames {

    static final String FIRMWARE = "firmware";
    static final String DIAGNOSTICS = "diagnostics";

    private static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /** A name that is one path segment and nothing else: not empty, no separators, no controls, not "." or "..". */
    static boolean isPlain(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH || name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static String requirePlain(String name) {
        if (!isPlain(name)) {
            throw new IllegalArgumentException("a plain file name is needed, got '" + name + "'");
        }
        return name;
    }

    /** The name as one URL path segment. */
    static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A percent-encoded path segment decoded; empty when it is not valid percent-encoding. */
    static Optional<String> decode(String rawSegment) {
        try {
            return Optional.of(URLDecoder.decode(rawSegment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The segments of a path with "." and ".." resolved, as a server resolves them. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    /** "host" or "[v6::address]", as it goes into a URL. */
    static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
