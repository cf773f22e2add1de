package io.chargecheck.ocpp;

import io.chargecheck.ocpp.message.Core.*;
import io.chargecheck.ocpp.message.FirmwareManagement.*;
import io.chargecheck.ocpp.message.LocalAuthListManagement.*;
import io.chargecheck.ocpp.message.RemoteTrigger.*;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Reservation.*;
import io.chargecheck.ocpp.message.Response;
import io.chargecheck.ocpp.message.Security.*;
import io.chargecheck.ocpp.message.SmartCharging.*;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every OCPP 1.6 action of the six profiles and of the security extension, by its wire name, with
 * the payload types of its CALL and CALLRESULT and the side that may send the CALL.
 */
public enum Action {
    Authorize(Profile.Core, Sender.ChargePoint, AuthorizeRequest.class, AuthorizeResponse.class),
    BootNotification(Profile.Core, Sender.ChargePoint, BootNotificationRequest.class, BootNotificationResponse.class),
    ChangeAvailability(Profile.Core, Sender.CentralSystem, ChangeAvailabilityRequest.class, ChangeAvailabilityResponse.class),
    ChangeConfiguration(Profile.Core, Sender.CentralSystem, ChangeConfigurationRequest.class, ChangeConfigurationResponse.class),
    ClearCache(Profile.Core, Sender.CentralSystem, ClearCacheRequest.class, ClearCacheResponse.class),
    DataTransfer(Profile.Core, Sender.Either, DataTransferRequest.class, DataTransferResponse.class),
    GetConfiguration(Profile.Core, Sender.CentralSystem, GetConfigurationRequest.class, GetConfigurationResponse.class),
    Heartbeat(Profile.Core, Sender.ChargePoint, HeartbeatRequest.class, HeartbeatResponse.class),
    MeterValues(Profile.Core, Sender.ChargePoint, MeterValuesRequest.class, MeterValuesResponse.class),
    RemoteStartTransaction(Profile.Core, Sender.CentralSystem, RemoteStartTransactionRequest.class, RemoteStartTransactionResponse.class),
    RemoteStopTransaction(Profile.Core, Sender.CentralSystem, RemoteStopTransactionRequest.class, RemoteStopTransactionResponse.class),
    Reset(Profile.Core, Sender.CentralSystem, ResetRequest.class, ResetResponse.class),
    StartTransaction(Profile.Core, Sender.ChargePoint, StartTransactionRequest.class, StartTransactionResponse.class),
    StatusNotification(Profile.Core, Sender.ChargePoint, StatusNotificationRequest.class, StatusNotificationResponse.class),
    StopTransaction(Profile.Core, Sender.ChargePoint, StopTransactionRequest.class, StopTransactionResponse.class),
    UnlockConnector(Profile.Core, Sender.CentralSystem, UnlockConnectorRequest.class, UnlockConnectorResponse.class),

    DiagnosticsStatusNotification(Profile.FirmwareManagement, Sender.ChargePoint, DiagnosticsStatusNotificationRequest.class, DiagnosticsStatusNotificationResponse.class),
    FirmwareStatusNotification(Profile.FirmwareManagement, Sender.ChargePoint, FirmwareStatusNotificationRequest.class, FirmwareStatusNotificationResponse.class),
    GetDiagnostics(Profile.FirmwareManagement, Sender.CentralSystem, GetDiagnosticsRequest.class, GetDiagnosticsResponse.class),
    UpdateFirmware(Profile.FirmwareManagement, Sender.CentralSystem, UpdateFirmwareRequest.class, UpdateFirmwareResponse.class),

    GetLocalListVersion(Profile.LocalAuthListManagement, Sender.CentralSystem, GetLocalListVersionRequest.class, GetLocalListVersionResponse.class),
    SendLocalList(Profile.LocalAuthListManagement, Sender.CentralSystem, SendLocalListRequest.class, SendLocalListResponse.class),

    CancelReservation(Profile.Reservation, Sender.CentralSystem, CancelReservationRequest.class, CancelReservationResponse.class),
    ReserveNow(Profile.Reservation, Sender.CentralSystem, ReserveNowRequest.class, ReserveNowResponse.class),

