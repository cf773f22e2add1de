package io.chargecheck.ocpp.message;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * OCPP 1.6 Core profile: messages and types, named and spelled as in the specification (section 6
 * for messages, 7 for types). Enum constants are the wire values, so code reads like the spec.
 */
public final class Core {

    private Core() {
    }

    // ---- types (specification section 7) ----

    public enum AuthorizationStatus { Accepted, Blocked, Expired, Invalid, ConcurrentTx }

    public enum AvailabilityType { Inoperative, Operative }

    public enum AvailabilityStatus { Accepted, Rejected, Scheduled }

    public enum ChargePointErrorCode {
        ConnectorLockFailure, EVCommunicationError, GroundFailure, HighTemperature, InternalError,
        LocalListConflict, NoError, OtherError, OverCurrentFailure, PowerMeterFailure, PowerSwitchFailure,
        ReaderFailure, ResetFailure, UnderVoltage, OverVoltage, WeakSignal
    }

    public enum ChargePointStatus {
        Available, Preparing, Charging, SuspendedEVSE, SuspendedEV, Finishing, Reserved, Unavailable, Faulted
    }

    public enum ClearCacheStatus { Accepted, Rejected }

    public enum ConfigurationStatus { Accepted, Rejected, RebootRequired, NotSupported }

    public enum DataTransferStatus { Accepted, Rejected, UnknownMessageId, UnknownVendorId }

    public enum Location { Cable, EV, Inlet, Outlet, Body }

    public enum Measurand {
        @JsonProperty("Energy.Active.Export.Register") EnergyActiveExportRegister,
        @JsonProperty("Energy.Active.Import.Register") EnergyActiveImportRegister,
        @JsonProperty("Energy.Reactive.Export.Register") EnergyReactiveExportRegister,
        @JsonProperty("Energy.Reactive.Import.Register") EnergyReactiveImportRegister,
        @JsonProperty("Energy.Active.Export.Interval") EnergyActiveExportInterval,
        @JsonProperty("Energy.Active.Import.Interval") EnergyActiveImportInterval,
        @JsonProperty("Energy.Reactive.Export.Interval") EnergyReactiveExportInterval,
        @JsonProperty("Energy.Reactive.Import.Interval") EnergyReactiveImportInterval,
        @JsonProperty("Power.Active.Export") PowerActiveExport,
        @JsonProperty("Power.Active.Import") PowerActiveImport,
        @JsonProperty("Power.Offered") PowerOffered,
        @JsonProperty("Power.Reactive.Export") PowerReactiveExport,
        @JsonProperty("Power.Reactive.Import") PowerReactiveImport,
        @JsonProperty("Power.Factor") PowerFactor,
        @JsonProperty("Current.Import") CurrentImport,
        @JsonProperty("Current.Export") CurrentExport,
        @JsonProperty("Current.Offered") CurrentOffered,
        Voltage, Frequency, Temperature, SoC, RPM
    }

    public enum Phase {
        L1, L2, L3, N,
        @JsonProperty("L1-N") L1_N,
        @JsonProperty("L2-N") L2_N,
        @JsonProperty("L3-N") L3_N,
        @JsonProperty("L1-L2") L1_L2,
        @JsonProperty("L2-L3") L2_L3,
        @JsonProperty("L3-L1") L3_L1
    }

    public enum ReadingContext {
        @JsonProperty("Interruption.Begin") InterruptionBegin,
        @JsonProperty("Interruption.End") InterruptionEnd,
        @JsonProperty("Sample.Clock") SampleClock,
        @JsonProperty("Sample.Periodic") SamplePeriodic,
        @JsonProperty("Transaction.Begin") TransactionBegin,
        @JsonProperty("Transaction.End") TransactionEnd,
        Trigger, Other
    }

    public enum Reason {
        EmergencyStop, EVDisconnected, HardReset, Local, Other, PowerLoss, Reboot, Remote, SoftReset,
        UnlockCommand, DeAuthorized
    }

    public enum RegistrationStatus { Accepted, Pending, Rejected }

    public enum RemoteStartStopStatus { Accepted, Rejected }

    public enum ResetStatus { Accepted, Rejected }

    public enum ResetType { Hard, Soft }

    /**
     * "Celcius" is the 1.6 schema's own misspelling, kept beside the right one because chargers send both.
     * "Hertz" is in MeterValues.json only: StopTransaction's transactionData is declared {@link Without} it.
     */
    public enum UnitOfMeasure {
        Wh, kWh, varh, kvarh, W, kW, VA, kVA, var, kvar, A, V, K, Celcius, Celsius, Fahrenheit, Percent, Hertz
    }

    public enum UnlockStatus { Unlocked, UnlockFailed, NotSupported }

    public enum ValueFormat { Raw, SignedData }

    public record IdTagInfo(Instant expiryDate, @MaxLength(20) String parentIdTag, @Required AuthorizationStatus status) {
        public IdTagInfo(AuthorizationStatus status) {
            this(null, null, status);
        }
    }

    public record KeyValue(@Required @MaxLength(50) String key, @Required Boolean readonly, @MaxLength(500) String value) {
    }

    public record SampledValue(@Required String value, ReadingContext context, ValueFormat format,
                               Measurand measurand, Phase phase, Location location, UnitOfMeasure unit) {
    }

