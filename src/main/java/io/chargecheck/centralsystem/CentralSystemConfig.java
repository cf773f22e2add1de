package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything the embedded central system needs to start. Defaults suit tests: loopback, an
 * ephemeral port, no security, no trace file.
 *
 * @param expectedChargePointIds the stations this run certifies; empty accepts any id
 * @param authorizationKey      the Basic auth password of profiles 1 and 2
 * @param sslContext            the server certificate (and truststore for profile 3)
 * @param maxFrameBytes         larger frames are refused with WebSocket close code 1009
 * @param heartbeatInterval     the interval given in the BootNotification answer, in seconds
 * @param maxConnections        connections open at once, WebSocket or not yet; more are refused at once
 * @param maxConnectionsPerAddress the same for one remote address (chargers behind one NAT share one)
 * @param handshakeTimeout      a connection that has not completed its WebSocket handshake by then is closed
 * @param journalMemoryBytes    about how much heap the journal's entries may take; beyond it the oldest
 *                              leave memory (they stay in the trace)
 * @param otherListeners        ports for other security profiles than {@code securityProfile}, one each
 */
public record CentralSystemConfig(
        String host,
        int port,
        String pathPrefix,
        SecurityProfile securityProfile,
        String authorizationKey,
        SSLContext sslContext,
        Set<String> expectedChargePointIds,
        Duration callTimeout,
        int maxFrameBytes,
        Path traceFile,
        int heartbeatInterval,
        RegistrationStatus registrationStatus,
        IdTagPolicy idTags,
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration handshakeTimeout,
        long journalMemoryBytes,
        List<Listener> otherListeners) {

    public CentralSystemConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(securityProfile, "securityProfile");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
        Objects.requireNonNull(idTags, "idTags");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        expectedChargePointIds = expectedChargePointIds == null ? Set.of() : Set.copyOf(expectedChargePointIds);
        if (journalMemoryBytes < 1) {
            throw new IllegalArgumentException("journalMemoryBytes must be positive");
        }
        if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("maxConnections and maxConnectionsPerAddress must be at least 1");
        }
        pathPrefix = normalisePrefix(pathPrefix);
        if (securityProfile.usesTls() && sslContext == null) {
            throw new IllegalArgumentException("security profile " + securityProfile.number() + " needs a keystore (TLS)");
        }
        otherListeners = otherListeners == null ? List.of() : List.copyOf(otherListeners);
        Set<SecurityProfile> profiles = EnumSet.of(securityProfile);
        for (Listener listener : otherListeners) {
            if (!profiles.add(listener.securityProfile())) {
                throw new IllegalArgumentException("two listeners for security profile " + listener.securityProfile().number());
            }
        }
        for (SecurityProfile profile : profiles) {
            if (profile.usesBasicAuth() && (authorizationKey == null || authorizationKey.isEmpty())) {
                throw new IllegalArgumentException("security profile " + profile.number() + " needs a Basic auth password");
            }
        }
    }

    /** The main listener, as the others are described. */
    public Listener mainListener() {
        return new Listener(securityProfile, port, sslContext);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static String normalisePrefix(String prefix) {
        String trimmed = prefix == null ? "" : prefix.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /** The builder exists because most callers change two or three of eighteen settings. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String pathPrefix = "/ocpp";
        private SecurityProfile securityProfile = SecurityProfile.NONE;
        private String authorizationKey;
        private SSLContext sslContext;
        private Set<String> expectedChargePointIds = Set.of();
        private Duration callTimeout = Duration.ofSeconds(30);
        private int maxFrameBytes = 1024 * 1024;
        private Path traceFile;
        private int heartbeatInterval = 300;
        private RegistrationStatus registrationStatus = RegistrationStatus.Accepted;
        private IdTagPolicy idTags = IdTagPolicy.accepting();
        // a bench has a few chargers; the soak's 500 stations on one address set their own
        private int maxConnections = 1024;
        private int maxConnectionsPerAddress = 256;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        // tens of thousands of frames: hours of a bench run, a minute of a soak of 500 stations
        private long journalMemoryBytes = 64L * 1024 * 1024;
        private List<Listener> otherListeners = List.of();

        private Builder() {
        }

        private Builder(CentralSystemConfig c) {
            host = c.host;
            port = c.port;
            pathPrefix = c.pathPrefix;
            securityProfile = c.securityProfile;
            authorizationKey = c.authorizationKey;
            sslContext = c.sslContext;
            expectedChargePointIds = c.expectedChargePointIds;
            callTimeout = c.callTimeout;
            maxFrameBytes = c.maxFrameBytes;
            traceFile = c.traceFile;
            heartbeatInterval = c.heartbeatInterval;
            registrationStatus = c.registrationStatus;
            idTags = c.idTags;
            maxConnections = c.maxConnections;
            maxConnectionsPerAddress = c.maxConnectionsPerAddress;
            handshakeTimeout = c.handshakeTimeout;
            journalMemoryBytes = c.journalMemoryBytes;
            otherListeners = c.otherListeners;
        }

        public Builder host(String value) { host = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder pathPrefix(String value) { pathPrefix = value; return this; }
        public Builder securityProfile(SecurityProfile value) { securityProfile = value; return this; }
        public Builder authorizationKey(String value) { authorizationKey = value; return this; }
        public Builder sslContext(SSLContext value) { sslContext = value; return this; }
        public Builder expectedChargePointIds(Set<String> value) { expectedChargePointIds = value; return this; }
        public Builder callTimeout(Duration value) { callTimeout = value; return this; }
        public Builder maxFrameBytes(int value) { maxFrameBytes = value; return this; }
        public Builder traceFile(Path value) { traceFile = value; return this; }
        public Builder heartbeatInterval(int seconds) { heartbeatInterval = seconds; return this; }
        public Builder registrationStatus(RegistrationStatus value) { registrationStatus = value; return this; }
        public Builder idTags(IdTagPolicy value) { idTags = value; return this; }
        public Builder maxConnections(int value) { maxConnections = value; return this; }
        public Builder maxConnectionsPerAddress(int value) { maxConnectionsPerAddress = value; return this; }
        public Builder handshakeTimeout(Duration value) { handshakeTimeout = value; return this; }
        public Builder journalMemoryBytes(long value) { journalMemoryBytes = value; return this; }
        public Builder otherListeners(List<Listener> value) { otherListeners = value; return this; }

        public CentralSystemConfig build() {
            return new CentralSystemConfig(host, port, pathPrefix, securityProfile, authorizationKey, sslContext,
                    expectedChargePointIds, callTimeout, maxFrameBytes, traceFile, heartbeatInterval,
                    registrationStatus, idTags, maxConnections, maxConnectionsPerAddress, handshakeTimeout,
                    journalMemoryBytes, otherListeners);
        }
    }
}
