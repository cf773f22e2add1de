package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.ConnectionDetails;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.Waits;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Security.CertificateUse;
import io.chargecheck.security.Certificates;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How the station connects, as the security extension's cases check it (TC_073, TC_083 to
 * TC_087): its security profile, raised and not lowered; its HTTP Basic credentials and a new
 * AuthorizationKey; its TLS, the cipher suites it offers and its client certificate.
 */
public final class SecurityProfiles {

    /** TC_073_CS's new AuthorizationKey: "OCA_OCTT_admin_test", written in hexadecimal as the whitepaper wants. */
    static final String NEW_PASSWORD = "OCA_OCTT_admin_test";
    /** The pairs of cipher suites the whitepaper requires a station to offer one of (TC_086_CS). */
    static final List<Set<String>> REQUIRED_SUITES = List.of(
            Set.of("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"),
            Set.of("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"));

    private final Context context;
    /** The profile before the case changed it. */
    private int profileBefore = -1;
    /** The answer to lowering it. */
    private ConfigurationStatus lowered;

    public SecurityProfiles(Context context) {
        this.context = context;
    }

    /** The profile of the station's current connection. */
    int currentProfile() {
        return connection().securityProfile().number();
    }

    ConnectionDetails connection() {
        return context.station().session().map(s -> s.connection())
                .orElseThrow(() -> new AssertionError("expected the station to be connected; it is not", null));
    }

    // ---------------------------------------------------------------- TC_073_CS

    /** ChangeConfiguration AuthorizationKey with the OCA's new password; the central system takes it beside the run's. */
    public void giveNewPassword() {
        context.bench().centralSystem().acceptPassword(context.station().id(), NEW_PASSWORD);
        String hex = HexFormat.of().withUpperCase().formatHex(NEW_PASSWORD.getBytes(StandardCharsets.US_ASCII));
        ConfigurationStatus status = context.platform().send(new ChangeConfigurationRequest("AuthorizationKey", hex)).status();
        if (status != ConfigurationStatus.Accepted) {
            throw new AssertionError("expected ChangeConfiguration AuthorizationKey to be Accepted; it was " + status, null);
        }
    }

    /** The station closed its connection and came back with the new password. */
    public void assertReconnectedWithNewPassword() {
        ConnectionDetails again = awaitReconnection(context.scene().lastAction, reconnection(),
                "close its connection and reconnect with the new AuthorizationKey");
        String used = again.password().orElse(null);
        if (!NEW_PASSWORD.equals(used)) {
            throw new AssertionError("expected the station to reconnect with the new AuthorizationKey (" + NEW_PASSWORD
                    + "); it reconnected " + (used == null ? "without a password"
                    : used.equals(context.bench().certificates().authorizationKey()) ? "with its old password" : "with another password"),
                    null);
        }
    }

    /** At a live charger the case leaves the run's password on it again; a simulated station is thrown away. */
    public void restorePassword() {
        if (context.station().driver().isSimulated() || context.station().session().isEmpty()) {
            return;
        }
        String run = context.bench().certificates().authorizationKey();
        context.platform().send(new ChangeConfigurationRequest("AuthorizationKey",
                HexFormat.of().withUpperCase().formatHex(run.getBytes(StandardCharsets.UTF_8))));
    }

    // ---------------------------------------------------------------- TC_083_CS, TC_084_CS

    /**
     * The memory state the next profile needs: on profile 1 the central system's root certificate
     * installed (CertificateInstalled), on profile 2 a client certificate of the central system's CA
     * (RenewChargePointCertificate).
     */
    public void prepareNextProfile() {
        int profile = currentProfile();
        CertificateManagement certificates = new CertificateManagement(context);
        if (profile == 1) {
            certificates.certificateInstalled(CertificateUse.CentralSystemRootCertificate,
                    context.bench().certificates().authority().root());
        } else if (profile == 2) {
            certificates.configureCpoName();
            certificates.renewChargePointCertificate();
            certificates.assertSignedCertificateAccepted();
        }
    }

