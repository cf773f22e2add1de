package io.chargecheck.certification;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.IdTagPolicy;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.centralsystem.SelfSignedCertificate;
import io.chargecheck.centralsystem.TlsSupport;
import io.chargecheck.config.Settings;
import io.chargecheck.config.SettingsException;
import io.chargecheck.filetransfer.FileServer;
import io.chargecheck.filetransfer.FileServerConfig;
import io.chargecheck.filetransfer.FileTransferMode;
import io.chargecheck.filetransfer.PortRange;
import io.chargecheck.ocpp.Untrusted;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every station of a run shares, started once: the central system the stations connect to,
 * the file server for firmware and diagnostics, and the console the person at the bench reads.
 * The stations themselves are {@link Station}s.
 */
public final class Bench implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);
    public static final String TRACE_FILE = "ocpp-trace.jsonl";

    private final Settings settings;
    private final CentralSystem centralSystem;
    private final FileServer files;
    private final Console console;
    private final String advertisedHost;

    private Bench(Settings settings, CentralSystem centralSystem, FileServer files, Console console,
                  String advertisedHost) {
        this.settings = settings;
        this.centralSystem = centralSystem;
        this.files = files;
        this.console = console;
        this.advertisedHost = advertisedHost;
    }

    /** Starts the central system and the file server, writing the trace into {@code traceDirectory}. */
    public static Bench start(Settings settings, Path traceDirectory) {
        return start(settings, traceDirectory, Console.system());
    }

    static Bench start(Settings settings, Path traceDirectory, Console console) {
        SecurityProfile profile = SecurityProfile.ofNumber(settings.securityProfile());
        FileTransferMode mode = fileTransferMode(settings);
        SSLContext tls = profile.usesTls() || mode == FileTransferMode.HTTPS || mode == FileTransferMode.AUTO
                ? serverTls(settings, profile) : null;
        CentralSystem centralSystem = CentralSystem.start(centralSystemConfig(settings, traceDirectory, profile, tls));
        String advertised = settings.isLive() ? advertisedHost(settings) : settings.listenHost();
        FileServer files;
        try {
            files = FileServer.start(FileServerConfig.builder()
                    .bindHost(settings.listenHost())
                    .advertisedHost(advertised)
                    .mode(mode)
                    .ftpPort(settings.ftpPort())
                    .passivePorts(passivePorts(settings))
                    .sslContext(tls)
                    .build());
        } catch (RuntimeException e) {
            centralSystem.close();
            throw e;
        }
        Bench bench = new Bench(settings, centralSystem, files, console, advertised);
        if (settings.isLive()) {
            bench.announce();
        }
        return bench;
    }

    public Settings settings() {
        return settings;
    }

    public CentralSystem centralSystem() {
        return centralSystem;
    }

    /** The file server the stations fetch firmware from and upload diagnostics to, each at a place of its own. */
    public FileServer files() {
        return files;
    }

    public Console console() {
        return console;
    }

    /** The URL a station with this id is given, e.g. ws://192.168.1.20:8887/ocpp/CP-1. */
    public String stationUrl(String chargePointId) {
        return centralSystem.url() + "/" + (chargePointId == null || chargePointId.isEmpty() ? "<chargePointId>" : chargePointId);
    }

    /**
     * What the person at the bench needs before the charger can connect, and from then on who came
     * and who was turned away: they read the console, not the log.
     */
    private void announce() {
        centralSystem.journal().addListener(entry -> {
            String who = Untrusted.shown(entry.chargePointId());
            switch (entry.kind()) {
                case REFUSED -> console.inform("!! " + Untrusted.shown(entry.raw(), Untrusted.EXCERPT));
                case CONNECTED -> console.inform("charger " + who + " " + Untrusted.shown(entry.raw(), Untrusted.EXCERPT));
                case DISCONNECTED -> console.inform("charger " + who + " disconnected: "
                        + Untrusted.shown(entry.raw(), Untrusted.EXCERPT));
                default -> { }
            }
        });
        List<String> ids = settings.chargePointIds().isEmpty() ? List.of("<chargePointId>") : settings.chargePointIds();
        console.inform("");
        console.inform("ChargeCheck is ready for " + (ids.size() == 1 ? "the charger" : ids.size() + " chargers")
                + ". Configure " + (ids.size() == 1 ? "its" : "each one's") + " OCPP central system URL as one of:");
        for (String host : listeningAddresses(settings.listenHost())) {
            for (String id : ids) {
                console.inform("    " + centralSystem.urlFor(host) + "/" + id);
            }
        }
        console.inform("Security profile " + settings.securityProfile() + "; firmware and diagnostics: "
                + files.firewallLine());
    }

    private static FileTransferMode fileTransferMode(Settings settings) {
        try {
            return FileTransferMode.parse(settings.fileTransfer());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting chargecheck.fileTransfer: " + e.getMessage());
        }
    }

    private static PortRange passivePorts(Settings settings) {
        if (settings.ftpPassivePorts().isBlank()) {
            return null;
        }
        try {
            return PortRange.parse(settings.ftpPassivePorts());
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting chargecheck.ftp.passivePorts = '" + settings.ftpPassivePorts()
                    + "' is not valid: expected a range like 50000-50010 (" + e.getMessage() + ")");
        }
    }

    private static CentralSystemConfig centralSystemConfig(Settings settings, Path traceDirectory, SecurityProfile profile,
                                                           SSLContext tls) {
        CentralSystemConfig.Builder config = CentralSystemConfig.builder()
                .host(settings.listenHost())
                .port(settings.port())
                .pathPrefix(settings.pathPrefix())
                .securityProfile(profile)
                .authorizationKey(settings.authorizationKey().isEmpty() ? null : settings.authorizationKey())
                // simulated stations get an id of their own per scenario; live, the run names its chargers
                .expectedChargePointIds(settings.isLive() ? Set.copyOf(settings.chargePointIds()) : Set.of())
                .callTimeout(settings.timeouts().call())
                .heartbeatInterval(settings.bootHeartbeatInterval())
                .idTags(new IdTagPolicy(Set.of(settings.acceptedIdTag()), Set.of(), Set.of()))
                .traceFile(traceDirectory.resolve(TRACE_FILE));
        if (profile.usesTls()) {
            config.sslContext(tls);
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
                        password, listeningAddresses(settings.listenHost()));
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
        return listeningAddresses(settings.listenHost()).get(0);
    }

    /**
     * The addresses a charger can reach the central system at: the one it listens on, or, when it
     * listens on every interface, this machine's IPv4 addresses with loopback last.
     */
    static List<String> listeningAddresses(String listenHost) {
        if (!listenHost.equals("0.0.0.0") && !listenHost.equals("::")) {
            return List.of(listenHost);
        }
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
        files.close();
        centralSystem.close();
    }
}
