package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
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
              --id ID                    charge point id, appended to the URL (default CP-1)
              --connectors N             number of connectors (default 2)
              --quirks a,b,c             misbehaviours to switch on (--list-quirks shows them)
              --password PASSWORD        HTTP Basic auth password (security profiles 1 and 2)
              --truststore FILE          PKCS12 truststore with the central system's certificate, for wss://
              --truststore-password PW   its password (default changeit)
              --heartbeat-interval S     initial HeartbeatInterval in seconds
              --meter-interval S         initial MeterValueSampleInterval in seconds
              --connection-timeout S     initial ConnectionTimeOut in seconds
              --set KEY=VALUE            initial value of any configuration key (repeatable)
              --vendor, --model, --serial, --firmware TEXT   what BootNotification says
              --state-dir DIR            keeps the offline queue and availability across restarts (default: temporary)
              --list-quirks              lists the quirks and exits
              --help                     this text
            """;

    private static final String COMMANDS = """
            commands: plug N | unplug N | card N TAG | suspend N | resume N | fault N CODE [VENDOR-CODE] | clear N
                      offline | online | power | status | quit     (N is a connector; 0 is the station for fault/clear)
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
        SimulatorConfig config;
        try {
            Deque<String> options = new ArrayDeque<>(Arrays.asList(args));
            if (options.contains("--help") || options.isEmpty()) {
                out.print(USAGE);
                return;
            }
            if (options.contains("--list-quirks")) {
                for (Quirk quirk : Quirk.values()) {
                    out.printf("  %-34s case %2d: %s%n", quirk.wireName(), quirk.testCase(), quirk.description());
                }
                return;
            }
            config = parse(options);
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        ChargePointSimulator simulator = new ChargePointSimulator(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        simulator.start();
        out.print(COMMANDS);
        if (console(simulator, System.in, out)) {
            simulator.close();
            return;
        }
        stopped.await(); // no console (input closed): run until killed
    }

    /** Reads commands until "quit" (true) or the end of the input (false). */
    static boolean console(ChargePointSimulator simulator, InputStream in, PrintStream out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] words = line.trim().split("\\s+");
                if (words[0].isEmpty()) {
                    continue;
                }
                if (words[0].equalsIgnoreCase("quit") || words[0].equalsIgnoreCase("exit")) {
                    return true;
                }
                try {
                    command(simulator, words, out);
                } catch (RuntimeException e) {
                    out.println("? " + e.getMessage());
                }
            }
        } catch (IOException e) {
            out.println("console closed: " + e.getMessage());
        }
        return false;
    }

    private static void command(ChargePointSimulator simulator, String[] words, PrintStream out) {
        switch (words[0].toLowerCase(Locale.ROOT)) {
            case "plug" -> simulator.plugIn(number(words, 1));
            case "unplug" -> simulator.unplug(number(words, 1));
            case "card" -> simulator.presentCard(number(words, 1), word(words, 2, "an id tag"));
            case "suspend" -> simulator.evSuspends(number(words, 1));
            case "resume" -> simulator.evResumes(number(words, 1));
            case "fault" -> simulator.injectFault(number(words, 1),
                    ChargePointErrorCode.valueOf(word(words, 2, "an error code, e.g. GroundFailure")),
                    words.length > 3 ? words[3] : null);
            case "clear" -> simulator.clearFault(number(words, 1));
            case "offline" -> simulator.loseNetwork();
            case "online" -> simulator.regainNetwork();
            case "power" -> simulator.powerCycle();
            case "status" -> {
                out.println("connected: " + simulator.isConnected() + ", registration: "
                        + simulator.registrationStatus().map(Enum::name).orElse("none") + ", firmware "
                        + simulator.firmwareVersion() + ", queued transaction messages: " + simulator.queuedTransactionMessages());
                for (int c = 0; c <= simulator.connectorCount(); c++) {
                    out.println("  connector " + c + ": " + simulator.status(c)
                            + (c == 0 ? "" : simulator.transactionId(c).map(id -> ", transaction " + id).orElse("")));
                }
            }
            default -> out.print(COMMANDS);
        }
    }

    static SimulatorConfig parse(Deque<String> options) {
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
                case "--id" -> config.chargePointId(value(options, option));
                case "--connectors" -> config.connectors(integer(options, option));
                case "--quirks" -> config.quirks(Quirk.parse(value(options, option)));
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

    private static int number(String[] words, int index) {
        String word = word(words, index, "a connector number");
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + word + "' is not a connector number");
        }
    }

    private static String word(String[] words, int index, String what) {
        if (words.length <= index) {
            throw new IllegalArgumentException(words[0] + " needs " + what);
        }
        return words[index];
    }
}
