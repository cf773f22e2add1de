package io.chargecheck.filetransfer;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The stations the file server knows, by charge point id and by path token. */
final class Stations {

    /** Enough of the id to tell stations apart when reading a URL or a log; the random part makes it unique. */
    private static final int READABLE_PART = 24;

    private final ConcurrentMap<String, Station> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Station> byToken = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Stations(Clock clock) {
        this.clock = clock;
    }

    Station of(String chargePointId) {
        Objects.requireNonNull(chargePointId, "chargePointId");
        return byId.computeIfAbsent(chargePointId, this::register);
    }

    Optional<Station> known(String chargePointId) {
        return Optional.ofNullable(byId.get(chargePointId));
    }

    Optional<Station> byToken(String token) {
        return Optional.ofNullable(byToken.get(token));
    }

    private Station register(String chargePointId) {
        while (true) {
            Station station = new Station(chargePointId, tokenFor(chargePointId), clock);
            if (byToken.putIfAbsent(station.token(), station) == null) {
                return station;
            }
        }
    }

    /**
     * The id's letters, digits, '-' and '_' (others become '_', so "..", "/" or "%" never reach a
     * path), then 64 random bits: only the station handed the URL can know it.
     */
    private String tokenFor(String chargePointId) {
        StringBuilder readable = new StringBuilder();
        for (int i = 0; i < chargePointId.length() && readable.length() < READABLE_PART; i++) {
            char c = chargePointId.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            readable.append(plain ? c : '_');
        }
        if (readable.length() == 0) {
            readable.append("station");
        }
        byte[] secret = new byte[8];
        random.nextBytes(secret);
        return readable + "-" + HexFormat.of().formatHex(secret);
    }
}
