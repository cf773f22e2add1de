package io.chargecheck.centralsystem;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cipher suites a TLS client offers, read from its ClientHello as it arrives: the JDK's engine
 * says which suite was agreed, not which the client would have taken, and the security
 * whitepaper's cases check the latter. Reads only what is in the buffer; a hello it cannot read
 * (split over records, garbage) gives nothing, never an error.
 */
final class ClientHello {

    /** The suites the whitepaper names, and TLS 1.3's, by their IANA code; others are shown in hex. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0xC02B, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC02C, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0x009C, "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0x009D, "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC02F, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry(0xC030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry(0xC023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"),
            Map.entry(0xC024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"),
            Map.entry(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"),
            Map.entry(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"),
            Map.entry(0x1301, "TLS_AES_128_GCM_SHA256"),
            Map.entry(0x1302, "TLS_AES_256_GCM_SHA384"),
            Map.entry(0x1303, "TLS_CHACHA20_POLY1305_SHA256"),
            Map.entry(0x00FF, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV"));

    private ClientHello() {
    }

    /** The offered suites of the ClientHello at the start of {@code received} (read mode, not consumed). */
    static Optional<List<String>> offeredCipherSuites(ByteBuffer received) {
        try {
            ByteBuffer in = received.duplicate();
            if (in.remaining() < 5 || (in.get() & 0xFF) != 0x16) {
                return Optional.empty(); // not a handshake record
            }
            in.getShort(); // record version
            int recordLength = in.getShort() & 0xFFFF;
            if (in.remaining() < recordLength || (in.get() & 0xFF) != 0x01) {
                return Optional.empty(); // not all here yet, or no ClientHello
            }
            in.position(in.position() + 3 + 2 + 32); // handshake length, client version, random
            int sessionId = in.get() & 0xFF;
            in.position(in.position() + sessionId);
            int suitesLength = in.getShort() & 0xFFFF;
            List<String> suites = new ArrayList<>();
            for (int i = 0; i < suitesLength / 2; i++) {
                int code = in.getShort() & 0xFFFF;
                suites.add(NAMES.getOrDefault(code, String.format("0x%04X", code)));
            }
            return Optional.of(List.copyOf(suites));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