    /**
     * MinItems on sampledValue follows the specification (SampledValue 1..*). The 1.6 schema of
     * StopTransaction leaves it out for transactionData; that one difference is deliberate.
     */
    public record MeterValue(@Required Instant timestamp, @Required @MinItems(1) List<SampledValue> sampledValue) {
    }

    // ---- messages sent by the charge point ----

    public record AuthorizeRequest(@Required @MaxLength(20) String idTag) implements Request<AuthorizeResponse> {
    }

    public record AuthorizeResponse(@Required IdTagInfo idTagInfo) implements Response {
    }

    public record BootNotificationRequest(
            @Required @MaxLength(20) String chargePointVendor,
            @Required @MaxLength(20) String chargePointModel,
            @MaxLength(25) String chargePointSerialNumber,
            @MaxLength(25) String chargeBoxSerialNumber,
            @MaxLength(50) String firmwareVersion,
            @MaxLength(20) String iccid,
            @MaxLength(20) String imsi,
            @MaxLength(25) String meterType,
            @MaxLength(25) String meterSerialNumber) implements Request<BootNotificationResponse> {
    }

    public record BootNotificationResponse(@Required RegistrationStatus status, @Required Instant currentTime,
                                           @Required Integer interval) implements Response {
    }

    public record DataTransferRequest(@Required @MaxLength(255) String vendorId, @MaxLength(50) String messageId,
                                      String data) implements Request<DataTransferResponse> {
    }

    public record DataTransferResponse(@Required DataTransferStatus status, String data) implements Response {
    }

    public record HeartbeatRequest() implements Request<HeartbeatResponse> {
    }

    public record HeartbeatResponse(@Required Instant currentTime) implements Response {
    }

    public record MeterValuesRequest(@Required Integer connectorId, Integer transactionId,
                                     @Required @MinItems(1) List<MeterValue> meterValue)
            implements Request<MeterValuesResponse> {
    }

    public record MeterValuesResponse() implements Response {
    }

    public record StartTransactionRequest(@Required Integer connectorId, @Required @MaxLength(20) String idTag,
                                          @Required Integer meterStart, Integer reservationId,
                                          @Required Instant timestamp) implements Request<StartTransactionResponse> {
    }

    public record StartTransactionResponse(@Required IdTagInfo idTagInfo, @Required Integer transactionId)
            implements Response {
    }

    public record StatusNotificationRequest(
            @Required Integer connectorId,
            @Required ChargePointErrorCode errorCode,
            @MaxLength(50) String info,
            @Required ChargePointStatus status,
            Instant timestamp,
            @MaxLength(255) String vendorId,
            @MaxLength(50) String vendorErrorCode) implements Request<StatusNotificationResponse> {
    }

    public record StatusNotificationResponse() implements Response {
    }

    /** StopTransaction.json leaves "Hertz" out of transactionData's units, unlike MeterValues.json: so do we. */
    public record StopTransactionRequest(@MaxLength(20) String idTag, @Required Integer meterStop,
                                         @Required Instant timestamp, @Required Integer transactionId,
                                         Reason reason,
                                         @Without(type = UnitOfMeasure.class, values = "Hertz") List<MeterValue> transactionData)
            implements Request<StopTransactionResponse> {
    }

    public record StopTransactionResponse(IdTagInfo idTagInfo) implements Response {
    }

    // ---- messages sent by the central system ----

    public record ChangeAvailabilityRequest(@Required Integer connectorId, @Required AvailabilityType type)
            implements Request<ChangeAvailabilityResponse> {
    }

    public record ChangeAvailabilityResponse(@Required AvailabilityStatus status) implements Response {
    }

    public record ChangeConfigurationRequest(@Required @MaxLength(50) String key, @Required @MaxLength(500) String value)
            implements Request<ChangeConfigurationResponse> {
    }

    public record ChangeConfigurationResponse(@Required ConfigurationStatus status) implements Response {
    }

    public record ClearCacheRequest() implements Request<ClearCacheResponse> {
    }

    public record ClearCacheResponse(@Required ClearCacheStatus status) implements Response {
    }

    public record GetConfigurationRequest(@MaxLength(50) List<String> key) implements Request<GetConfigurationResponse> {
    }

    public record GetConfigurationResponse(List<KeyValue> configurationKey, @MaxLength(50) List<String> unknownKey)
            implements Response {
    }

    public record RemoteStartTransactionRequest(Integer connectorId, @Required @MaxLength(20) String idTag,
                                                SmartCharging.ChargingProfile chargingProfile)
            implements Request<RemoteStartTransactionResponse> {
    }

    public record RemoteStartTransactionResponse(@Required RemoteStartStopStatus status) implements Response {
    }

    public record RemoteStopTransactionRequest(@Required Integer transactionId)
            implements Request<RemoteStopTransactionResponse> {
    }

    public record RemoteStopTransactionResponse(@Required RemoteStartStopStatus status) implements Response {
    }

    public record ResetRequest(@Required ResetType type) implements Request<ResetResponse> {
    }

    public record ResetResponse(@Required ResetStatus status) implements Response {
    }

    public record UnlockConnectorRequest(@Required Integer connectorId) implements Request<UnlockConnectorResponse> {
    }

    public record UnlockConnectorResponse(@Required UnlockStatus status) implements Response {
    }
}
