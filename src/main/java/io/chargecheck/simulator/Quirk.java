package io.chargecheck.simulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A named misbehaviour of the simulator, each a copy of a defect seen in real chargers, so that
 * the suite can prove it catches it. {@link #testCase()} is the number of the vendor script's case
 * that should fail when the quirk is on ({@link #NO_SCRIPT_CASE} for a defect only the OCA's plan
 * looks for); {@link #octtCases()} are the OCA test cases (OCTT 1.6, {@code TC_001_CS} style)
 * whose tool validations it breaks, the one it was made for first.
 */
public enum Quirk {
    BOOT_WITHOUT_SERIAL("boot-without-serial", 1,
            "BootNotification leaves out chargePointSerialNumber"),
    NO_HEARTBEAT("no-heartbeat", 2,
            "never sends a Heartbeat of its own (a triggered one still comes)",
            "TC_001_CS", "TC_002_CS"),
    HEARTBEAT_INTERVAL_IGNORED("heartbeat-interval-ignored", 2,
            "accepts a new HeartbeatInterval but keeps beating at the interval of the boot"),
    NO_CONNECTOR_ZERO_STATUS("no-connector-zero-status", 3,
            "never sends a StatusNotification for connector 0, the station itself",
            "TC_001_CS", "TC_002_CS", "TC_034_CS", "TC_013_CS", "TC_014_CS", "TC_015_CS", "TC_016_CS", "TC_032_1_CS",
            "TC_032_2_CS", "TC_050_1_CS", "TC_050_3_CS", "TC_080_CS", "TC_085_CS", "TC_086_CS", "TC_087_CS"),
    AVAILABILITY_NOT_REPORTED("availability-not-reported", 3,
            "ChangeAvailability is Accepted and applied, but no StatusNotification follows",
            "TC_013_CS", "TC_014_CS", "TC_034_CS", "TC_048_3_CS", "TC_050_3_CS", "TC_046_1_CS", "TC_047_CS", "TC_049_CS", "TC_053_CS"),
    UNKNOWN_KEY_NOT_REPORTED("unknown-key-not-reported", 4,
            "GetConfiguration with an unknown key leaves it out of unknownKey"),
    KEY_NOT_SUPPORTED("key-not-supported", 5,
            "ChangeConfiguration of the standard key ConnectionTimeOut answers NotSupported"),
    REJECT_CHANGE_CONFIGURATION("reject-change-configuration", 5,
            "every ChangeConfiguration is Rejected",
            "TC_021_CS", "TC_002_CS", "TC_040_1_CS", "TC_073_CS", "TC_083_CS"),
    REMOTE_START_IGNORED("remote-start-ignored", 6,
            "RemoteStartTransaction is Accepted, then nothing happens (so every case that starts from Charging fails)",
            "TC_010_CS", "TC_011_1_CS", "TC_011_2_CS", "TC_012_CS", "TC_068_CS", "TC_069_CS", "TC_005_1_CS",
            "TC_005_2_CS", "TC_005_3_CS", "TC_007_CS", "TC_018_1_CS", "TC_018_2_CS", "TC_015_CS", "TC_016_CS",
            "TC_024_CS", "TC_026_CS", "TC_028_CS", "TC_032_1_CS", "TC_032_2_CS", "TC_036_CS", "TC_038_CS", "TC_070_CS",
            "TC_071_CS", "TC_008_CS", "TC_046_2_CS", "TC_047_CS", "TC_049_CS", "TC_051_CS", "TC_057_CS", "TC_058_2_CS", "TC_059_CS", "TC_066_CS", "TC_082_CS"),
    LOCAL_START_WITHOUT_AUTHORIZE("local-start-without-authorize", 6,
            "a card presented with the cable already in goes straight to StartTransaction, without Authorize",
            "TC_003_CS", "TC_023_CS"),
    START_DESPITE_REJECTED_CARD("start-despite-rejected-card", 6,
            "a card the central system rejects in Authorize still starts a transaction",
            "TC_023_CS"),
    REMOTE_STOP_IGNORED("remote-stop-ignored", 7,
            "RemoteStopTransaction is Accepted, the transaction goes on",
            "TC_012_CS", "TC_005_3_CS"),
    LOCAL_STOP_IGNORED("local-stop-ignored", 7,
            "presenting the card of a running transaction again does not stop it",
            "TC_068_CS", "TC_007_CS", "TC_038_CS", "TC_039_CS"),
    UNPLUG_DOES_NOT_STOP("unplug-does-not-stop", 7,
            "unplugging the cable during a transaction, at either end, sends no StopTransaction",
            "TC_005_1_CS", "TC_005_2_CS"),
    REJECT_MEASURAND("reject-measurand", 8,
            "ChangeConfiguration of MeterValuesSampledData is Rejected when it names Voltage"),
    NO_METER_VALUES("no-meter-values", 8,
            "sends no periodic MeterValues during a transaction",
            "TC_070_CS", "TC_036_CS"),
    METER_INTERVAL_IGNORED("meter-interval-ignored", 8,
            "sends periodic MeterValues every " + Quirk.FIXED_METER_INTERVAL_SECONDS
                    + " s whatever MeterValueSampleInterval says (even 0: TC_071_CS then sees readings between its boundaries)",
            "TC_070_CS", "TC_036_CS", "TC_071_CS"),
    NO_TRANSACTION_METER_VALUES("no-transaction-meter-values", 8,
            "no meter values at start and stop: no Transaction.Begin sample, StopTransaction without transactionData"),
    METER_VALUES_ENERGY_ONLY("meter-values-energy-only", 8,
            "MeterValues carry only Energy.Active.Import.Register, whatever MeterValuesSampledData asks for",
            "TC_070_CS"),
    HARD_RESET_IGNORED("hard-reset-ignored", 9,
            "Reset Hard is Accepted, then nothing happens",
            "TC_013_CS", "TC_015_CS", "TC_085_CS", "TC_086_CS", "TC_087_CS"),
    SOFT_RESET_IGNORED("soft-reset-ignored", 9,
            "Reset Soft is Accepted, then nothing happens",
            "TC_016_CS"),
    SOFT_RESET_NEEDS_SECOND_ATTEMPT("soft-reset-needs-second-attempt", 9,
            "the first Reset Soft is Accepted but nothing happens; the second one works"),
    FAULT_WITHOUT_ERROR_CODE("fault-without-error-code", 10,
            "reports Faulted with errorCode NoError",
            "TC_024_CS"),
    STATION_FAULT_ON_CONNECTOR_ONE("station-fault-on-connector-one", 10,
            "a fault of the station itself (connector 0) is reported on connector 1",
            "TC_050_1_CS"),
    WRONG_STATUS_AFTER_UNPLUG("wrong-status-after-unplug", 11,
            "after the cable is unplugged the connector stays Finishing or Preparing instead of Available,"
                    + " until normal operation is restored (clearFault) or it reboots",
            "TC_018_1_CS", "TC_007_CS"),
    CONNECTION_TIMEOUT_IGNORED("connection-timeout-ignored", 11,
            "a card presented (or a remote start) with no cable plugged leaves the connector Preparing forever",
            "TC_004_2_CS", "TC_011_2_CS"),
    FIRMWARE_NEVER_INSTALLED("firmware-never-installed", 12,
            "firmware is downloaded, Installing is sent, Installed never comes",
            "TC_044_1_CS", "TC_044_3_CS"),
    FIRMWARE_NO_REBOOT("firmware-no-reboot", 12,
            "firmware is reported Installed but the station never reboots",
            "TC_044_1_CS"),
    FIRMWARE_NOT_DOWNLOADED("firmware-not-downloaded", 12,
            "reports Downloading, Downloaded, Installing, Installed and reboots with the same version, but never"
                    + " contacts the file server",
            "TC_044_1_CS", "TC_044_2_CS", "TC_044_3_CS"),
    DIAGNOSTICS_NEVER_UPLOADED("diagnostics-never-uploaded", 13,
            "GetDiagnostics answers a file name and sends Uploading, then uploads nothing",
            "TC_045_1_CS", "TC_045_2_CS"),
    DIAGNOSTICS_NO_FILE_NAME("diagnostics-no-file-name", 13,
            "GetDiagnostics is answered without a file name (the upload still happens)"),
    LOSE_QUEUED_STOP_TRANSACTION("lose-queued-stop-transaction", 14,
            "a StopTransaction that happens while offline is never sent",
            "TC_038_CS", "TC_039_CS", "TC_032_2_CS", "TC_015_CS"),
    OFFLINE_WRONG_TRANSACTION_ID("offline-wrong-transaction-id", 14,
            "replayed MeterValues and StopTransaction keep the local placeholder transactionId"),
    OFFLINE_NOT_REPLAYED("offline-not-replayed", 14,
            "the messages queued while offline are dropped on reconnect",
            "TC_036_CS", "TC_038_CS", "TC_039_CS", "TC_037_1_CS", "TC_037_2_CS", "TC_037_3_CS"),
    REPLAY_OUT_OF_ORDER_LATE("replay-out-of-order-late", 14,
            "a transaction that ends offline takes a last reading (MeterValues, timestamped 1 s before the stop); on"
                    + " replay that reading comes " + Quirk.LATE_REPLAY_SECONDS + " s after the StopTransaction was"
                    + " answered, out of order",
            "TC_038_CS"),
    HEARTBEATS_STOP_AFTER_RECONNECT("heartbeats-stop-after-reconnect", 14,
            "no Heartbeat after a network reconnect until the next boot (a triggered one still comes)"),
    IGNORE_CLEAR_CACHE("ignore-clear-cache", 15,
            "ClearCache is Rejected",
            "TC_061_CS"),
    TRIGGER_MESSAGE_NOT_IMPLEMENTED("trigger-message-not-implemented", 16,
            "TriggerMessage is answered NotImplemented",
            "TC_054_CS", "TC_055_CS"),
    TRIGGER_ACCEPTED_NOTHING_SENT("trigger-accepted-nothing-sent", 16,
            "TriggerMessage is Accepted, the requested message never comes",
            "TC_054_CS"),

    // ---- smart charging (OCTT 1.6, section 2.22); the first is caught beyond the OCA's plan, under chargecheck.strict

    CHARGES_AT_FULL_POWER("charges-at-full-power", Quirk.NO_SCRIPT_CASE,
            "accepts charging profiles and reports them in its composite schedule, but keeps charging at full power"
                    + " (16 A on three phases in its MeterValues)",
            "TC_057_CS", "TC_082_CS"),
    COMPOSITE_WITHOUT_TX_DEFAULT_WHEN_IDLE("composite-without-tx-default-when-idle", Quirk.NO_SCRIPT_CASE,
            "GetCompositeSchedule leaves out the TxDefaultProfiles while no transaction runs",
            "TC_056_CS", "TC_067_CS", "TC_072_CS"),
    COMPOSITE_WITHOUT_TX_PROFILE("composite-without-tx-profile", Quirk.NO_SCRIPT_CASE,
            "GetCompositeSchedule leaves out the TxProfile of the running transaction (the charging still follows it)",
            "TC_057_CS", "TC_066_CS", "TC_059_CS"),
    TX_PROFILE_WITHOUT_TRANSACTION_ACCEPTED("tx-profile-without-transaction-accepted", Quirk.NO_SCRIPT_CASE,
            "SetChargingProfile with a TxProfile for a connector where no transaction runs is Accepted (and dropped)",
            "TC_058_1_CS"),
    TX_PROFILE_TRANSACTION_ID_NOT_CHECKED("tx-profile-transaction-id-not-checked", Quirk.NO_SCRIPT_CASE,
            "a TxProfile naming another transaction than the one running at its connector is Accepted and applied"
                    + " to the running one",
            "TC_058_2_CS"),
    TX_DEFAULT_ONLY_FOR_NEXT_TRANSACTION("tx-default-only-for-next-transaction", Quirk.NO_SCRIPT_CASE,
            "a TxDefaultProfile set while a transaction runs applies from the next transaction on, not to the"
                    + " running one (neither its charging nor its composite schedule)",
            "TC_082_CS"),
    COMPOSITE_WITHOUT_CHARGE_POINT_MAX("composite-without-charge-point-max", Quirk.NO_SCRIPT_CASE,
            "GetCompositeSchedule leaves out the ChargePointMaxProfile (the charging still follows it)",
            "TC_066_CS", "TC_067_CS"),
    CLEAR_CHARGING_PROFILE_IGNORED("clear-charging-profile-ignored", Quirk.NO_SCRIPT_CASE,
            "ClearChargingProfile is Accepted when a profile matches, but every profile stays",
            "TC_067_CS"),
    STACK_LEVELS_IGNORED("stack-levels-ignored", Quirk.NO_SCRIPT_CASE,
            "a charging profile replaces the one of the same purpose on its connector whatever their stack levels"
                    + " (the newest wins)",
            "TC_072_CS", "TC_067_CS"),
    REMOTE_START_PROFILE_IGNORED("remote-start-profile-ignored", Quirk.NO_SCRIPT_CASE,
            "the TxProfile of a RemoteStartTransaction is dropped: the transaction starts without it",
            "TC_059_CS"),
    REMOTE_START_PROFILE_PURPOSE_NOT_CHECKED("remote-start-profile-purpose-not-checked", Quirk.NO_SCRIPT_CASE,
            "RemoteStartTransaction with a charging profile other than a TxProfile is Accepted (the profile dropped)",
            "TC_060_CS"),

    // ---- defects only the OCA's test plan looks for (OCTT 1.6, sections 2.1-2.21 and 2.23)

    BOOT_RETRY_IGNORES_INTERVAL("boot-retry-ignores-interval", Quirk.NO_SCRIPT_CASE,
            "after a Rejected or Pending BootNotification it boots again after " + Quirk.EARLY_BOOT_RETRY_MS
                    + " ms, whatever interval the answer gave",
            "TC_001_CS", "TC_002_CS"),
    CONFIGURATION_REFUSED_WHILE_PENDING("configuration-refused-while-pending", Quirk.NO_SCRIPT_CASE,
            "while its registration is Pending, ChangeConfiguration is Rejected",
            "TC_002_CS"),
    CABLE_FIRST_START_IGNORED("cable-first-start-ignored", Quirk.NO_SCRIPT_CASE,
            "with the cable already in, an accepted card starts nothing (the connector stays Preparing); online only",
            "TC_003_CS"),
    CARD_FIRST_START_IGNORED("card-first-start-ignored", Quirk.NO_SCRIPT_CASE,
            "a card accepted before the cable: plugging in afterwards starts nothing (stays Preparing)",
            "TC_004_1_CS", "TC_046_1_CS", "TC_053_CS"),
    ANY_CARD_STOPS("any-card-stops", Quirk.NO_SCRIPT_CASE,
            "any valid card stops a running transaction (after an Authorize), not only its own or one of its group",
            "TC_068_CS"),
    PARENT_ID_TAG_IGNORED("parent-id-tag-ignored", Quirk.NO_SCRIPT_CASE,
            "a card with the parentIdTag of the running transaction's card does not stop it (no Authorize either)",
            "TC_069_CS"),
    EV_DISCONNECT_REPORTS_AVAILABLE("ev-disconnect-reports-available", Quirk.NO_SCRIPT_CASE,
            "after the cable is pulled out of the EV it reports Available, though the cable is still in its socket",
            "TC_005_1_CS", "TC_005_3_CS"),
    EV_SIDE_DISCONNECT_STOPS_ANYWAY("ev-side-disconnect-stops-anyway", Quirk.NO_SCRIPT_CASE,
            "the cable pulled out of the EV stops the transaction even when StopTransactionOnEVSideDisconnect is false",
            "TC_005_3_CS"),
    LOCAL_PRE_AUTHORIZE_IGNORED("local-pre-authorize-ignored", Quirk.NO_SCRIPT_CASE,
            "sends Authorize for a card its cache or local list already accepts, whatever LocalPreAuthorize says",
            "TC_007_CS", "TC_008_CS"),
    CLEAR_CACHE_INEFFECTIVE("clear-cache-ineffective", Quirk.NO_SCRIPT_CASE,
            "ClearCache is Accepted but the cache keeps its cards",
            "TC_061_CS"),
    REMOTE_START_WITHOUT_PREPARING("remote-start-without-preparing", Quirk.NO_SCRIPT_CASE,
            "a remote start waiting for the cable leaves the connector Available (no Preparing) until the cable comes",
            "TC_011_1_CS", "TC_011_2_CS", "TC_024_CS"),
    REMOTE_STOP_REASON_LOCAL("remote-stop-reason-local", Quirk.NO_SCRIPT_CASE,
            "a transaction stopped by RemoteStopTransaction ends with reason Local instead of Remote",
            "TC_012_CS", "TC_005_3_CS"),
    AVAILABILITY_LOST_ON_REBOOT("availability-lost-on-reboot", Quirk.NO_SCRIPT_CASE,
            "an Inoperative connector or station is Operative again after a reboot or power cycle",
            "TC_013_CS", "TC_014_CS", "TC_034_CS"),
    RESET_STOP_REASON_OTHER("reset-stop-reason-other", Quirk.NO_SCRIPT_CASE,
            "a transaction ended by a Reset has reason Other instead of HardReset or SoftReset",
            "TC_015_CS", "TC_016_CS"),
    UNLOCK_FAILS("unlock-fails", Quirk.NO_SCRIPT_CASE,
            "every UnlockConnector is answered UnlockFailed",
            "TC_017_1_CS", "TC_018_1_CS", "TC_005_2_CS"),
    FIXED_CABLE_UNLOCKS("fixed-cable-unlocks", Quirk.NO_SCRIPT_CASE,
            "a station with a fixed cable answers UnlockConnector Unlocked (and stops the transaction) instead of"
                    + " NotSupported",
            "TC_017_2_CS", "TC_018_2_CS"),
    UNLOCK_KEEPS_TRANSACTION("unlock-keeps-transaction", Quirk.NO_SCRIPT_CASE,
            "UnlockConnector during a transaction is answered Unlocked, but the transaction goes on",
            "TC_018_1_CS"),
    CONFIGURATION_KEY_LIST_TRUNCATED("configuration-key-list-truncated", Quirk.NO_SCRIPT_CASE,
            "GetConfiguration naming more than " + Quirk.TRUNCATED_KEY_LIST + " keys answers the first "
                    + Quirk.TRUNCATED_KEY_LIST + " only, the others neither known nor unknown",
            "TC_019_CS"),
    CHANGED_VALUE_NOT_STORED("changed-value-not-stored", Quirk.NO_SCRIPT_CASE,
            "ChangeConfiguration is Accepted but the key keeps its old value",
            "TC_021_CS", "TC_005_3_CS", "TC_036_CS", "TC_037_2_CS", "TC_040_2_CS", "TC_070_CS", "TC_071_CS", "TC_042_1_CS"),
    METER_VALUES_NOT_CLOCK_ALIGNED("meter-values-not-clock-aligned", Quirk.NO_SCRIPT_CASE,
            "clock-aligned MeterValues go every ClockAlignedDataInterval counted from when it was set, not at the"
                    + " clock's whole intervals",
            "TC_071_CS"),
    LOCK_FAILURE_NOT_REPORTED("lock-failure-not-reported", Quirk.NO_SCRIPT_CASE,
            "a cable whose lock fails gives no Faulted ConnectorLockFailure; the connector stays Preparing",
            "TC_024_CS"),
    REMOTE_START_ON_BUSY_CONNECTOR_ACCEPTED("remote-start-on-busy-connector-accepted", Quirk.NO_SCRIPT_CASE,
            "RemoteStartTransaction for a connector that already charges is Accepted (and nothing follows)",
            "TC_026_CS"),
    REMOTE_START_CONNECTOR_ZERO_ACCEPTED("remote-start-connector-zero-accepted", Quirk.NO_SCRIPT_CASE,
            "RemoteStartTransaction for connector 0 is Accepted and taken as any connector",
            "TC_027_CS"),
    REMOTE_STOP_UNKNOWN_ACCEPTED("remote-stop-unknown-accepted", Quirk.NO_SCRIPT_CASE,
            "RemoteStopTransaction for a transaction that does not run is Accepted",
            "TC_028_CS"),
    UNLOCK_FAILURE_HIDDEN("unlock-failure-hidden", Quirk.NO_SCRIPT_CASE,
            "an unlock that fails (a blocked lock) is answered Unlocked",
            "TC_030_CS"),
    UNLOCK_UNKNOWN_CONNECTOR_UNLOCKED("unlock-unknown-connector-unlocked", Quirk.NO_SCRIPT_CASE,
            "UnlockConnector for a connector the station does not have is answered Unlocked",
            "TC_031_CS"),
    BACKUP_POWER_UNUSED("backup-power-unused", Quirk.NO_SCRIPT_CASE,
            "a station with backup power goes down on a power cut without stopping its transactions first",
            "TC_032_1_CS"),
    POWER_LOSS_REASON_OTHER("power-loss-reason-other", Quirk.NO_SCRIPT_CASE,
            "a transaction ended by a power loss has reason Other instead of PowerLoss",
            "TC_032_1_CS", "TC_032_2_CS"),
    OFFLINE_METER_VALUES_DROPPED("offline-meter-values-dropped", Quirk.NO_SCRIPT_CASE,
            "MeterValues sampled while offline are not kept (StartTransaction and StopTransaction are)",
            "TC_036_CS"),
    OFFLINE_START_REFUSED("offline-start-refused", Quirk.NO_SCRIPT_CASE,
            "offline, no card starts a transaction, whatever the local list, the cache, LocalAuthorizeOffline and"
                    + " AllowOfflineTxForUnknownId say",
            "TC_037_1_CS", "TC_037_2_CS", "TC_037_3_CS", "TC_039_CS"),
    START_ANSWER_INVALID_IGNORED("start-answer-invalid-ignored", Quirk.NO_SCRIPT_CASE,
            "a StartTransaction answered Invalid changes nothing: it neither stops (StopTransactionOnInvalidId) nor"
                    + " suspends (MaxEnergyOnInvalidId)",
            "TC_037_2_CS", "TC_037_3_CS"),
    UNKNOWN_KEY_REJECTED("unknown-key-rejected", Quirk.NO_SCRIPT_CASE,
            "ChangeConfiguration of a key the station does not have is Rejected instead of NotSupported",
            "TC_040_1_CS"),
    INVALID_VALUE_ACCEPTED("invalid-value-accepted", Quirk.NO_SCRIPT_CASE,
            "ChangeConfiguration with a value the key cannot take (MeterValueSampleInterval=-1) is Accepted (and not"
                    + " stored)",
            "TC_040_2_CS"),
    STARTS_WHILE_FAULTED("starts-while-faulted", Quirk.NO_SCRIPT_CASE,
            "a faulted connector or station still starts a transaction for an accepted card",
            "TC_041_CS"),
    LOCAL_LIST_VERSION_WHEN_DISABLED("local-list-version-when-disabled", Quirk.NO_SCRIPT_CASE,
            "GetLocalListVersion answers the list's version even when LocalAuthListEnabled is false (not -1)",
            "TC_042_1_CS"),
    EMPTY_LOCAL_LIST_VERSION_KEPT("empty-local-list-version-kept", Quirk.NO_SCRIPT_CASE,
            "an empty local list reports the version of the update that emptied it instead of 0",
            "TC_042_2_CS"),
    DIFFERENTIAL_UPDATE_REJECTED("differential-update-rejected", Quirk.NO_SCRIPT_CASE,
            "SendLocalList Differential is answered Failed",
            "TC_043_CS", "TC_043_2_CS"),
    LOCAL_LIST_ACCEPTED_WITHOUT_PROFILE("local-list-accepted-without-profile", Quirk.NO_SCRIPT_CASE,
            "a station without the LocalAuthListManagement profile answers SendLocalList Accepted",
            "TC_043_1_CS"),
    LOCAL_LIST_VERSION_NOT_CHECKED("local-list-version-not-checked", Quirk.NO_SCRIPT_CASE,
            "a Differential update older than the installed list is Accepted, and the version goes back",
            "TC_043_2_CS"),
    LOCAL_LIST_FAILURE_HIDDEN("local-list-failure-hidden", Quirk.NO_SCRIPT_CASE,
            "a local list that cannot be stored is answered Accepted",
            "TC_043_3_CS"),
    DOWNLOAD_FAILED_NOT_REPORTED("download-failed-not-reported", Quirk.NO_SCRIPT_CASE,
            "after the last failed attempt of a firmware download no DownloadFailed follows",
            "TC_044_2_CS"),
    INVALID_FIRMWARE_INSTALLED("invalid-firmware-installed", Quirk.NO_SCRIPT_CASE,
            "a firmware file it should refuse (see Firmware.INVALID_MARKER) is reported Installed and booted into",
            "TC_044_3_CS"),
    UPLOAD_FAILURE_REPORTED_UPLOADED("upload-failure-reported-uploaded", Quirk.NO_SCRIPT_CASE,
            "a diagnostics upload that failed is reported Uploaded",
            "TC_045_2_CS"),
    RESERVATION_IGNORES_ID_TAG("reservation-ignores-id-tag", Quirk.NO_SCRIPT_CASE,
            "any card may use a reserved connector",
            "TC_046_1_CS", "TC_053_CS"),
    RESERVATION_ID_NOT_SENT("reservation-id-not-sent", Quirk.NO_SCRIPT_CASE,
            "a transaction on a reservation has no reservationId in its StartTransaction",
            "TC_046_1_CS", "TC_046_2_CS", "TC_049_CS", "TC_053_CS"),
    RESERVATION_NEVER_EXPIRES("reservation-never-expires", Quirk.NO_SCRIPT_CASE,
            "a reservation is kept after its expiryDate (the connector stays Reserved)",
            "TC_047_CS"),
    RESERVATION_STATUS_ALWAYS_ACCEPTED("reservation-status-always-accepted", Quirk.NO_SCRIPT_CASE,
            "ReserveNow is Accepted whatever the connector or station is (Faulted, Occupied, Unavailable)",
            "TC_048_1_CS", "TC_048_2_CS", "TC_048_3_CS", "TC_050_1_CS", "TC_050_2_CS", "TC_050_3_CS"),
    RESERVATION_ACCEPTED_WITHOUT_PROFILE("reservation-accepted-without-profile", Quirk.NO_SCRIPT_CASE,
            "a station without the Reservation profile answers ReserveNow Accepted",
            "TC_048_4_CS", "TC_050_4_CS"),
    CANCEL_RESERVATION_KEEPS_IT("cancel-reservation-keeps-it", Quirk.NO_SCRIPT_CASE,
            "CancelReservation is Accepted but the connector stays Reserved",
            "TC_051_CS"),
    CANCEL_UNKNOWN_RESERVATION_ACCEPTED("cancel-unknown-reservation-accepted", Quirk.NO_SCRIPT_CASE,
            "CancelReservation of a reservationId the station does not have is Accepted",
            "TC_052_CS"),
    RESERVATION_PARENT_ID_IGNORED("reservation-parent-id-ignored", Quirk.NO_SCRIPT_CASE,
            "a card with the reservation's parentIdTag is turned away from the reserved connector",
            "TC_053_CS"),
    TRIGGER_UNKNOWN_CONNECTOR_ACCEPTED("trigger-unknown-connector-accepted", Quirk.NO_SCRIPT_CASE,
            "TriggerMessage for a connector the station does not have is Accepted (MeterValues of every connector"
                    + " follow)",
            "TC_055_CS"),
    DATA_TRANSFER_CALL_ERROR("data-transfer-call-error", Quirk.NO_SCRIPT_CASE,
            "DataTransfer is answered with CALLERROR NotImplemented instead of a status",
            "TC_062_CS"),

    // ---- defects of the OCPP 1.6 security extension (OCTT 1.6, section 2.24)

    KEEPS_OLD_PASSWORD("keeps-old-password", Quirk.NO_SCRIPT_CASE,
            "a new AuthorizationKey is Accepted, but the station reconnects with its old Basic auth password",
            "TC_073_CS"),
    KEEPS_OLD_CERTIFICATE("keeps-old-certificate", Quirk.NO_SCRIPT_CASE,
            "a renewed client certificate (CertificateSigned) is Accepted, but the station reconnects with its old one",
            "TC_074_CS"),
    CERTIFICATE_HASH_OF_WHOLE_KEY_INFO("certificate-hash-of-whole-key-info", Quirk.NO_SCRIPT_CASE,
            "names certificates with issuerKeyHash over the issuer's whole SubjectPublicKeyInfo instead of its key bits,"
                    + " so its hash data match no one else's (GetInstalledCertificateIds, DeleteCertificate)",
            "TC_075_1_CS", "TC_075_2_CS", "TC_076_CS"),
    DELETED_CERTIFICATE_KEPT("deleted-certificate-kept", Quirk.NO_SCRIPT_CASE,
            "DeleteCertificate is Accepted, but the certificate stays installed",
            "TC_076_CS"),
    INVALID_CERTIFICATE_ACCEPTED("invalid-certificate-accepted", Quirk.NO_SCRIPT_CASE,
            "CertificateSigned with a certificate no installed root vouches for is Accepted, and no security event follows",
            "TC_077_CS"),
    INVALID_ROOT_CERTIFICATE_INSTALLED("invalid-root-certificate-installed", Quirk.NO_SCRIPT_CASE,
            "InstallCertificate with an expired or otherwise invalid root certificate is Accepted, and no security event follows",
            "TC_078_CS"),
    SECURITY_LOG_NOT_UPLOADED("security-log-not-uploaded", Quirk.NO_SCRIPT_CASE,
            "GetLog for the security log is Accepted and reported Uploading, then Uploaded, but nothing is uploaded",
            "TC_079_CS"),
    SIGNATURE_VERIFIED_NOT_REPORTED("signature-verified-not-reported", Quirk.NO_SCRIPT_CASE,
            "a signed firmware update goes from Downloaded straight to Installing, without SignatureVerified",
            "TC_080_CS"),
    INVALID_FIRMWARE_SIGNATURE_INSTALLED("invalid-firmware-signature-installed", Quirk.NO_SCRIPT_CASE,
            "signed firmware whose signature does not verify is reported SignatureVerified and installed",
            "TC_081_CS"),
    SECURITY_PROFILE_UPGRADE_IGNORED("security-profile-upgrade-ignored", Quirk.NO_SCRIPT_CASE,
            "a higher SecurityProfile is Accepted, but the station keeps connecting with its old profile, after a reset too",
            "TC_083_CS"),
    SECURITY_PROFILE_DOWNGRADE_ACCEPTED("security-profile-downgrade-accepted", Quirk.NO_SCRIPT_CASE,
            "a lower SecurityProfile is Accepted (and used), where the whitepaper has it Rejected",
            "TC_084_CS"),
    PASSWORD_LOST_ON_REBOOT("password-lost-on-reboot", Quirk.NO_SCRIPT_CASE,
            "after a reboot it connects without its Basic auth credentials (the AuthorizationKey was kept in memory only)",
            "TC_085_CS", "TC_086_CS", "TC_080_CS"),
    TLS_WITHOUT_REQUIRED_CIPHER_SUITES("tls-without-required-cipher-suites", Quirk.NO_SCRIPT_CASE,
            "speaks TLS 1.2 with AES-CBC cipher suites only, none of the AES-GCM pairs the whitepaper requires",
            "TC_086_CS", "TC_087_CS"),
    CLIENT_CERTIFICATE_NOT_NAMED_BY_SERIAL_NUMBER("client-certificate-not-named-by-serial-number", Quirk.NO_SCRIPT_CASE,
            "its CSRs (so its client certificates) have its charge point id as commonName instead of its serial number",
            "TC_087_CS");

    /** {@link #testCase()} of a quirk that no case of the vendor script looks for. */
    public static final int NO_SCRIPT_CASE = 0;

    /** The interval {@link #METER_INTERVAL_IGNORED} samples at, far from the suite's 1-2 s settings. */
    public static final int FIXED_METER_INTERVAL_SECONDS = 5;

    /** How long after the StopTransaction's answer {@link #REPLAY_OUT_OF_ORDER_LATE} sends the late reading. */
    public static final int LATE_REPLAY_SECONDS = 3;

    /** When {@link #BOOT_RETRY_IGNORES_INTERVAL} boots again. */
    public static final int EARLY_BOOT_RETRY_MS = 500;

    /** How many keys {@link #CONFIGURATION_KEY_LIST_TRUNCATED} answers. */
    public static final int TRUNCATED_KEY_LIST = 5;

    private static final WireNames<Quirk> NAMES = new WireNames<>(Quirk.class, "quirk", Quirk::wireName);

    private final String wireName;
    private final int testCase;
    private final String description;
    private final List<String> octtCases;

    Quirk(String wireName, int testCase, String description, String... octtCases) {
        this.wireName = wireName;
        this.testCase = testCase;
        this.description = description;
        this.octtCases = List.of(octtCases);
    }

    /** The kebab-case name used on command lines and in configuration. */
    public String wireName() {
        return wireName;
    }

    /** The vendor script's case that catches it, or {@link #NO_SCRIPT_CASE}. */
    public int testCase() {
        return testCase;
    }

    /** The OCTT 1.6 charge-station cases whose tool validations it breaks, e.g. {@code TC_001_CS}; may be empty. */
    public List<String> octtCases() {
        return octtCases;
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
