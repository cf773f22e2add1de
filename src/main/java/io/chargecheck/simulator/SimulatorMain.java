package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator as a process of its own, pointed at any central system: see the package
 * documentation for the command. It runs until it is killed (Ctrl-C closes it cleanly), and reads
 * the physical world from its console: {@code plug 1}, {@code card 1 TAG-1}, {@code unplug 1},
 * ... ({@code help} lists them), so a test engineer can play the person at the charger.
 */
public final class SimulatorMain {

    private static final String USAGE = """
            ChargeCheck charge point simulator (OCPP 1.6J)

            mvn -q compile exec:java@simulator -Dexec.args="--url ws://HOST:PORT/ocpp [options]"

              --url URL                  the central system, without the charge point id (ws:// or wss://); required
              --id ID                    charge point id, appended to the URL (default CP-1); repeat it for
                                         several stations in one process (--id A --id B)
              --count N                  N stations, CP-1 to CP-N (or ID-1 to ID-N with one --id)
              --connectors N             number of connectors (default 2)
              --quirks a,b,c             misbehaviours to switch on (--list-quirks shows them)
              --variants a,b,c           legal behaviours of real chargers to switch on (--list-variants shows them)
              --password PASSWORD        HTTP Basic auth password (security profiles 1 and 2)
              --truststore FILE          PKCS12 truststore with the central system's certificate, for wss://
              --truststore-password PW   its password (default changeit)
              --heartbeat-interval S     initial HeartbeatInterval in seconds
              --meter-interval S         initial MeterValueSampleInterval in seconds
              --connection-timeout S     initial ConnectionTimeOut in seconds
              --set KEY=VALUE            initial value of any configuration key (repeatable)
              --vendor, --model, --serial, --firmware TEXT   what BootNotification says
              --fixed-cable              the cable is fixed to the station (UnlockConnector: NotSupported)
              --backup-power             on a power cut, transactions stop (PowerLoss) before the station goes down
              --reserve-connector-zero   ReserveConnectorZeroSupported: ReserveNow for the whole station
              --profiles a,b,c           SupportedFeatureProfiles (default Core,FirmwareManagement,
                                         LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger)
              --state-dir DIR            keeps the offline queue and availability across restarts (default: temporary;
                                         with several stations, one subdirectory per id)
              --list-quirks              lists the quirks and exits
              --list-variants            lists the variants and exits
              --help                     this text
            """;

    private SimulatorMain() {
    }

    /** slf4j-simple's level for the project's loggers; read when each logger is made, so set before any is. */
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.log.io.chargecheck";

