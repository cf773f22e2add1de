package io.chargecheck.filetransfer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;

/**
 * Says a thing at info the first time it happens and at debug after that, so a station (or a
 * scanner) repeating a refused request cannot flood the console. The kinds remembered are bounded.
 */
final class OnceLog {

    private static final int KINDS = 256;

    private final Logger log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    OnceLog(Logger log) {
        this.log = log;
    }

    /** {@code kind} says what counts as the same thing again; {@code message} is the whole line, already escaped. */
    void info(String kind, String message) {
        if (seen.size() < KINDS && seen.add(kind)) {
            log.info("{} (again: at debug)", message);
        } else {
            log.debug(message);
        }
    }
}
