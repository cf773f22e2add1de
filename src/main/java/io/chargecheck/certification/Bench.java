package io.chargecheck.certification;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.IdTagPolicy;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.centralsystem.SelfSignedCertificate;
import io.chargecheck.centralsystem.TlsSupport;
import io.chargecheck.config.Settings;
import io.chargecheck.config.SettingsException;
import io.chargecheck.ftp.EmbeddedFtpServer;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionEvaluationListener;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a run needs, started once: the central system the station connects to, the FTP
 * server for firmware and diagnostics, and the station driver (simulator or live).
 */
public final class Bench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    public static final String TRACE_FILE = "ocpp-trace.jsonl";
    private static final Duration COUNTDOWN_STEP = Duration.ofSeconds(15);

    private final Settings settings;
    private final CentralSystem centralSystem;
    private final EmbeddedFtpServer ftp;
    private final Console console;
    private StationDriver driver;
    private volatile String chargePointId;
    private volatile Integer connectorCount;

    private Bench(Settings settings, CentralSystem centralSystem, EmbeddedFtpServer ftp, Console console) {
        this.settings = settings;
        this.centralSystem = centralSystem;
        this.ftp = ftp;
        this.console = console;
        this.chargePointId = settings.expectedChargePointId().orElse(null);
    }

    /** Starts the central system, the FTP server and the station, and waits for the station's boot. */
    public static Bench start(Settings settings) {
        CentralSystem centralSystem = CentralSystem.start(centralSystemConfig(settings));
        String advertised = settings.isLive() ? advertisedHost(settings) : settings.listenHost();
        EmbeddedFtpServer ftp = EmbeddedFtpServer.start(settings.listenHost(), advertised);
        Bench bench = new Bench(settings, centralSystem, ftp, Console.system());
        try {
            bench.driver = settings.isLive()
                    ? bench.awaitLiveCharger(advertised)
                    : SimulatedStation.start(settings, centralSystem.url());
            bench.awaitBoot(settings.timeouts().reboot());
        } catch (RuntimeException | Error e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    public Settings settings() {
        return settings;
    }

    public CentralSystem centralSystem() {
        return centralSystem;
    }

    public EmbeddedFtpServer ftp() {
        return ftp;
    }

    public StationDriver driver() {
        return driver;
    }

    public Console console() {
        return console;
    }

    /** The id of the station under test; with "any id" configured, the first one that connected. */
    public String chargePointId() {
        return chargePointId;
    }

    /** The station's number of connectors, asked once per run: it does not change while the charger runs. */
    public int connectorCount(IntSupplier ask) {
        Integer known = connectorCount;
        if (known == null) {
            known = ask.getAsInt();
            connectorCount = known;
        }
        return known;
    }

    public Evidence evidence() {
        return new Evidence(centralSystem.journal(), this::chargePointId);
    }

    /** The URL the station is given, e.g. ws://192.168.1.20:8887/ocpp/CP-1. */
    public String stationUrl() {
        return centralSystem.url() + "/" + (chargePointId == null ? "<chargePointId>" : chargePointId);
    }

    /** Puts the simulated world back (no cable, no fault); a live charger is left to its person. */
    public void tidyUpPhysicalWorld() {
        if (driver instanceof SimulatedStation simulated) {
            simulated.tidyUp();
        }
    }

    /** Waits until the station is connected and has booted. */
    public void awaitBoot(Duration timeout) {
        awaitBoot(timeout, condition -> { });
    }

    private void awaitBoot(Duration timeout, ConditionEvaluationListener<Boolean> progress) {
        try {
            Awaitility.await("the BootNotification of the station")
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(10))
                    .conditionEvaluationListener(progress)
                    .until(this::isConnectedAndBooted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the station to connect and send a BootNotification within "
                    + Describe.seconds(timeout) + "; " + connectionStory(), null);
        }
    }

    /**
     * Connected, and booted at some point: a station that reconnects after a network loss need not
     * boot again (OCPP 1.6 only asks a BootNotification after a reboot), so one boot of the run is
     * enough here; a reset is checked for its own new boot by the case that causes it.
     */
    private boolean isConnectedAndBooted() {
        if (chargePointId == null) {
            centralSystem.sessions().stream().findFirst().ifPresent(session -> chargePointId = session.chargePointId());
        }
        return chargePointId != null && centralSystem.session(chargePointId).isPresent()
                && !evidence().messages(BootNotificationRequest.class, 0).isEmpty();
    }

    private String connectionStory() {
        List<JournalEntry> refusals = centralSystem.journal().entries().stream()
                .filter(e -> e.kind() == JournalEntry.Kind.REFUSED).toList();
        if (!refusals.isEmpty()) {
            return "connections were refused: " + refusals.get(refusals.size() - 1).raw();
        }
        if (chargePointId != null && centralSystem.session(chargePointId).isPresent()) {
            return chargePointId + " connected but sent no BootNotification";
        }
        return "no station connected to " + centralSystem.url() + "/<chargePointId>";
    }

    private LiveStation awaitLiveCharger(String advertisedHost) {
        // A person at a charger reads the console, not the log: tell them who came and who was turned away.
        centralSystem.journal().addListener(entry -> {
            switch (entry.kind()) {
                case REFUSED -> console.inform("!! " + entry.raw());
                case CONNECTED -> console.inform("charger " + entry.chargePointId() + " " + entry.raw());
                case DISCONNECTED -> console.inform("charger " + entry.chargePointId() + " disconnected: " + entry.raw());
                default -> { }
            }
        });
        console.inform("");
        console.inform("ChargeCheck is ready for the charger. Configure its OCPP central system URL as one of:");
        for (String host : interfaceAddresses()) {
            console.inform("    " + centralSystem.urlFor(host) + "/" + settings.expectedChargePointId().orElse("<chargePointId>"));
        }
        console.inform("Security profile " + settings.securityProfile() + "; firmware and diagnostics via ftp://"
                + advertisedHost + ":" + ftp.port());
        console.inform("Then reboot the charger (or wait for it to reconnect).");
        LiveStation live = new LiveStation(settings, console);
        awaitWithCountdown(settings.timeouts().reboot());
        return live;
    }

    /** One wait for the boot, with a line every quarter of a minute so the person knows the suite still listens. */
    private void awaitWithCountdown(Duration timeout) {
        AtomicLong nextLineAt = new AtomicLong();
        awaitBoot(timeout, condition -> {
            if (condition.getElapsedTimeInMS() >= nextLineAt.get()) {
                nextLineAt.addAndGet(COUNTDOWN_STEP.toMillis());
                console.countdown("waiting for the charger to connect and boot",
                        Duration.ofSeconds(condition.getRemainingTimeInMS() / 1000));
            }
        });
        console.inform("charger " + chargePointId + " connected and booted");
    }

    private static CentralSystemConfig centralSystemConfig(Settings settings) {
        SecurityProfile profile = SecurityProfile.ofNumber(settings.securityProfile());
        CentralSystemConfig.Builder config = CentralSystemConfig.builder()
                .host(settings.listenHost())
                .port(settings.port())
                .pathPrefix(settings.pathPrefix())
                .securityProfile(profile)
                .authorizationKey(settings.authorizationKey().isEmpty() ? null : settings.authorizationKey())
                .expectedChargePointIds(settings.expectedChargePointId().map(Set::of).orElse(Set.of()))
                .callTimeout(settings.timeouts().call())
                .heartbeatInterval(settings.bootHeartbeatInterval())
                .idTags(new IdTagPolicy(Set.of(settings.acceptedIdTag()), Set.of(), Set.of()))
                .traceFile(settings.reportsDirectory().resolve(TRACE_FILE));
        if (profile.usesTls()) {
            config.sslContext(serverTls(settings, profile));
        }
        try {
            return config.build();
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /**
     * The keystore the user gave, or a self-signed certificate made for this session, whose
     * fingerprint is printed so it can be pinned on the charger.
     */
    private static SSLContext serverTls(Settings settings, SecurityProfile profile) {
        if (profile == SecurityProfile.MUTUAL_TLS && (settings.truststore() == null || !Files.isRegularFile(settings.truststore()))) {
            throw new SettingsException("setting chargecheck.truststore must name a PKCS12 truststore with the certificates "
                    + "(or their CA) of the chargers, for security profile 3");
        }
        Path keystore = settings.keystore();
        String password = settings.keystorePassword();
        if (keystore == null) {
            password = "chargecheck-session";
            try {
                keystore = SelfSignedCertificate.generate(Files.createTempDirectory("chargecheck-tls").resolve("session.p12"),
                        password, interfaceAddresses());
            } catch (IOException e) {
                throw new SettingsException("cannot make a session certificate: " + e.getMessage());
            }
            LOG.info("no keystore configured (chargecheck.keystore): using a self-signed certificate made for this session, "
                    + "SHA-256 fingerprint {}", SelfSignedCertificate.fingerprint(keystore, password));
        } else if (!Files.isRegularFile(keystore)) {
            throw new SettingsException("setting chargecheck.keystore names " + keystore + ", which is not a file");
        }
        return TlsSupport.serverContext(keystore, password, settings.truststore(), settings.truststorePassword());
    }

    private static String advertisedHost(Settings settings) {
        if (!settings.ftpHost().isBlank()) {
            return settings.ftpHost();
        }
        if (!settings.listenHost().equals("0.0.0.0") && !settings.listenHost().equals("::")) {
            return settings.listenHost();
        }
        return interfaceAddresses().stream().findFirst().orElse("127.0.0.1");
    }

    /** This machine's IPv4 addresses a charger on the network could reach, loopback last. */
    static List<String> interfaceAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!network.isUp()) {
                    continue;
                }
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list the network interfaces: {}", e.getMessage());
        }
        addresses.add("127.0.0.1");
        return addresses;
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
        ftp.close();
        centralSystem.close();
    }
}
