package io.chargecheck.centralsystem;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * How a station's connection was made, as the security extension's cases check it: the security
 * profile of the port it came to, its HTTP Basic credentials, and its TLS: the version and cipher
 * suite agreed, the cipher suites its ClientHello offered, and its client certificate (profile 3).
 * Kept in memory with the session, never journalled: the password is in it.
 */
public record ConnectionDetails(SecurityProfile securityProfile, InetSocketAddress remote, String basicAuthUser,
                                String basicAuthPassword, Tls tls) {

    /** The TLS of a connection; {@code offeredCipherSuites} empty when its ClientHello could not be read. */
    public record Tls(String protocol, String cipherSuite, List<String> offeredCipherSuites,
                      List<X509Certificate> clientCertificates) {

        public Tls {
            offeredCipherSuites = List.copyOf(offeredCipherSuites);
            clientCertificates = List.copyOf(clientCertificates);
        }
    }

    public Optional<Tls> tlsDetails() {
        return Optional.ofNullable(tls);
    }

    /** The user and password of its Basic credentials, when it sent any. */
    public Optional<String> user() {
        return Optional.ofNullable(basicAuthUser);
    }

    public Optional<String> password() {
        return Optional.ofNullable(basicAuthPassword);
    }

    /** For the journal and logs: everything but the password. */
    public String describe() {
        StringBuilder text = new StringBuilder("security profile ").append(securityProfile.number());
        if (tls != null) {
            text.append(", ").append(tls.protocol()).append(' ').append(tls.cipherSuite());
            tls.clientCertificates().stream().findFirst().ifPresent(c -> text.append(", client certificate ")
                    .append(c.getSubjectX500Principal().getName()));
        }
        if (basicAuthUser != null) {
            text.append(", Basic auth as ").append(basicAuthUser);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ConnectionDetails[" + describe() + "]";
    }
}
