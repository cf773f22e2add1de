package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Security.ExtendedMessageTrigger;
import io.chargecheck.ocpp.message.Security.ExtendedTriggerMessageRequest;
import io.chargecheck.ocpp.message.Security.ExtendedTriggerMessageResponse;
import io.chargecheck.ocpp.message.Security.GetLogRequest;
import io.chargecheck.ocpp.message.Security.GetLogResponse;
import io.chargecheck.ocpp.message.Security.LogStatus;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.LogType;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.UploadLogStatus;
import io.chargecheck.security.TlsContexts;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * The OCPP 1.6 security extension's connection side: the security profile and the Basic auth
 * password the station connects with (the SecurityProfile and AuthorizationKey keys, reconnecting
 * when they change), its security events and security log (GetLog), and ExtendedTriggerMessage.
 * Its certificates are {@link CertificateStore}'s, its signed firmware {@link SignedFirmware}'s.
 */
final class Security {

    static final String SECURITY_PROFILE = "SecurityProfile";
    static final String AUTHORIZATION_KEY = "AuthorizationKey";
    static final String CPO_NAME = "CpoName";
    static final String CERTIFICATE_STORE_MAX_LENGTH = "CertificateStoreMaxLength";
    static final String CERTIFICATE_SIGNED_MAX_CHAIN_SIZE = "CertificateSignedMaxChainSize";
    static final String ADDITIONAL_ROOT_CERTIFICATE_CHECK = "AdditionalRootCertificateCheck";
    /**
     * The whitepaper's keys, in its order. AuthorizationKey is write-only: left out of the whole
     * configuration (nothing could set it to "its own value"), and named without a value when asked for.
     */
    private static final List<String> KEYS = List.of(ADDITIONAL_ROOT_CERTIFICATE_CHECK, AUTHORIZATION_KEY,
            CERTIFICATE_SIGNED_MAX_CHAIN_SIZE, CERTIFICATE_STORE_MAX_LENGTH, CPO_NAME, SECURITY_PROFILE);
    static final int STORE_MAX_LENGTH = 10;
    static final int MAX_CHAIN_SIZE = 10_000;
    /** The whitepaper's AuthorizationKey: 16 to 20 bytes, written as hexadecimal. */
    private static final int KEY_MIN_BYTES = 16;
    private static final int KEY_MAX_BYTES = 20;
    /** Security events the station notifies (the rest only go into its security log): those the whitepaper's cases expect. */
    private static final Set<String> NOTIFIED = Set.of("InvalidCentralSystemCertificate", "InvalidChargePointCertificate",
            "InvalidFirmwareSignature", "InvalidFirmwareSigningCertificate", "FirmwareUpdated");
    /** How long the answer to a change gets to leave before the connection closes (see {@link Boot}'s reset). */
    private static final Duration ANSWER_LEAVES = Duration.ofMillis(50);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The suites a station with {@link Quirk#TLS_WITHOUT_REQUIRED_CIPHER_SUITES} offers: TLS 1.2 with AES-CBC only. */
    private static final String[] CBC_ONLY = {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"};

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final FileTransfers transfers;

    private int profile;
    private String password;
    private String cpoName;
    private boolean poweredBefore;
    private UploadLogStatus logStatus = UploadLogStatus.Idle;
    private Integer logRequestId;
    /** The security log: every security event, notified or not. */
    private final List<String> securityLog = new ArrayList<>();

    Security(Station station, FileTransfers transfers) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.transfers = transfers;
        this.profile = config.security().profile();
        this.password = config.password();
        this.cpoName = config.security().cpoName();
    }

    void register(RemoteCommands commands) {
        commands.on(ExtendedTriggerMessageRequest.class, this::extendedTrigger);
        commands.on(GetLogRequest.class, this::getLog);
    }

    int profile() {
        return profile;
    }

    String cpoName() {
        return cpoName;
    }

    /** At every power-on: the start goes into the security log, and a quirk may forget the password. */
    void poweredOn() {
        if (poweredBefore && password != null && station.has(Quirk.PASSWORD_LOST_ON_REBOOT)) {
            log.info("the Basic auth password is gone after the reboot (quirk password-lost-on-reboot)");
            password = null;
        }
        poweredBefore = true;
        event("StartupOfTheDevice", "security profile " + profile);
    }

    // ------------------------------------------------------------------ how it connects

    /** Where it connects now: the central system's URL for its profile, and its id. */
    URI endpoint() {
        URI base = config.security().centralSystemUrls().getOrDefault(profile, config.centralSystemUrl());
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + config.chargePointId());
    }

