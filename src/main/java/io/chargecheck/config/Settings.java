package io.chargecheck.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Every setting of a run, read from one place: system properties ({@code -Dchargecheck.port=9000}),
 * then environment variables ({@code CHARGECHECK_PORT=9000}), then {@code chargecheck.properties}
 * in the working directory, then the defaults of the station profile. Defaults run against the
 * simulator. A bad value stops the run at once with a message naming the setting.
 */
public record Settings(
        Station station,
        String listenHost,
        int port,
        String pathPrefix,
        List<String> chargePointIds,
        int securityProfile,
        Path keystore,
        String keystorePassword,
        Path truststore,
        String truststorePassword,
        String authorizationKey,
        String ftpHost,
        String fileTransfer,
        int ftpPort,
        String ftpPassivePorts,
        Path firmwareFile,
        String acceptedIdTag,
        String rejectedIdTag,
        String sameParentIdTag,
        String otherIdTag,
        String parentIdTag,
        int connector,
        int simulatorConnectors,
        List<String> simulatorQuirks,
        List<String> simulatorVariants,
        int parallelism,
        boolean strict,
        Plan plan,
        String platform,
        List<String> requiredBootFields,
        int bootHeartbeatInterval,
        int testHeartbeatInterval,
        int testMeterInterval,
        Timeouts timeouts,
        Path reportsDirectory,
        Map<String, String> octt) {

    public enum Station { SIMULATOR, LIVE }

    /** Which test script runs: the platform's 16 cases, the OCA's charge-station cases, or both. */
    public enum Plan { SCRIPT, OCTT, ALL }

    /**
     * How long to wait for each kind of evidence. The simulator answers in milliseconds; a live
     * charger, and the person beside it, need minutes.
     *
     * @param message  a message the station sends on its own after a command
     * @param call     the answer to a call of ours
     * @param operator a hand on the charger (plug a cable, present a card)
     * @param reboot   back online after a reset
     * @param firmware download and install of firmware
     * @param quiet    how long nothing must happen to count as "nothing follows"
     * @param settle   how long a station must stay silent after a case before its state is judged
     * @param replay   how long a station must stay silent after the last message it replayed before the
     *                 replay counts as done (chargers have been seen sending a kept reading minutes late)
     */
    public record Timeouts(Duration message, Duration call, Duration operator, Duration reboot, Duration firmware,
                           Duration quiet, Duration settle, Duration replay) {
    }

    static final String PREFIX = "chargecheck.";

    /**
     * Settings that win over every other source, for the runs started from this thread. The
     * self-test uses it to run the features several times at once in one JVM, each run with its
     * own simulator quirk; a normal run never sets it.
     */
    private static final InheritableThreadLocal<Map<String, String>> OVERRIDES = new InheritableThreadLocal<>();

    /** Reads the settings of this run. */
    public static Settings load() {
        Properties system = new Properties();
        system.putAll(System.getProperties());
        Map<String, String> overrides = OVERRIDES.get();
        if (overrides != null) {
            overrides.forEach((key, value) -> system.setProperty(PREFIX + key, value));
        }
        return from(new Sources(system, System.getenv(), readFile(Path.of("chargecheck.properties"))));
    }

    /** Runs the work with these settings (keys without the "chargecheck." prefix) winning over all others. */
    public static void withOverrides(Map<String, String> overrides, Runnable work) {
        Map<String, String> previous = OVERRIDES.get();
        OVERRIDES.set(Map.copyOf(overrides));
        try {
            work.run();
        } finally {
            OVERRIDES.set(previous);
        }
    }

    private static Settings from(Sources sources) {
        Station station = sources.get("station", Station.SIMULATOR, text -> Station.valueOf(text.toUpperCase(Locale.ROOT)),
                "simulator or live");
        boolean live = station == Station.LIVE;
        Timeouts timeouts = new Timeouts(
                sources.seconds("timeout.message", live ? 60 : 5),
                sources.seconds("timeout.call", live ? 60 : 5),
                sources.seconds("timeout.operator", live ? 120 : 5),
                sources.seconds("timeout.reboot", live ? 300 : 10),
                sources.seconds("timeout.firmware", live ? 900 : 15),
                sources.seconds("timeout.quiet", live ? 10 : 1),
                sources.seconds("timeout.settle", live ? 3 : 1),
                sources.seconds("timeout.replay", live ? 150 : 4));
        return new Settings(
                station,
                sources.text("host", live ? "0.0.0.0" : "127.0.0.1"),
                sources.integer("port", live ? 8887 : 0, 0, 65535),
                sources.text("pathPrefix", "/ocpp"),
                sources.list("chargePointId", live ? List.of() : List.of("CHARGECHECK-SIM")),
                sources.integer("securityProfile", 0, 0, 3),
                sources.path("keystore"),
                sources.text("keystorePassword", ""),
                sources.path("truststore"),
                sources.text("truststorePassword", ""),
                sources.text("password", ""),
                sources.text("ftpHost", ""),
                sources.text("fileTransfer", "ftp"),
                sources.integer("ftp.port", 0, 0, 65535),
                sources.text("ftp.passivePorts", ""),
                sources.path("firmwareFile"),
                sources.text("idTag.accepted", "CC-ACCEPTED"),
                sources.text("idTag.rejected", "CC-REJECTED"),
                sources.text("idTag.sameParent", "CC-ACCEPTED-2"),
                sources.text("idTag.other", "CC-OTHER"),
                sources.text("idTag.parent", "CC-FLEET"),
                sources.integer("connector", 1, 1, 99),
                sources.integer("simulator.connectors", 2, 1, 99),
                sources.list("simulator.quirks", List.of()),
                sources.list("simulator.variants", List.of()),
                // A charger on the bench takes one case at a time; simulated stations wait on timers, not cores.
                live ? 1 : sources.integer("parallelism", defaultParallelism(), 1, 256),
                sources.get("strict", false, Settings::parseBoolean, "true or false"),
                sources.get("plan", Plan.SCRIPT, text -> Plan.valueOf(text.toUpperCase(Locale.ROOT)), "script, octt or all"),
                sources.text("platform", "GreenFlux Platform"),
                sources.list("boot.requiredFields", List.of("chargePointSerialNumber", "iccid", "firmwareVersion")),
                sources.integer("heartbeatInterval", live ? 300 : 2, 1, 86400),
                sources.integer("test.heartbeatInterval", live ? 30 : 1, 1, 3600),
                sources.integer("test.meterInterval", live ? 30 : 1, 1, 3600),
                timeouts,
                Path.of(sources.text("reports", "reports")),
                sources.under("octt."));
    }

    /**
     * A time of the OCA's plan's test data ({@code chargecheck.octt.retryInterval=20}), in seconds:
     * what the central system gives as an interval where a case lets the tester configure it.
     */
    public Duration octtSeconds(String name, int simulatorDefault, int liveDefault) {
        String value = octt.get(name);
        if (value == null || value.isBlank()) {
            return Duration.ofSeconds(isLive() ? liveDefault : simulatorDefault);
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new SettingsException("setting " + PREFIX + "octt." + name + " = '" + value + "' is not valid: expected "
                    + "a whole number of seconds");
        }
    }

    /**
     * A fact about the charger on the bench that decides which variant of an OCA case applies
     * ({@code chargecheck.octt.fixedCable=true}); empty when the tester has not said.
     */
    public Optional<Boolean> octtFact(String name) {
        String value = octt.get(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parseBoolean(value.strip()));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("setting " + PREFIX + "octt." + name + " = '" + value + "' is not valid: expected "
                    + "true or false");
        }
    }

    /** A whole number of the OCA's plan's test data ({@code chargecheck.octt.stackLevel=1}), from {@code min} to {@code max}. */
    public int octtInteger(String name, int fallback, int min, int max) {
        String value = octt.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new SettingsException("setting " + PREFIX + "octt." + name + " = '" + value + "' is not valid: expected "
                    + "a whole number from " + min + " to " + max);
        }
    }

    /** One of a few words of the OCA's plan's test data ({@code chargecheck.octt.chargingRateUnit=W}), as spelt in {@code choices}. */
    public String octtChoice(String name, String fallback, List<String> choices) {
        String value = octt.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return choices.stream().filter(choice -> choice.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new SettingsException("setting " + PREFIX + "octt." + name + " = '" + value
                        + "' is not valid: expected " + String.join(" or ", choices)));
    }

    public boolean isLive() {
        return station == Station.LIVE;
    }

    /** The id of the charge point under test, or empty to accept the first one that connects. */
    public Optional<String> expectedChargePointId() {
        return chargePointIds.isEmpty() ? Optional.empty() : Optional.of(chargePointIds.get(0));
    }

    /** The first charger's id, "" when any may connect. */
    public String chargePointId() {
        return chargePointIds.isEmpty() ? "" : chargePointIds.get(0);
    }

    /** True when several chargers are certified in one run, each with a report of its own. */
    public boolean isMultiCharger() {
        return chargePointIds.size() > 1;
    }

    /** These settings for one of the chargers of a run. */
    public Settings forCharger(String chargePointId) {
        return new Settings(station, listenHost, port, pathPrefix, List.of(chargePointId), securityProfile, keystore,
                keystorePassword, truststore, truststorePassword, authorizationKey, ftpHost, fileTransfer, ftpPort,
                ftpPassivePorts, firmwareFile, acceptedIdTag, rejectedIdTag, sameParentIdTag, otherIdTag, parentIdTag, connector,
                simulatorConnectors, simulatorQuirks, simulatorVariants, parallelism, strict, plan, platform,
                requiredBootFields, bootHeartbeatInterval, testHeartbeatInterval, testMeterInterval, timeouts, reportsDirectory,
                octt);
    }

    /** Waiting on simulated stations costs no core, so several scenarios share one; the machine's cores set how many. */
    static int defaultParallelism() {
        return Math.min(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    private static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static Properties readFile(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new SettingsException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        return properties;
    }

    /** The three places a setting can come from, in order of precedence. */
    private record Sources(Properties system, Map<String, String> environment, Properties file) {

        Optional<String> raw(String key) {
            String value = system.getProperty(PREFIX + key);
            if (value == null && key.equals("station")) {
                // The documented short form: mvn verify -Dstation=live
                value = system.getProperty("station");
            }
            if (value == null) {
                value = environment.get(environmentName(key));
            }
            if (value == null) {
                value = file.getProperty(PREFIX + key, file.getProperty(key));
            }
            return Optional.ofNullable(value).map(String::strip);
        }

        <T> T get(String key, T fallback, Function<String, T> parse, String expected) {
            Optional<String> value = raw(key);
            if (value.isEmpty() || value.get().isEmpty()) {
                return fallback;
            }
            try {
                return parse.apply(value.get());
            } catch (RuntimeException e) {
                throw new SettingsException("setting " + PREFIX + key + " = '" + value.get() + "' is not valid: expected "
                        + expected);
            }
        }

        String text(String key, String fallback) {
            return raw(key).orElse(fallback);
        }

        int integer(String key, int fallback, int min, int max) {
            int value = get(key, fallback, Integer::parseInt, "a whole number");
            if (value < min || value > max) {
                throw new SettingsException("setting " + PREFIX + key + " = " + value + " is out of range: expected "
                        + min + " to " + max);
            }
            return value;
        }

        Duration seconds(String key, int fallback) {
            return Duration.ofSeconds(integer(key, fallback, 1, 86400));
        }

        /** Every setting whose key starts with {@code prefix} (after "chargecheck."), by the rest of its key. */
        Map<String, String> under(String prefix) {
            Map<String, String> found = new java.util.TreeMap<>();
            file.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX + prefix))
                    .forEach(k -> found.put(k.substring((PREFIX + prefix).length()), file.getProperty(k)));
            String environmentPrefix = environmentName(prefix);
            environment.forEach((name, value) -> {
                if (name.startsWith(environmentPrefix)) {
                    found.put(camelCase(name.substring(environmentPrefix.length())), value);
                }
            });
            system.stringPropertyNames().stream().filter(k -> k.startsWith(PREFIX + prefix))
                    .forEach(k -> found.put(k.substring((PREFIX + prefix).length()), system.getProperty(k)));
            return Map.copyOf(found);
        }

        /** FIXED_CABLE to fixedCable. */
        private static String camelCase(String environmentName) {
            StringBuilder name = new StringBuilder();
            boolean upper = false;
            for (char c : environmentName.toLowerCase(Locale.ROOT).toCharArray()) {
                if (c == '_') {
                    upper = true;
                } else {
                    name.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                }
            }
            return name.toString();
        }

        Path path(String key) {
            return raw(key).filter(text -> !text.isEmpty()).map(Path::of).orElse(null);
        }

        List<String> list(String key, List<String> fallback) {
            return raw(key).map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(fallback);
        }

        static String environmentName(String key) {
            return "CHARGECHECK_" + key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }
    }

    /** Lists every setting with its value, passwords hidden: printed at the start of a run. */
    public Map<String, String> describe() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("station", station.name().toLowerCase(Locale.ROOT));
        shown.put("host", listenHost);
        shown.put("port", port == 0 ? "any free port" : String.valueOf(port));
        shown.put("chargePointId", chargePointIds.isEmpty() ? "any" : String.join(",", chargePointIds));
        shown.put("securityProfile", String.valueOf(securityProfile));
        shown.put("connector", String.valueOf(connector));
        shown.put("idTag.accepted", acceptedIdTag);
        shown.put("idTag.rejected", rejectedIdTag);
        shown.put("platform", platform);
        shown.put("plan", plan.name().toLowerCase(Locale.ROOT));
        if (!isLive()) {
            shown.put("parallelism", String.valueOf(parallelism));
        }
        if (strict) {
            shown.put("strict", "true");
        }
        return shown;
    }
}