    public static void main(String[] args) throws InterruptedException {
        // "mvn -q" sets slf4j-simple's default level to error in the JVM it shares with exec:java;
        // what the simulator says is the point of running it, so it stays at info unless asked otherwise.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "info");
        }
        PrintStream out = System.out;
        List<SimulatorConfig> configs;
        try {
            Deque<String> options = new ArrayDeque<>(Arrays.asList(args));
            if (options.contains("--help") || options.isEmpty()) {
                out.print(USAGE);
                return;
            }
            if (options.contains("--list-quirks")) {
                for (Quirk quirk : Quirk.values()) {
                    String script = quirk.testCase() == Quirk.NO_SCRIPT_CASE ? "       " : String.format("case %2d", quirk.testCase());
                    String octt = quirk.octtCases().isEmpty() ? "" : " [" + String.join(" ", quirk.octtCases()) + "]";
                    out.printf("  %-40s %s: %s%s%n", quirk.wireName(), script, quirk.description(), octt);
                }
                return;
            }
            if (options.contains("--list-variants")) {
                for (Variant variant : Variant.values()) {
                    out.printf("  %-28s %s%n", variant.wireName(), variant.description());
                }
                return;
            }
            configs = stations(options);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        List<ChargePointSimulator> simulators = configs.stream().map(ChargePointSimulator::new).toList();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulators.forEach(ChargePointSimulator::close);
            stopped.countDown();
        }, "simulator-shutdown"));
        simulators.forEach(ChargePointSimulator::start);
        out.print(SimulatorConsole.COMMANDS);
        if (new SimulatorConsole(simulators).run(System.in, out)) {
            simulators.forEach(ChargePointSimulator::close);
            return;
        }
        stopped.await(); // no console (input closed): run until killed
    }

    /** Reads commands for one station until "quit" (true) or the end of the input (false). */
    static boolean console(ChargePointSimulator simulator, InputStream in, PrintStream out) {
        return new SimulatorConsole(List.of(simulator)).run(in, out);
    }

    /** The options of exactly one station. */
    static SimulatorConfig parse(Deque<String> options) {
        List<SimulatorConfig> stations = stations(options);
        if (stations.size() != 1) {
            throw new IllegalArgumentException("these options start " + stations.size() + " stations, not one");
        }
        return stations.get(0);
    }

    /**
     * The stations the options start, alike but for their id (and state directory): one per
     * {@code --id}, or {@code --count N} of them named {@code PREFIX-1} to {@code PREFIX-N} after the
     * one {@code --id} (default CP).
     */
    static List<SimulatorConfig> stations(Deque<String> options) {
        List<String> ids = new ArrayList<>();
        Integer count = null;
        Deque<String> shared = new ArrayDeque<>();
        while (!options.isEmpty()) {
            String option = options.removeFirst();
            switch (option) {
                case "--id" -> ids.add(value(options, option));
                case "--count" -> count = integer(options, option);
                default -> shared.addLast(option);
            }
        }
        if (count != null) {
            if (count < 1) {
                throw new IllegalArgumentException("--count needs at least 1, got " + count);
            }
            if (ids.size() > 1) {
                throw new IllegalArgumentException("--count takes one --id as the prefix of the ids, got " + ids.size());
            }
            String prefix = ids.isEmpty() ? "CP" : ids.get(0);
            ids = IntStream.rangeClosed(1, count).mapToObj(n -> prefix + "-" + n).toList();
        }
        if (ids.isEmpty()) {
            ids = List.of("CP-1");
        }
        if (Set.copyOf(ids).size() != ids.size()) {
            throw new IllegalArgumentException("each station needs an id of its own, got " + String.join(", ", ids));
        }
        SimulatorConfig common = common(shared);
        List<SimulatorConfig> stations = new ArrayList<>();
        for (String id : ids) {
            SimulatorConfig.Builder station = common.toBuilder().chargePointId(id);
            if (common.stateDirectory() != null && ids.size() > 1) {
                station.stateDirectory(common.stateDirectory().resolve(id));
            }
            stations.add(station.build());
        }
        return stations;
    }

    private static SimulatorConfig common(Deque<String> options) {
        SimulatorConfig.Builder config = SimulatorConfig.builder().reconnectBackOff(java.time.Duration.ofSeconds(1),
                java.time.Duration.ofSeconds(30));
        SimulatorConfig.Identity identity = SimulatorConfig.Identity.DEFAULT;
        Path truststore = null;
        String truststorePassword = "changeit";
        boolean url = false;
        while (!options.isEmpty()) {
            String option = options.removeFirst();
            switch (option) {
                case "--url" -> {
                    config.centralSystemUrl(value(options, option));
                    url = true;
                }
                case "--connectors" -> config.connectors(integer(options, option));
                case "--quirks" -> config.quirks(Quirk.parse(value(options, option)));
                case "--variants" -> config.variants(Variant.parse(value(options, option)));
                case "--password" -> config.password(value(options, option));
                case "--truststore" -> truststore = Path.of(value(options, option));
                case "--truststore-password" -> truststorePassword = value(options, option);
                case "--heartbeat-interval" -> config.configure(ConfigurationStore.HEARTBEAT_INTERVAL, value(options, option));
                case "--meter-interval" -> config.configure(ConfigurationStore.METER_VALUE_SAMPLE_INTERVAL, value(options, option));
                case "--connection-timeout" -> config.configure(ConfigurationStore.CONNECTION_TIME_OUT, value(options, option));
                case "--set" -> {
                    String[] pair = value(options, option).split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("--set wants KEY=VALUE");
                    }
                    config.configure(pair[0], pair[1]);
                }
                case "--vendor" -> identity = new SimulatorConfig.Identity(value(options, option), identity.model(),
                        identity.serialNumber(), identity.firmwareVersion(), identity.iccid(), identity.imsi(),
                        identity.meterType(), identity.meterSerialNumber());
                case "--model" -> identity = new SimulatorConfig.Identity(identity.vendor(), value(options, option),
                        identity.serialNumber(), identity.firmwareVersion(), identity.iccid(), identity.imsi(),
                        identity.meterType(), identity.meterSerialNumber());
                case "--serial" -> identity = identity.withSerialNumber(value(options, option));
                case "--firmware" -> identity = identity.withFirmwareVersion(value(options, option));
                case "--state-dir" -> config.stateDirectory(Path.of(value(options, option)));
                case "--fixed-cable" -> config.fixedCable(true);
                case "--backup-power" -> config.backupPower(true);
                case "--reserve-connector-zero" -> config.reserveConnectorZero(true);
                case "--profiles" -> config.supportedProfiles(profiles(value(options, option)));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (!url) {
            throw new IllegalArgumentException("--url is required, e.g. --url ws://127.0.0.1:8887/ocpp");
        }
        if (truststore != null) {
            config.sslContext(trusting(truststore, truststorePassword));
        }
        return config.identity(identity).build();
    }

    private static Set<Profile> profiles(String names) {
        EnumSet<Profile> profiles = EnumSet.noneOf(Profile.class);
        for (String name : names.split(",")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                profiles.add(Profile.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown feature profile '" + name.trim() + "'; known: "
                        + SimulatorConfig.SIMULATED_PROFILES);
            }
        }
        return profiles;
    }

    /** A TLS context that trusts the certificates in a PKCS12 truststore (a self-signed central system's). */
    public static SSLContext trusting(Path truststore, String password) {
        try (var in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use truststore " + truststore + ": " + e.getMessage(), e);
        }
    }

    private static String value(Deque<String> options, String option) {
        String value = options.pollFirst();
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int integer(Deque<String> options, String option) {
        String value = value(options, option);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + value + "'");
        }
    }
}