    /** The Basic auth password it sends: on profiles 1 and 2 (and 0, as a station given one does), never on 3. */
    String basicAuthPassword() {
        return profile == 3 ? null : password;
    }

    /**
     * Its TLS for a wss:// endpoint: trusting its installed CentralSystemRootCertificates (or, with
     * none, the configuration's context), presenting its client certificate on profile 3.
     */
    SSLContext tlsContext() {
        if (!"wss".equalsIgnoreCase(endpoint().getScheme())) {
            return null;
        }
        var roots = station.certificates.centralSystemRoots();
        if (roots.isEmpty()) {
            return config.sslContext();
        }
        var own = profile == 3 ? station.certificates.clientCertificate() : null;
        if (tls == null || tlsKey != own || !tlsRoots.equals(roots)) {
            tls = TlsContexts.of(own, roots);
            tlsKey = own;
            tlsRoots = roots;
        }
        return tls;
    }

    /** The TLS context of the last connection, and what it was made of: made again only when they change. */
    private SSLContext tls;
    private io.chargecheck.security.KeyAndChain tlsKey;
    private List<java.security.cert.X509Certificate> tlsRoots = List.of();

    /** What a link offers in its TLS handshake: with a quirk, TLS 1.2 and AES-CBC only. */
    void prepare(Link link) {
        if (station.has(Quirk.TLS_WITHOUT_REQUIRED_CIPHER_SUITES)) {
            link.offerOnly(new String[] {"TLSv1.2"}, CBC_ONLY);
        }
    }

    /** Connects again, with what it has now, once the answer that set this off has left. */
    void reconnect(String why) {
        int session = station.session();
        station.schedule(() -> {
            if (session == station.session() && station.connection.isPowered()) {
                log.info("reconnecting: {}", why);
                station.connection.drop(true, why);
                station.connection.connect();
            }
        }, ANSWER_LEAVES);
    }

    // ------------------------------------------------------------------ configuration keys

    boolean knows(String key) {
        return KEYS.contains(key);
    }

    List<KeyValue> keys() {
        return KEYS.stream().filter(key -> !key.equals(AUTHORIZATION_KEY)).map(this::keyValue).toList();
    }

    KeyValue keyValue(String key) {
        return switch (key) {
            case SECURITY_PROFILE -> new KeyValue(key, false, String.valueOf(profile));
            case AUTHORIZATION_KEY -> new KeyValue(key, false, null); // write-only
            case CPO_NAME -> new KeyValue(key, false, cpoName);
            case CERTIFICATE_STORE_MAX_LENGTH -> new KeyValue(key, true, String.valueOf(STORE_MAX_LENGTH));
            case CERTIFICATE_SIGNED_MAX_CHAIN_SIZE -> new KeyValue(key, true, String.valueOf(MAX_CHAIN_SIZE));
            case ADDITIONAL_ROOT_CERTIFICATE_CHECK -> new KeyValue(key, true, "false");
            default -> throw new IllegalArgumentException("no security key " + key);
        };
    }

    /** A change's answer, and what it sets off once the answer is on the wire (null for nothing). */
    private record Change(ConfigurationStatus status, Runnable then) {
        static Change only(ConfigurationStatus status) {
            return new Change(status, null);
        }
    }

    Answer change(String key, String value) {
        Change change = switch (key) {
            case SECURITY_PROFILE -> changeProfile(value.strip());
            case AUTHORIZATION_KEY -> changeAuthorizationKey(value.strip());
            case CPO_NAME -> {
                cpoName = value;
                yield Change.only(ConfigurationStatus.Accepted);
            }
            default -> Change.only(ConfigurationStatus.Rejected); // read-only
        };
        if (!key.equals(AUTHORIZATION_KEY)) {
            log.info("ChangeConfiguration {} = '{}': {}", key, value, change.status());
        }
        return Answer.of(new ChangeConfigurationResponse(change.status()), change.then());
    }