    /**
     * SecurityProfile one higher, Accepted or RebootRequired; the station reconnects with it, or,
     * when the answer asks for a reboot or it does not come back by itself, after a hard reset.
     */
    public void raiseProfile() {
        int from = currentProfile();
        long before = context.evidence().mark();
        ConfigurationStatus status = context.platform().send(new ChangeConfigurationRequest("SecurityProfile",
                String.valueOf(from + 1))).status();
        if (status != ConfigurationStatus.Accepted && status != ConfigurationStatus.RebootRequired) {
            throw new AssertionError("expected ChangeConfiguration SecurityProfile " + (from + 1)
                    + " to be Accepted or RebootRequired; it was " + status, null);
        }
        boolean back = status == ConfigurationStatus.Accepted && reconnected(before, reconnection()).isPresent();
        if (!back) {
            hardReset();
        }
        context.scene().lastAction = before;
        profileBefore = from;
    }

    public void assertReconnectedWithHigherProfile() {
        int now = currentProfile();
        if (now != profileBefore + 1) {
            throw new AssertionError("expected the station to reconnect with security profile " + (profileBefore + 1)
                    + "; it came back with profile " + now + " (" + Untrusted.shown(connection().describe()) + ")", null);
        }
        context.observations().note("the station now runs security profile " + now + "; lowering it is refused by design, "
                + "so at a live charger it has to be set back by hand");
    }

    /** SecurityProfile one lower; the answer is kept for the check. */
    public void lowerProfile() {
        int from = currentProfile();
        lowered = context.platform().send(new ChangeConfigurationRequest("SecurityProfile", String.valueOf(from - 1))).status();
        profileBefore = from;
    }

    public void assertLoweringRejected() {
        if (lowered != ConfigurationStatus.Rejected) {
            throw new AssertionError("expected ChangeConfiguration SecurityProfile " + (profileBefore - 1) + " to be Rejected, "
                    + "as a station never lowers its security profile; it was " + lowered, null);
        }
    }

    // ---------------------------------------------------------------- TC_085_CS to TC_087_CS

    /** Reset Hard: the station reboots, reconnects, boots and reports every connector. */
    public void hardReset() {
        long before = context.evidence().mark();
        ResetStatus status = context.platform().send(new ResetRequest(ResetType.Hard)).status();
        if (status != ResetStatus.Accepted) {
            throw new AssertionError("expected Reset Hard to be Accepted; it was " + status, null);
        }
        Duration reboot = context.timeouts().reboot();
        try {
            context.evidence().next(BootNotificationRequest.class).after(before).within(reboot);
        } catch (AssertionError e) {
            throw new AssertionError("expected the station to reconnect and send a BootNotification within "
                    + Describe.seconds(reboot) + " of the reset" + refusals(before), null);
        }
        new Statuses(context).awaitEveryConnector(ChargePointStatus.Available, before, context.timeouts().message());
        context.scene().lastAction = before;
    }

    /** TC_085_CS: Basic credentials of the station's own id, and an AuthorizationKey the whitepaper allows. */
    public void assertBasicAuthentication() {
        ConnectionDetails details = connectionSince(context.scene().lastAction);
        if (!details.securityProfile().usesBasicAuth()) {
            throw new AssertionError("expected a connection with HTTP Basic authentication (security profile 1 or 2); it "
                    + "connected with profile " + details.securityProfile().number(), null);
        }
        checkBasicCredentials(details);
    }

    private void checkBasicCredentials(ConnectionDetails details) {
        String id = context.station().id();
        String user = details.user().orElseThrow(() -> new AssertionError("expected HTTP Basic credentials in the WebSocket "
                + "upgrade; the station sent none", null));
        if (!user.equals(id)) {
            throw new AssertionError("expected the Basic auth user to be the charge point id of the URL, " + Untrusted.shown(id)
                    + "; it was " + Untrusted.shown(user), null);
        }
        int bytes = details.password().orElse("").getBytes(StandardCharsets.UTF_8).length;
        if (bytes < 16 || bytes > 20) {
            throw new AssertionError("expected an AuthorizationKey of 16 to 20 bytes (32 to 40 hexadecimal digits), as the "
                    + "whitepaper has it; the station's password has " + bytes, null);
        }
    }

    /** TC_086_CS: TLS 1.2 or later, the required cipher suites offered, and on profile 2 the Basic credentials. */
    public void assertServerSideTls() {
        ConnectionDetails details = connectionSince(context.scene().lastAction);
        ConnectionDetails.Tls tls = tlsOf(details);
        if (details.securityProfile() == SecurityProfile.TLS_BASIC) {
            checkBasicCredentials(details);
        }
        context.observations().note("TLS " + tls.protocol() + " with " + tls.cipherSuite());
    }

