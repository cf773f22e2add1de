package io.chargecheck.centralsystem;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A further port the central system listens on, for another security profile than its main one:
 * a station told to raise its profile (TC_083_CS) reconnects there. Every listener shares the
 * central system's journal, sessions and answers; a station has one session whichever it uses.
 *
 * @param port       0 for any free port
 * @param sslContext the server certificate for profiles 2 and 3 (and the client CAs for 3); null for 0 and 1
 */
public record Listener(SecurityProfile securityProfile, int port, SSLContext sslContext) {

    public Listener {
        Objects.requireNonNull(securityProfile, "securityProfile");
        if (securityProfile.usesTls() && sslContext == null) {
            throw new IllegalArgumentException("a listener for security profile " + securityProfile.number() + " needs TLS");
        }
    }
}
