package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action.Profile;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything a simulated charge point is given before it is switched on. Build with
 * {@link #builder()}; the defaults suit tests (short back-off, short install times, a fresh
 * temporary state directory).
 *
 * @param centralSystemUrl the central system's URL without the charge point id, e.g.
 *                         {@code ws://127.0.0.1:8887/ocpp}; the simulator appends {@code /<id>}
 * @param password         the Basic auth password (security profile 1), or null for none
 * @param sslContext       for wss:// URLs whose certificate the default trust store does not know, or null
 * @param configuration    initial values of configuration keys, over the simulator's defaults
 * @param stateDirectory   where the offline queue and the availability survive a restart; null for a
 *                         fresh temporary directory
 * @param rebootTime       how long the station is gone during a reset or power cycle
 * @param installTime      how long firmware installation takes
 * @param controlTimeout   the longest a control call waits for the simulator to have acted
 * @param callTimeout      the longest the simulator waits for the central system to answer a call
 * @param transferTimeout  connect and data timeout of the FTP transfers
 * @param variants         legal behaviours that differ from the defaults ({@link Variant})
 * @param replayDelay      with {@link Variant#SLOW_REPLAY}: how long after a reconnect the first kept message goes
 * @param replayGap        with {@link Variant#SLOW_REPLAY}: the pause after each replayed message
 * @param fixedCable       the cable is fixed to the station (UnlockConnector is NotSupported) rather than a socket
 * @param backupPower      on a power cut the station stops its transactions (PowerLoss) before it goes down
 * @param reserveConnectorZero  ReserveConnectorZeroSupported: a reservation may be for the station as a whole
 * @param supportedProfiles     SupportedFeatureProfiles: the calls of a profile not listed are not supported
 *                              (Core always is)
 * @param security              the security extension's setup: profile, certificates ({@link SecuritySetup#NONE} for none)
 */
public record SimulatorConfig(URI centralSystemUrl, String chargePointId, int connectors, Set<Quirk> quirks,
                              String password, SSLContext sslContext, Identity identity,
                              Map<String, String> configuration, Duration reconnectMin, Duration reconnectMax,
                              Path stateDirectory, Duration rebootTime, Duration installTime,
                              Duration controlTimeout, Duration callTimeout, Duration transferTimeout,
                              Set<Variant> variants, Duration replayDelay, Duration replayGap,
                              boolean fixedCable, boolean backupPower, boolean reserveConnectorZero,
                              Set<Profile> supportedProfiles, SecuritySetup security) {

    /** The feature profiles the simulator can have. */
    public static final Set<Profile> SIMULATED_PROFILES = Collections.unmodifiableSet(EnumSet.of(Profile.Core,
            Profile.FirmwareManagement, Profile.LocalAuthListManagement, Profile.Reservation, Profile.SmartCharging,
            Profile.RemoteTrigger));

    /** What the station says about itself in BootNotification. */
    public record Identity(String vendor, String model, String serialNumber, String firmwareVersion, String iccid,
                           String imsi, String meterType, String meterSerialNumber) {

        public static final Identity DEFAULT = new Identity("ChargeCheck", "CC-Sim-2", "CCSIM-000001", "1.0.0",
                "89314404000000000001", "204080000000001", "CC-Meter-3P", "CCM-000001");

        public Identity {
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(model, "model");
        }

        public Identity withSerialNumber(String serial) {
            return new Identity(vendor, model, serial, firmwareVersion, iccid, imsi, meterType, meterSerialNumber);
        }

        public Identity withFirmwareVersion(String version) {
            return new Identity(vendor, model, serialNumber, version, iccid, imsi, meterType, meterSerialNumber);
        }
    }

    public SimulatorConfig {
        Objects.requireNonNull(centralSystemUrl, "centralSystemUrl");
        Objects.requireNonNull(chargePointId, "chargePointId");
        if (chargePointId.isBlank() || chargePointId.contains("/")) {
            throw new IllegalArgumentException("charge point id must be a non-empty path segment, got '" + chargePointId + "'");
        }
        String scheme = centralSystemUrl.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("central system URL must be ws:// or wss://, got " + centralSystemUrl);
        }
        if (connectors < 1) {
            throw new IllegalArgumentException("a charge point has at least one connector, got " + connectors);
        }
        quirks = quirks.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Quirk.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(quirks));
        Objects.requireNonNull(identity, "identity");
        configuration = Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        Objects.requireNonNull(rebootTime, "rebootTime");
        Objects.requireNonNull(installTime, "installTime");
        Objects.requireNonNull(controlTimeout, "controlTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(transferTimeout, "transferTimeout");
        variants = variants.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Variant.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(variants));
        Objects.requireNonNull(replayDelay, "replayDelay");
        Objects.requireNonNull(replayGap, "replayGap");
        if (!supportedProfiles.contains(Profile.Core)) {
            throw new IllegalArgumentException("every charge point supports the Core profile; got " + supportedProfiles);
        }
        if (!SIMULATED_PROFILES.containsAll(supportedProfiles)) {
            throw new IllegalArgumentException("the simulator has the profiles " + SIMULATED_PROFILES + ", not "
                    + supportedProfiles);
        }
        supportedProfiles = Collections.unmodifiableSet(EnumSet.copyOf(supportedProfiles));
        security = security == null ? SecuritySetup.NONE : security;
    }

    public boolean supports(Profile profile) {
        return supportedProfiles.contains(profile);
    }

    /** Where the simulator connects: the central system URL, a slash, the charge point id. */
    public URI endpoint() {
        String base = centralSystemUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + chargePointId);
    }

    public boolean has(Quirk quirk) {
        return quirks.contains(quirk);
    }

    public boolean has(Variant variant) {
        return variants.contains(variant);
    }

    public Optional<String> basicAuthPassword() {
        return Optional.ofNullable(password);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.centralSystemUrl = centralSystemUrl;
        b.chargePointId = chargePointId;
        b.connectors = connectors;
        b.quirks = EnumSet.noneOf(Quirk.class);
        b.quirks.addAll(quirks);
        b.password = password;
        b.sslContext = sslContext;
        b.identity = identity;
        b.configuration = new LinkedHashMap<>(configuration);
        b.reconnectMin = reconnectMin;
        b.reconnectMax = reconnectMax;
        b.stateDirectory = stateDirectory;
        b.rebootTime = rebootTime;
        b.installTime = installTime;
        b.controlTimeout = controlTimeout;
        b.callTimeout = callTimeout;
        b.transferTimeout = transferTimeout;
        b.variants = EnumSet.noneOf(Variant.class);
        b.variants.addAll(variants);
        b.replayDelay = replayDelay;
        b.replayGap = replayGap;
        b.fixedCable = fixedCable;
        b.backupPower = backupPower;
        b.reserveConnectorZero = reserveConnectorZero;
        b.supportedProfiles = EnumSet.copyOf(supportedProfiles);
        b.security = security;
        return b;
    }

    public static final class Builder {
        private URI centralSystemUrl;
        private String chargePointId = "CP-1";
        private int connectors = 2;
        private EnumSet<Quirk> quirks = EnumSet.noneOf(Quirk.class);
        private String password;
        private SSLContext sslContext;
        private Identity identity = Identity.DEFAULT;
        private Map<String, String> configuration = new LinkedHashMap<>();
        private Duration reconnectMin = Duration.ofMillis(100);
        private Duration reconnectMax = Duration.ofSeconds(2);
        private Path stateDirectory;
        private Duration rebootTime = Duration.ofMillis(200);
        private Duration installTime = Duration.ofMillis(300);
        private Duration controlTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration transferTimeout = Duration.ofSeconds(10);
        private EnumSet<Variant> variants = EnumSet.noneOf(Variant.class);
        private Duration replayDelay = Duration.ofSeconds(3);
        private Duration replayGap = Duration.ofSeconds(1);
        private boolean fixedCable;
        private boolean backupPower;
        private boolean reserveConnectorZero;
        private EnumSet<Profile> supportedProfiles = EnumSet.copyOf(SIMULATED_PROFILES);
        private SecuritySetup security = SecuritySetup.NONE;

        private Builder() {
        }

        public Builder centralSystemUrl(String url) {
            return centralSystemUrl(URI.create(url));
        }

        public Builder centralSystemUrl(URI url) {
            this.centralSystemUrl = url;
            return this;
        }

        public Builder chargePointId(String id) {
            this.chargePointId = id;
            return this;
        }

        public Builder connectors(int count) {
            this.connectors = count;
            return this;
        }

        public Builder quirks(Set<Quirk> quirks) {
            this.quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
            return this;
        }

        public Builder quirk(Quirk quirk) {
            this.quirks.add(quirk);
            return this;
        }

        public Builder variants(Set<Variant> variants) {
            this.variants = variants.isEmpty() ? EnumSet.noneOf(Variant.class) : EnumSet.copyOf(variants);
            return this;
        }

        public Builder variant(Variant variant) {
            this.variants.add(variant);
            return this;
        }

        /** The pace of {@link Variant#SLOW_REPLAY}: the first kept message {@code delay} after a reconnect, then one per {@code gap}. */
        public Builder slowReplay(Duration delay, Duration gap) {
            this.replayDelay = delay;
            this.replayGap = gap;
            return this;
        }

        /** The cable is fixed to the station (a tethered cable), not plugged into a socket. */
        public Builder fixedCable(boolean fixed) {
            this.fixedCable = fixed;
            return this;
        }

        /** The station has backup power: on a power cut it stops its transactions before it goes down. */
        public Builder backupPower(boolean backup) {
            this.backupPower = backup;
            return this;
        }

        /** ReserveConnectorZeroSupported: ReserveNow for connector 0 reserves a connector of the station. */
        public Builder reserveConnectorZero(boolean supported) {
            this.reserveConnectorZero = supported;
            return this;
        }

        /** SupportedFeatureProfiles; Core is always among them. */
        public Builder supportedProfiles(Set<Profile> profiles) {
            this.supportedProfiles = profiles.isEmpty() ? EnumSet.noneOf(Profile.class) : EnumSet.copyOf(profiles);
            return this;
        }

        /** The security extension's setup: the profile it starts with, its certificates. */
        public Builder security(SecuritySetup setup) {
            this.security = setup;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder identity(Identity identity) {
            this.identity = identity;
            return this;
        }

        /** Sets the initial value of a configuration key (checked like a ChangeConfiguration when the simulator starts). */
        public Builder configure(String key, String value) {
            this.configuration.put(key, value);
            return this;
        }

        public Builder reconnectBackOff(Duration min, Duration max) {
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        public Builder stateDirectory(Path directory) {
            this.stateDirectory = directory;
            return this;
        }

        public Builder rebootTime(Duration time) {
            this.rebootTime = time;
            return this;
        }

        public Builder installTime(Duration time) {
            this.installTime = time;
            return this;
        }

        public Builder controlTimeout(Duration timeout) {
            this.controlTimeout = timeout;
            return this;
        }

        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        public Builder transferTimeout(Duration timeout) {
            this.transferTimeout = timeout;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(centralSystemUrl, chargePointId, connectors, quirks, password, sslContext,
                    identity, configuration, reconnectMin, reconnectMax, stateDirectory, rebootTime, installTime,
                    controlTimeout, callTimeout, transferTimeout, variants, replayDelay, replayGap, fixedCable,
                    backupPower, reserveConnectorZero, supportedProfiles, security);
        }
    }
}