    /** TC_087_CS: the client certificate's key, serial number and commonName, over the TLS TC_086_CS wants. */
    public void assertClientCertificate() {
        ConnectionDetails details = connectionSince(context.scene().lastAction);
        ConnectionDetails.Tls tls = tlsOf(details);
        if (tls.clientCertificates().isEmpty()) {
            throw new AssertionError("expected the station to present a client certificate (security profile 3); it presented "
                    + "none", null);
        }
        X509Certificate client = tls.clientCertificates().get(0);
        int bits = Certificates.keyBits(client);
        String algorithm = client.getPublicKey().getAlgorithm();
        int least = algorithm.equals("EC") ? 224 : 2048;
        if (bits < least) {
            throw new AssertionError("expected a client key of at least " + least + " bits for " + algorithm + "; it has " + bits,
                    null);
        }
        if (client.getSerialNumber().signum() <= 0) {
            throw new AssertionError("expected the client certificate to have a serial number; it has "
                    + client.getSerialNumber(), null);
        }
        String serial = context.evidence().station().lastBoot().flatMap(b -> b.message(BootNotificationRequest.class))
                .map(BootNotificationRequest::chargePointSerialNumber).orElse(null);
        Optional<String> commonName = Certificates.commonName(client);
        if (serial == null || !commonName.map(serial::equals).orElse(false)) {
            throw new AssertionError("expected the client certificate's commonName to be the station's serial number "
                    + (serial == null ? "(its BootNotification gave none)" : Untrusted.shown(serial)) + "; it is "
                    + commonName.map(Untrusted::shown).orElse("absent") + " (" + Untrusted.shown(Certificates.describe(client))
                    + ")", null);
        }
        context.observations().note("client certificate " + Untrusted.shown(Certificates.describe(client)));
    }

    private ConnectionDetails.Tls tlsOf(ConnectionDetails details) {
        ConnectionDetails.Tls tls = details.tlsDetails().orElseThrow(() -> new AssertionError("expected a TLS connection "
                + "(security profile 2 or 3); it connected with profile " + details.securityProfile().number(), null));
        if (!tls.protocol().equals("TLSv1.2") && !tls.protocol().equals("TLSv1.3")) {
            throw new AssertionError("expected TLS 1.2 or later; the connection uses " + tls.protocol(), null);
        }
        boolean offered = REQUIRED_SUITES.stream().anyMatch(pair -> tls.offeredCipherSuites().containsAll(pair));
        if (!offered) {
            throw new AssertionError("expected the station to offer TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and "
                    + "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, or TLS_RSA_WITH_AES_128_GCM_SHA256 and "
                    + "TLS_RSA_WITH_AES_256_GCM_SHA384; it offered " + (tls.offeredCipherSuites().isEmpty()
                    ? "nothing the central system could read" : String.join(", ", tls.offeredCipherSuites())), null);
        }
        return tls;
    }

    /** The connection the station made after the mark: there must be one. */
    private ConnectionDetails connectionSince(long mark) {
        return reconnected(mark, context.timeouts().message()).orElseThrow(() -> new AssertionError(
                "expected the station to connect again after " + "the reset; it did not" + refusals(mark), null));
    }

    // ---------------------------------------------------------------- reconnections

    /** How long a station may take to go and come back: as long as a reboot, for its TLS handshakes can be slow. */
    Duration reconnection() {
        return context.timeouts().reboot();
    }

    /** Waits for the station's next connection after the mark and says how it was made; fails naming what it waited for. */
    ConnectionDetails awaitReconnection(long mark, Duration timeout, String what) {
        return reconnected(mark, timeout).orElseThrow(() -> new AssertionError("expected the station to " + what + " within "
                + Describe.seconds(timeout) + "; it did not reconnect" + refusals(mark), null));
    }

    /** The station's connection made after the mark, once there is one, or empty after the timeout. */
    Optional<ConnectionDetails> reconnected(long mark, Duration timeout) {
        try {
            Waits.await("a new connection of the station").atMost(timeout).until(() -> context.evidence().entries(mark).stream()
                    .anyMatch(e -> e.kind() == JournalEntry.Kind.CONNECTED) && context.station().session().isPresent());
            return context.station().session().map(s -> s.connection());
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    /** "; its connections were refused: ..." when they were. */
    private String refusals(long mark) {
        return context.evidence().entries(mark).stream().filter(e -> e.kind() == JournalEntry.Kind.REFUSED)
                .reduce((first, last) -> last)
                .map(e -> "; its connections were refused: " + Untrusted.shown(e.raw(), Untrusted.EXCERPT)).orElse("");
    }
}
