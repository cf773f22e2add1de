package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Untrusted;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The charge point id of a connection, read once from the last segment of its URL and checked
 * against what OCPP allows an identity to be.
 *
 * <p>Decoding: as a URL path segment (RFC 3986), with {@link URI}: {@code %2B} and {@code +} are
 * both a plus ({@code URLDecoder} decodes form data, where {@code +} is a space: a charger
 * configured as {@code .../CP+TLS} then failed Basic auth as "CP TLS").
 *
 * <p>What an identity may be: the OCPP 1.6 Security Whitepaper (edition 2) takes the charge point
 * identity to be an OCPP identifierString (as OCPP 2.0.1 names it): at most 48 characters from
 * {@code a-z A-Z 0-9 * - _ = : + | @ .}. On top of that, {@code ..} is refused, because ids become
 * names of files and folders of the run ({@code reports/<chargePointId>/}).
 */
record ChargePointIdentity(String id, int httpStatus, String refusal) {

    static final int MAX_LENGTH = 48;
    private static final String ALLOWED_PUNCTUATION = "*-_=:+|@.";

    static ChargePointIdentity valid(String id) {
        return new ChargePointIdentity(id, 0, null);
    }

    private static ChargePointIdentity refused(int status, String why) {
        return new ChargePointIdentity(null, status, why);
    }

    boolean isValid() {
        return refusal == null;
    }

    /**
     * The id in a request path such as {@code /ocpp/CP-1?x=1}, or why there is none: 404 for a path
     * that is not {@code <prefix>/<id>}, 400 for an id that cannot be decoded or is not an identity.
     */
    static ChargePointIdentity fromPath(String path, String prefix) {
        if (path == null) {
            return refused(404, "the request has no path");
        }
        String withoutQuery = path.split("\\?", 2)[0];
        String start = prefix + "/";
        if (!withoutQuery.startsWith(start) || withoutQuery.indexOf('/', start.length()) >= 0
                || withoutQuery.length() == start.length()) {
            return refused(404, "the path '" + Untrusted.shown(withoutQuery, Untrusted.EXCERPT) + "' is not "
                    + prefix + "/{chargePointId}");
        }
        String raw = withoutQuery.substring(start.length());
        String id;
        try {
            // '|' is allowed in an identity but not raw in a URI; some chargers send it unescaped
            id = new URI("/" + raw.replace("|", "%7C")).getPath().substring(1);
        } catch (URISyntaxException e) {
            return refused(400, "its charge point id '" + Untrusted.shown(raw) + "' is not a valid URL path segment ("
                    + Untrusted.shown(e.getReason()) + ")");
        }
        String problem = identityProblem(id);
        return problem == null ? valid(id) : refused(400, "its charge point id '" + Untrusted.shown(id) + "' " + problem);
    }

    /** Why a decoded id is no OCPP identity, or null when it is one. */
    static String identityProblem(String id) {
        if (id.indexOf('\uFFFD') >= 0) {
            return "is not valid UTF-8 once percent-decoded";
        }
        int length = id.codePointCount(0, id.length());
        if (length > MAX_LENGTH) {
            return "has " + length + " characters; an OCPP identity has at most " + MAX_LENGTH;
        }
        if (id.contains("..")) {
            return "contains '..'";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || ALLOWED_PUNCTUATION.indexOf(c) >= 0;
            if (!allowed) {
                return "contains " + describe(c) + "; an OCPP identity is made of a-z A-Z 0-9 and "
                        + ALLOWED_PUNCTUATION.chars().mapToObj(ch -> String.valueOf((char) ch)).reduce((a, b) -> a + " " + b).orElse("");
            }
        }
        return null;
    }

    private static String describe(char c) {
        if (c == '/') {
            return "'/'";
        }
        if (c == 0) {
            return "NUL";
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("the control character U+%04X", (int) c);
        }
        return String.format("'%s' (U+%04X)", Untrusted.shown(String.valueOf(c)), (int) c);
    }
}
