package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.message.Core.*;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationResponse;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationResponse;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Security.GenericStatus;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationResponse;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationResponse;
import io.chargecheck.ocpp.message.Security.SignCertificateRequest;
import io.chargecheck.ocpp.message.Security.SignCertificateResponse;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationResponse;
import io.chargecheck.ocpp.message.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How the central system answers the calls a station makes. Every charger-initiated action has a
 * default that behaves like a platform would; a test replaces one with {@link #on}.
 */
public final class Responders {

    /** Answers one kind of call from a station. */
    @FunctionalInterface
    public interface Responder<Q extends Request<R>, R extends Response> {
        R answer(String chargePointId, Q request);
    }

    private final Map<Class<?>, Responder<?, ?>> byRequestType = new ConcurrentHashMap<>();
    /** What one station is answered instead, while a case of its own needs it (a Rejected boot, an Invalid card). */
    private final Map<String, Map<Class<?>, Responder<?, ?>>> byStation = new ConcurrentHashMap<>();

    private Responders() {
    }

    public <Q extends Request<R>, R extends Response> Responders on(Class<Q> requestType, Responder<Q, R> responder) {
        byRequestType.put(requestType, responder);
        return this;
    }

    /** Answers this station's calls of this type so, until {@link #forget}; every other station as before. */
    public <Q extends Request<R>, R extends Response> Responders onFor(String chargePointId, Class<Q> requestType,
                                                                      Responder<Q, R> responder) {
        byStation.computeIfAbsent(chargePointId, id -> new ConcurrentHashMap<>()).put(requestType, responder);
        return this;
    }

    /** The station is answered as every other again. */
    public void forget(String chargePointId) {
        byStation.remove(chargePointId);
    }

    /** The answer to a call, or null when this central system has no answer for its action. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    Response answer(String chargePointId, Request<?> request) {
        Map<Class<?>, Responder<?, ?>> own = byStation.get(chargePointId);
        Responder responder = own == null ? null : own.get(request.getClass());
        if (responder == null) {
            responder = byRequestType.get(request.getClass());
        }
        return responder == null ? null : (Response) responder.answer(chargePointId, request);
    }

    static Responders defaults(CentralSystemConfig config, Clock clock) {
        AtomicInteger transactionIds = new AtomicInteger();
        IdTagPolicy idTags = config.idTags();
        return new Responders()
                .on(BootNotificationRequest.class, (id, boot) ->
                        new BootNotificationResponse(config.registrationStatus(), now(clock), config.heartbeatInterval()))
                .on(HeartbeatRequest.class, (id, heartbeat) -> new HeartbeatResponse(now(clock)))
                .on(AuthorizeRequest.class, (id, authorize) -> new AuthorizeResponse(idTags.infoOf(authorize.idTag())))
                .on(StartTransactionRequest.class, (id, start) ->
                        new StartTransactionResponse(idTags.infoOf(start.idTag()), transactionIds.incrementAndGet()))
                .on(StopTransactionRequest.class, (id, stop) ->
                        new StopTransactionResponse(stop.idTag() == null ? null : idTags.infoOf(stop.idTag())))
                .on(MeterValuesRequest.class, (id, values) -> new MeterValuesResponse())
                .on(StatusNotificationRequest.class, (id, status) -> new StatusNotificationResponse())
                .on(FirmwareStatusNotificationRequest.class, (id, status) -> new FirmwareStatusNotificationResponse())
                .on(DiagnosticsStatusNotificationRequest.class, (id, status) -> new DiagnosticsStatusNotificationResponse())
                // The security extension: a CSR is taken (whoever acts as CA sends CertificateSigned), the rest is noted.
                .on(SignCertificateRequest.class, (id, sign) -> new SignCertificateResponse(GenericStatus.Accepted))
                .on(SecurityEventNotificationRequest.class, (id, event) -> new SecurityEventNotificationResponse())
                .on(LogStatusNotificationRequest.class, (id, status) -> new LogStatusNotificationResponse())
                .on(SignedFirmwareStatusNotificationRequest.class, (id, status) -> new SignedFirmwareStatusNotificationResponse())
                // A platform knows no vendor extensions of a charger it is only certifying.
                .on(DataTransferRequest.class, (id, transfer) -> new DataTransferResponse(DataTransferStatus.UnknownVendorId, null));
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
