package io.chargecheck.simulator;

import java.util.Optional;
import java.util.Set;

/**
 * A legal behaviour that differs from the simulator's defaults, each copying what real chargers
 * do, so that the suite can prove it does not judge chargers by how this simulator happens to
 * behave: with any variant on, every case must pass. The opposite of a {@link Quirk}.
 */
public enum Variant {
    LATE_FINISHING("late-finishing",
            "Finishing comes " + Variant.LATE_FINISHING_MIN_MS + "-" + Variant.LATE_FINISHING_MAX_MS
                    + " ms after the central system answered the StopTransaction (Charging until then), and stays"
                    + " until the cable is unplugged"),
    NO_AUTH_CACHE("no-auth-cache",
            "has no authorization cache: no AuthorizationCacheEnabled key (not listed by GetConfiguration,"
                    + " ChangeConfiguration answers NotSupported), nothing is cached (ClearCache is Accepted, there is"
                    + " nothing to clear), AllowOfflineTxForUnknownId is false"),
    RECONNECT_WITHOUT_BOOT("reconnect-without-boot",
            "was running before the suite started: its first connection sends no BootNotification (nor does a"
                    + " reconnect) until TriggerMessage(BootNotification) asks for one; it reports its statuses and"
                    + " beats at its configured HeartbeatInterval as a registered station; a Reset or power cycle"
                    + " boots as always"),
    REBOOT_REQUIRED_KEYS("reboot-required-keys",
            "ChangeConfiguration of " + String.join(", ", ConfigurationStore.REBOOT_REQUIRED_KEYS) + " to a new"
                    + " value answers RebootRequired; GetConfiguration shows the value in force, and the new one"
                    + " takes effect at the next boot"),
    NOTIFICATIONS_BEFORE_ANSWER("notifications-before-answer",
            "GetDiagnostics is answered only after the upload, its Uploading and Uploaded (or UploadFailed)"
                    + " DiagnosticsStatusNotifications already sent; UpdateFirmware whose retrieveDate has come (within"
                    + " 1 s) is answered after its Downloading FirmwareStatusNotification"),
    NO_CONNECTOR_ZERO_AT_BOOT("no-connector-zero-at-boot",
            "after a boot, StatusNotifications for connectors 1..n only, none for connector 0 (a later change of"
                    + " the station's own status is still reported on connector 0)"),
    SLOW_REPLAY("slow-replay",
            "after a reconnect the transaction messages kept while offline are replayed one at a time, the first"
                    + " a while after the reconnect and the others some seconds apart (SimulatorConfig.replayDelay,"
                    + " default 3 s, and replayGap, default 1 s; real chargers: up to 60 s and several seconds);"
                    + " other messages are not held up"),
    NO_EV_SIDE_DISCONNECT_KEY("no-ev-side-disconnect-key",
            "has no StopTransactionOnEVSideDisconnect key (ChangeConfiguration answers NotSupported), but"
                    + " unplugging the cable stops the transaction all the same (reason EVDisconnected)");

    /** The window in which {@link #LATE_FINISHING} reports Finishing after the StopTransaction answer. */
    public static final int LATE_FINISHING_MIN_MS = 100;
    public static final int LATE_FINISHING_MAX_MS = 500;

    private static final WireNames<Variant> NAMES = new WireNames<>(Variant.class, "variant", Variant::wireName);

    private final String wireName;
    private final String description;

    Variant(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    /** The kebab-case name used on command lines and in configuration. */
    public String wireName() {
        return wireName;
    }

    /** One line: the behaviour of real chargers this copies. */
    public String description() {
        return description;
    }

    public static Optional<Variant> fromWire(String name) {
        return NAMES.fromWire(name);
    }

    /** Parses "a,b,c" (blanks and empty parts ignored); an unknown name fails, listing the known ones. */
    public static Set<Variant> parse(String names) {
        return NAMES.parse(names);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