    ClearChargingProfile(Profile.SmartCharging, Sender.CentralSystem, ClearChargingProfileRequest.class, ClearChargingProfileResponse.class),
    GetCompositeSchedule(Profile.SmartCharging, Sender.CentralSystem, GetCompositeScheduleRequest.class, GetCompositeScheduleResponse.class),
    SetChargingProfile(Profile.SmartCharging, Sender.CentralSystem, SetChargingProfileRequest.class, SetChargingProfileResponse.class),

    TriggerMessage(Profile.RemoteTrigger, Sender.CentralSystem, TriggerMessageRequest.class, TriggerMessageResponse.class),

    CertificateSigned(Profile.Security, Sender.CentralSystem, CertificateSignedRequest.class, CertificateSignedResponse.class),
    DeleteCertificate(Profile.Security, Sender.CentralSystem, DeleteCertificateRequest.class, DeleteCertificateResponse.class),
    ExtendedTriggerMessage(Profile.Security, Sender.CentralSystem, ExtendedTriggerMessageRequest.class, ExtendedTriggerMessageResponse.class),
    GetInstalledCertificateIds(Profile.Security, Sender.CentralSystem, GetInstalledCertificateIdsRequest.class, GetInstalledCertificateIdsResponse.class),
    GetLog(Profile.Security, Sender.CentralSystem, GetLogRequest.class, GetLogResponse.class),
    InstallCertificate(Profile.Security, Sender.CentralSystem, InstallCertificateRequest.class, InstallCertificateResponse.class),
    LogStatusNotification(Profile.Security, Sender.ChargePoint, LogStatusNotificationRequest.class, LogStatusNotificationResponse.class),
    SecurityEventNotification(Profile.Security, Sender.ChargePoint, SecurityEventNotificationRequest.class, SecurityEventNotificationResponse.class),
    SignCertificate(Profile.Security, Sender.ChargePoint, SignCertificateRequest.class, SignCertificateResponse.class),
    SignedFirmwareStatusNotification(Profile.Security, Sender.ChargePoint, SignedFirmwareStatusNotificationRequest.class, SignedFirmwareStatusNotificationResponse.class),
    SignedUpdateFirmware(Profile.Security, Sender.CentralSystem, SignedUpdateFirmwareRequest.class, SignedUpdateFirmwareResponse.class);

    /**
     * The feature profiles of SupportedFeatureProfiles, and {@code Security}: the messages of the OCPP
     * 1.6 Security Whitepaper, which a station implements or not but never lists there.
     */
    public enum Profile { Core, FirmwareManagement, LocalAuthListManagement, Reservation, SmartCharging, RemoteTrigger, Security }

    public enum Sender { ChargePoint, CentralSystem, Either }

    private static final Map<String, Action> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Action::name, Function.identity()));
    private static final Map<Class<?>, Action> BY_REQUEST_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Action::requestType, Function.identity()));

    private final Profile profile;
    private final Sender sender;
    private final Class<? extends Request<?>> requestType;
    private final Class<? extends Response> responseType;

    Action(Profile profile, Sender sender, Class<? extends Request<?>> requestType, Class<? extends Response> responseType) {
        this.profile = profile;
        this.sender = sender;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    public Profile profile() {
        return profile;
    }

    public Class<? extends Request<?>> requestType() {
        return requestType;
    }

    public Class<? extends Response> responseType() {
        return responseType;
    }

    public boolean isSentByChargePoint() {
        return sender != Sender.CentralSystem;
    }

    public boolean isSentByCentralSystem() {
        return sender != Sender.ChargePoint;
    }

    /** The action named on the wire; case-sensitive, as OCPP-J is. */
    public static Optional<Action> fromWire(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }

    public static Action of(Request<?> request) {
        return ofRequestType(request.getClass());
    }

    public static Action ofRequestType(Class<?> requestType) {
        Action action = BY_REQUEST_TYPE.get(requestType);
        if (action == null) {
            throw new IllegalArgumentException(requestType.getName() + " is not the request of an OCPP 1.6 action");
        }
        return action;
    }
}
