package io.chargecheck.certification;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.IdTagPolicy;
import io.chargecheck.centralsystem.Listener;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.config.Settings;
import io.chargecheck.config.SettingsException;
import io.chargecheck.filetransfer.FileServer;
import io.chargecheck.filetransfer.FileServerConfig;
import io.chargecheck.filetransfer.FileTransferMode;
import io.chargecheck.filetransfer.PortRange;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.FirmwareSigner;
import io.chargecheck.security.KeyAndChain;
import io.chargecheck.security.TlsContexts;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
    private final Certificates certificates;

    /**
     * The security extension's certificates of the run: its CA (server certificate, client
     * certificates, the CSRs it signs), a test root for the cases that install and delete one, a
     * manufacturer that signs firmware, and the Basic auth password.
     */
    public record Certificates(CertificateAuthority authority, X509Certificate testRoot, FirmwareSigner manufacturer,
                               String authorizationKey) {
    }

    private Bench(Settings settings, CentralSystem centralSystem, FileServer files, Console console,
                  String advertisedHost, Certificates certificates) {
        this.settings = settings;
        this.centralSystem = centralSystem;
        this.files = files;
        this.console = console;
        this.advertisedHost = advertisedHost;
        this.certificates = certificates;
    }

    /** Starts the central system and the file server, writing the trace into {@code traceDirectory}. */
    public static Bench start(Settings settings, Path traceDirectory) {
        return start(settings, traceDirectory, Console.system());
    }

    static Bench start(Settings settings, Path traceDirectory, Console console) {
        SecurityProfile profile = SecurityProfile.ofNumber(settings.securityProfile());
        FileTransferMode mode = fileTransferMode(settings);
        Certificates certificates = certificates(settings);
        List<SecurityProfile> others = otherProfiles(settings, profile);
        boolean anyTls = profile.usesTls() || others.stream().anyMatch(SecurityProfile::usesTls);
        SSLContext tls = anyTls || mode == FileTransferMode.HTTPS || mode == FileTransferMode.AUTO
                ? serverTls(settings, profile, certificates.authority(), traceDirectory) : null;
        CentralSystem centralSystem = CentralSystem.start(centralSystemConfig(settings, traceDirectory, profile, tls,
                certificates.authorizationKey(), others));
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
        Bench bench = new Bench(settings, centralSystem, files, console, advertised, certificates);
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

    /** The run's certificates, for the security extension's cases and the stations simulated for them. */
    public Certificates certificates() {
        return certificates;
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
        String host = listeningAddresses(settings.listenHost()).get(0);
        for (SecurityProfile other : centralSystem.securityProfiles()) {
            if (other.number() != settings.securityProfile()) {
                console.inform("Security profile " + other.number() + " (where TC_083_CS raises the charger's profile to): "
                        + centralSystem.urlFor(other).orElseThrow().replace(settings.listenHost(), host));
            }
        }
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
                                                           SSLContext tls, String authorizationKey,
                                                           List<SecurityProfile> others) {
        CentralSystemConfig.Builder config = CentralSystemConfig.builder()
                .host(settings.listenHost())
                .port(settings.port())
                .pathPrefix(settings.pathPrefix())
                .securityProfile(profile)
                .authorizationKey(authorizationKey)
                .otherListeners(others.stream().map(other -> new Listener(other, 0, other.usesTls() ? tls : null)).toList())
                // simulated stations get an id of their own per scenario; live, the run names its chargers
                .expectedChargePointIds(settings.isLive() ? Set.copyOf(settings.chargePointIds()) : Set.of())
                .callTimeout(settings.timeouts().call())
                .heartbeatInterval(settings.bootHeartbeatInterval())
                // the accepted card and its fleet's second card share a parent; the other card is another driver's
                .idTags(new IdTagPolicy(Set.of(settings.acceptedIdTag(), settings.sameParentIdTag(), settings.otherIdTag()),
                        Set.of(), Set.of(), Map.of(settings.acceptedIdTag(), settings.parentIdTag(),
                        settings.sameParentIdTag(), settings.parentIdTag())))
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
     * The profiles the central system also listens for, on ports of their own: on the simulator all
     * the others, so a station can be built for any and change to any; at a live charger the next
     * higher one, where TC_083_CS sends it.
     */
    private static List<SecurityProfile> otherProfiles(Settings settings, SecurityProfile main) {
        if (!settings.isLive()) {
            return java.util.Arrays.stream(SecurityProfile.values()).filter(p -> p != main).toList();
        }
        return main == SecurityProfile.MUTUAL_TLS ? List.of() : List.of(SecurityProfile.ofNumber(main.number() + 1));
    }

    /**
     * The run's CA (made for the run, or the tester's from chargecheck.octt.caKeystore), its test
     * root and manufacturer, and the Basic auth password: the configured one, else one made for the
     * run (20 characters, the most the whitepaper's AuthorizationKey holds).
     */
    private static Certificates certificates(Settings settings) {
        String caKeystore = settings.octt().get("caKeystore");
        CertificateAuthority authority;
        try {
            authority = caKeystore == null || caKeystore.isBlank()
                    ? CertificateAuthority.create("ChargeCheck run CA", "ChargeCheck")
                    : CertificateAuthority.load(Path.of(caKeystore), settings.octt().getOrDefault("caKeystorePassword", ""));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting chargecheck.octt.caKeystore: " + e.getMessage());
        }
        String password = settings.authorizationKey();
        if (password.isEmpty() && settings.isLive() && SecurityProfile.ofNumber(settings.securityProfile()).usesBasicAuth()) {
            throw new SettingsException("setting chargecheck.password must be the charger's AuthorizationKey, for security profile "
                    + settings.securityProfile() + " (HTTP Basic authentication)");
        }
        if (password.isEmpty()) {
            SecureRandom random = new SecureRandom();
            String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
            StringBuilder made = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                made.append(letters.charAt(random.nextInt(letters.length())));
            }
            password = made.toString();
        }
        return new Certificates(authority, CertificateAuthority.create("ChargeCheck test root", "ChargeCheck").root(),
                FirmwareSigner.create("ChargeCheck"), password);
    }

    /**
     * The server's TLS: the keystore the user gave, or a certificate the run's CA issues for this
     * machine's names, whose root is written beside the trace for the charger to trust. Clients
     * (profile 3) are trusted when the user's truststore or the run's CA vouches for them: the CA
     * signs the chargers' CSRs (TC_074_CS).
     */
    private static SSLContext serverTls(Settings settings, SecurityProfile profile, CertificateAuthority authority,
                                        Path traceDirectory) {
        if (profile == SecurityProfile.MUTUAL_TLS && (settings.truststore() == null || !Files.isRegularFile(settings.truststore()))) {
            throw new SettingsException("setting chargecheck.truststore must name a PKCS12 truststore with the certificates "
                    + "(or their CA) of the chargers, for security profile 3");
        }
        List<X509Certificate> trusted = new ArrayList<>();
        trusted.add(authority.root());
        KeyAndChain server;
        try {
            if (settings.truststore() != null) {
                trusted.addAll(certificatesOf(load(settings.truststore(), settings.truststorePassword())));
            }
            if (settings.keystore() == null) {
                List<String> names = new ArrayList<>(listeningAddresses(settings.listenHost()));
                names.add("localhost");
                server = authority.issueServer("ChargeCheck central system", names);
                Path root = traceDirectory.resolve(ROOT_FILE);
                Files.createDirectories(traceDirectory);
                Files.writeString(root, authority.rootPem());
                LOG.info("no keystore configured (chargecheck.keystore): the server certificate is issued by the run's CA, "
                        + "whose root is {} (SHA-256 fingerprint {})", root, fingerprint(authority.root()));
            } else if (!Files.isRegularFile(settings.keystore())) {
                throw new SettingsException("setting chargecheck.keystore names " + settings.keystore() + ", which is not a file");
            } else {
                server = keyOf(load(settings.keystore(), settings.keystorePassword()), settings.keystorePassword());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new SettingsException("cannot set up TLS: " + e.getMessage());
        }
        return TlsContexts.of(server, trusted);
    }

    /** Where the run's CA root is written, beside the trace. */
    public static final String ROOT_FILE = "chargecheck-root-ca.pem";

    private static KeyStore load(Path file, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static List<X509Certificate> certificatesOf(KeyStore store) throws GeneralSecurityException {
        List<X509Certificate> found = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate certificate) {
                found.add(certificate);
            }
        }
        return found;
    }

    private static KeyAndChain keyOf(KeyStore store, String password) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                List<X509Certificate> chain = new ArrayList<>();
                for (java.security.cert.Certificate certificate : store.getCertificateChain(alias)) {
                    chain.add((X509Certificate) certificate);
                }
                return new KeyAndChain((PrivateKey) store.getKey(alias, password.toCharArray()), chain);
            }
        }
        throw new GeneralSecurityException("the keystore holds no private key");
    }

    private static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getEncoded()));
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