    private Change changeProfile(String value) {
        int wanted;
        try {
            wanted = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Change.only(ConfigurationStatus.Rejected);
        }
        if (wanted < 0 || wanted > 3) {
            return Change.only(ConfigurationStatus.Rejected);
        }
        if (wanted == profile) {
            return Change.only(ConfigurationStatus.Accepted);
        }
        if (wanted < profile && !station.has(Quirk.SECURITY_PROFILE_DOWNGRADE_ACCEPTED)) {
            log.info("SecurityProfile {} refused: a station does not lower its security profile", wanted);
            return Change.only(ConfigurationStatus.Rejected);
        }
        String missing = wanted <= 2 && wanted >= 1 && password == null ? "an AuthorizationKey"
                : wanted >= 2 && station.certificates.centralSystemRoots().isEmpty() ? "a CentralSystemRootCertificate"
                : wanted == 3 && station.certificates.clientCertificate() == null ? "a ChargePointCertificate" : null;
        if (missing != null) {
            log.info("SecurityProfile {} refused: the station has no {}", wanted, missing);
            return Change.only(ConfigurationStatus.Rejected);
        }
        if (wanted < profile) {
            log.info("SecurityProfile lowered from {} to {} (quirk security-profile-downgrade-accepted)", profile, wanted);
        }
        event("ReconfigurationOfSecurityParameters", "SecurityProfile " + profile + " to " + wanted);
        if (station.has(Quirk.SECURITY_PROFILE_UPGRADE_IGNORED) && wanted > profile) {
            log.info("SecurityProfile {} accepted, profile {} kept (quirk security-profile-upgrade-ignored)", wanted, profile);
            return Change.only(ConfigurationStatus.Accepted);
        }
        profile = wanted;
        return new Change(ConfigurationStatus.Accepted, () -> reconnect("security profile " + wanted));
    }

