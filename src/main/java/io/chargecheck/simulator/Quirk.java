package io.chargecheck.simulator;

import java.util.Optional;
import java.util.Set;

/**
 * A named misbehaviour of the simulator, each a copy of a defect seen in real chargers, so that
 * the suite can prove it catches it. {@link #testCase()} is the number of the vendor script's case
 * that should fail when the quirk is on.
 */
public enum Quirk {
    BOOT_WITHOUT_SERIAL("boot-without-serial", 1,
            "BootNotification leaves out chargePointSerialNumber"),
    NO_HEARTBEAT("no-heartbeat", 2,
            "never sends a Heartbeat of its own (a triggered one still comes)"),
    HEARTBEAT_INTERVAL_IGNORED("heartbeat-interval-ignored", 2,
            "accepts a new HeartbeatInterval but keeps beating at the interval of the boot"),
    NO_CONNECTOR_ZERO_STATUS("no-connector-zero-status", 3,
            "never sends a StatusNotification for connector 0, the station itself"),
    AVAILABILITY_NOT_REPORTED("availability-not-reported", 3,
            "ChangeAvailability is Accepted and applied, but no StatusNotification follows"),
    UNKNOWN_KEY_NOT_REPORTED("unknown-key-not-reported", 4,
            "GetConfiguration with an unknown key leaves it out of unknownKey"),
    KEY_NOT_SUPPORTED("key-not-supported", 5,
            "ChangeConfiguration of the standard key ConnectionTimeOut answers NotSupported"),
    REJECT_CHANGE_CONFIGURATION("reject-change-configuration", 5,
            "every ChangeConfiguration is Rejected"),
    REMOTE_START_IGNORED("remote-start-ignored", 6,
            "RemoteStartTransaction is Accepted, then nothing happens"),
    LOCAL_START_WITHOUT_AUTHORIZE("local-start-without-authorize", 6,
            "a card presented with the cable already in goes straight to StartTransaction, without Authorize"),
    START_DESPITE_REJECTED_CARD("start-despite-rejected-card", 6,
            "a card the central system rejects in Authorize still starts a transaction"),
    REMOTE_STOP_IGNORED("remote-stop-ignored", 7,
            "RemoteStopTransaction is Accepted, the transaction goes on"),
    LOCAL_STOP_IGNORED("local-stop-ignored", 7,
            "presenting the card of a running transaction again does not stop it"),
    UNPLUG_DOES_NOT_STOP("unplug-does-not-stop", 7,
            "unplugging the cable during a transaction sends no StopTransaction"),
    REJECT_MEASURAND("reject-measurand", 8,
            "ChangeConfiguration of MeterValuesSampledData is Rejected when it names Voltage"),
    NO_METER_VALUES("no-meter-values", 8,
            "sends no periodic MeterValues during a transaction"),
    METER_INTERVAL_IGNORED("meter-interval-ignored", 8,
            "sends periodic MeterValues every " + Quirk.FIXED_METER_INTERVAL_SECONDS
                    + " s whatever MeterValueSampleInterval says"),
    NO_TRANSACTION_METER_VALUES("no-transaction-meter-values", 8,
            "no meter values at start and stop: no Transaction.Begin sample, StopTransaction without transactionData"),
    METER_VALUES_ENERGY_ONLY("meter-values-energy-only", 8,
            "MeterValues carry only Energy.Active.Import.Register, whatever MeterValuesSampledData asks for"),
    HARD_RESET_IGNORED("hard-reset-ignored", 9,
            "Reset Hard is Accepted, then nothing happens"),
    SOFT_RESET_IGNORED("soft-reset-ignored", 9,
            "Reset Soft is Accepted, then nothing happens"),
    SOFT_RESET_NEEDS_SECOND_ATTEMPT("soft-reset-needs-second-attempt", 9,
            "the first Reset Soft is Accepted but nothing happens; the second one works"),
    FAULT_WITHOUT_ERROR_CODE("fault-without-error-code", 10,
            "reports Faulted with errorCode NoError"),
    STATION_FAULT_ON_CONNECTOR_ONE("station-fault-on-connector-one", 10,
            "a fault of the station itself (connector 0) is reported on connector 1"),
    WRONG_STATUS_AFTER_UNPLUG("wrong-status-after-unplug", 11,
            "after the cable is unplugged the connector stays Finishing or Preparing instead of Available,"
                    + " until normal operation is restored (clearFault) or it reboots"),
    CONNECTION_TIMEOUT_IGNORED("connection-timeout-ignored", 11,
            "a card presented with no cable plugged leaves the connector Preparing forever"),
    FIRMWARE_NEVER_INSTALLED("firmware-never-installed", 12,
            "firmware is downloaded, Installing is sent, Installed never comes"),
    FIRMWARE_NO_REBOOT("firmware-no-reboot", 12,
            "firmware is reported Installed but the station never reboots"),
    FIRMWARE_NOT_DOWNLOADED("firmware-not-downloaded", 12,
            "reports Downloading, Downloaded, Installing, Installed and reboots with the same version, but never"
                    + " contacts the file server"),
    DIAGNOSTICS_NEVER_UPLOADED("diagnostics-never-uploaded", 13,
            "GetDiagnostics answers a file name and sends Uploading, then uploads nothing"),
    DIAGNOSTICS_NO_FILE_NAME("diagnostics-no-file-name", 13,
            "GetDiagnostics is answered without a file name (the upload still happens)"),
    LOSE_QUEUED_STOP_TRANSACTION("lose-queued-stop-transaction", 14,
            "a StopTransaction that happens while offline is never sent"),
    OFFLINE_WRONG_TRANSACTION_ID("offline-wrong-transaction-id", 14,
            "replayed MeterValues and StopTransaction keep the local placeholder transactionId"),
    OFFLINE_NOT_REPLAYED("offline-not-replayed", 14,
            "the messages queued while offline are dropped on reconnect"),
    REPLAY_OUT_OF_ORDER_LATE("replay-out-of-order-late", 14,
            "a transaction that ends offline takes a last reading (MeterValues, timestamped 1 s before the stop); on"
                    + " replay that reading comes " + Quirk.LATE_REPLAY_SECONDS + " s after the StopTransaction was"
                    + " answered, out of order"),
    HEARTBEATS_STOP_AFTER_RECONNECT("heartbeats-stop-after-reconnect", 14,
            "no Heartbeat after a network reconnect until the next boot (a triggered one still comes)"),
    IGNORE_CLEAR_CACHE("ignore-clear-cache", 15,
            "ClearCache is Rejected"),
    TRIGGER_MESSAGE_NOT_IMPLEMENTED("trigger-message-not-implemented", 16,
            "TriggerMessage is answered NotImplemented"),
    TRIGGER_ACCEPTED_NOTHING_SENT("trigger-accepted-nothing-sent", 16,
            "TriggerMessage is Accepted, the requested message never comes");

    /** The interval {@link #METER_INTERVAL_IGNORED} samples at, far from the suite's 1-2 s settings. */
    public static final int FIXED_METER_INTERVAL_SECONDS = 5;

    /** How long after the StopTransaction's answer {@link #REPLAY_OUT_OF_ORDER_LATE} sends the late reading. */
    public static final int LATE_REPLAY_SECONDS = 3;

    private static final WireNames<Quirk> NAMES = new WireNames<>(Quirk.class, "quirk", Quirk::wireName);

    private final String wireName;
    private final int testCase;
    private final String description;

    Quirk(String wireName, int testCase, String description) {
        this.wireName = wireName;
        this.testCase = testCase;
        this.description = description;
    }

    /** The kebab-case name used on command lines and in configuration. */
    public String wireName() {
        return wireName;
    }

    public int testCase() {
        return testCase;
    }

    /** One line: the real defect this copies. */
    public String description() {
        return description;
    }

    public static Optional<Quirk> fromWire(String name) {
        return NAMES.fromWire(name);
    }

    /** Parses "a,b,c" (blanks and empty parts ignored); an unknown name fails, listing the known ones. */
    public static Set<Quirk> parse(String names) {
        return NAMES.parse(names);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