    private Change changeAuthorizationKey(String hex) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            log.info("ChangeConfiguration AuthorizationKey: Rejected, not hexadecimal");
            return Change.only(ConfigurationStatus.Rejected);
        }
        if (bytes.length < KEY_MIN_BYTES || bytes.length > KEY_MAX_BYTES) {
            log.info("ChangeConfiguration AuthorizationKey: Rejected, {} bytes (16 to 20 are allowed)", bytes.length);
            return Change.only(ConfigurationStatus.Rejected);
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            log.info("ChangeConfiguration AuthorizationKey: Rejected, not text once decoded");
            return Change.only(ConfigurationStatus.Rejected);
        }
        log.info("ChangeConfiguration AuthorizationKey (not shown): Accepted");
        event("ReconfigurationOfSecurityParameters", "AuthorizationKey changed");
        if (station.has(Quirk.KEEPS_OLD_PASSWORD)) {
            log.info("the old password stays in use (quirk keeps-old-password)");
        } else {
            password = decoded;
        }
        return new Change(ConfigurationStatus.Accepted, profile == 1 || profile == 2 ? () -> reconnect("new AuthorizationKey")
                : null);
    }

    // ------------------------------------------------------------------ security events and the security log

    /** A security event: into the security log, and to the central system when the whitepaper's cases expect it. */
    void event(String type, String techInfo) {
        Instant now = station.now();
        securityLog.add(now + " " + type + (techInfo == null ? "" : ": " + techInfo));
        if (NOTIFIED.contains(type)) {
            log.info("security event {}{}", type, techInfo == null ? "" : " (" + techInfo + ")");
            station.outbox.send(new SecurityEventNotificationRequest(type, now,
                    techInfo == null ? null : techInfo.length() > 255 ? techInfo.substring(0, 255) : techInfo));
        }
    }

    private Answer getLog(GetLogRequest request) {
        URI location;
        try {
            location = URI.create(request.log().remoteLocation());
            if (!location.isAbsolute()) {
                throw new IllegalArgumentException("relative");
            }
        } catch (IllegalArgumentException e) {
            log.info("GetLog: Rejected, the location is no absolute URL");
            return Answer.of(new GetLogResponse(LogStatus.Rejected, null));
        }
        String kind = request.logType() == LogType.SecurityLog ? "security-log" : "diagnostics-log";
        String fileName = kind + "-" + config.chargePointId().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(station.now()) + ".log";
        log.info("GetLog {}: {} goes to {}", request.logType(), fileName, RemoteCommands.redacted(location));
        return Answer.of(new GetLogResponse(LogStatus.Accepted, fileName), () -> upload(request, location, fileName));
    }

    private void upload(GetLogRequest request, URI location, String fileName) {
        logRequestId = request.requestId();
        sendLogStatus(UploadLogStatus.Uploading);
        if (request.logType() == LogType.SecurityLog && station.has(Quirk.SECURITY_LOG_NOT_UPLOADED)) {
            log.info("nothing uploaded, Uploaded all the same (quirk security-log-not-uploaded)");
            sendLogStatus(UploadLogStatus.Uploaded);
            return;
        }
        byte[] content = logFile(request);
        transfers.run("log upload", () -> {
            transfers.ftp().upload(location, fileName, content);
            return Boolean.TRUE;
        }, FileTransfers.attempts(request.retries()), FileTransfers.retryInterval(request.retryInterval()), (ok, failure) -> {
            if (failure == null) {
                log.info("log uploaded: {} ({} bytes)", fileName, content.length);
                sendLogStatus(UploadLogStatus.Uploaded);
            } else {
                log.info("log upload failed: {}", failure);
                sendLogStatus(UploadLogStatus.UploadFailure);
            }
        });
    }

    private byte[] logFile(GetLogRequest request) {
        Instant from = request.log().oldestTimestamp();
        Instant to = request.log().latestTimestamp();
        StringBuilder file = new StringBuilder("ChargeCheck charge point simulator: ")
                .append(request.logType() == LogType.SecurityLog ? "security log" : "diagnostics log")
                .append(" of ").append(config.chargePointId()).append(", serial ").append(config.identity().serialNumber())
                .append('\n');
        if (request.logType() == LogType.SecurityLog) {
            securityLog.stream().filter(line -> within(Instant.parse(line.substring(0, line.indexOf(' '))), from, to))
                    .forEach(line -> file.append(line).append('\n'));
        } else {
            log.between(from, to).forEach(line -> file.append(line.format()).append('\n'));
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return (from == null || !time.isBefore(from)) && (to == null || !time.isAfter(to));
    }

    private void sendLogStatus(UploadLogStatus status) {
        logStatus = status;
        log.info("log {}", status);
        station.outbox.send(new LogStatusNotificationRequest(status, logRequestId));
    }

    // ------------------------------------------------------------------ ExtendedTriggerMessage

    private Answer extendedTrigger(ExtendedTriggerMessageRequest request) {
        ExtendedMessageTrigger message = request.requestedMessage();
        Integer id = request.connectorId();
        int lowest = message == ExtendedMessageTrigger.MeterValues ? 1 : 0;
        if (id != null && (id < lowest || id >= station.connectors.length)) {
            log.info("ExtendedTriggerMessage {} for connector {}: Rejected, no such connector", message, id);
            return Answer.of(new ExtendedTriggerMessageResponse(TriggerMessageStatus.Rejected));
        }
        log.info("ExtendedTriggerMessage {}{}: Accepted", message, id == null ? "" : " for connector " + id);
        return Answer.of(new ExtendedTriggerMessageResponse(TriggerMessageStatus.Accepted), () -> triggered(message, id));
    }

    private void triggered(ExtendedMessageTrigger message, Integer id) {
        switch (message) {
            case BootNotification -> station.boot.sendBoot();
            case Heartbeat -> station.boot.sendHeartbeat();
            case StatusNotification -> station.triggers.selected(id, 0).forEach(station.statuses::reportNow);
            case MeterValues -> station.triggers.selected(id, 1).forEach(c -> station.metering.send(c, ReadingContext.Trigger));
            case FirmwareStatusNotification -> station.signedFirmware.sendTriggeredStatus();
            case LogStatusNotification -> sendLogStatus(logStatus == UploadLogStatus.Uploading ? logStatus : UploadLogStatus.Idle);
            case SignChargePointCertificate -> station.certificates.renew();
        }
    }
}
