package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.Platform.Reply;
import io.chargecheck.certification.Statuses;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageResponse;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import java.time.Duration;

/**
 * TC_054_CS and TC_055_CS: every message a station can be asked for with TriggerMessage, sent
 * after its answer, and a trigger for a connector the station does not have, which it refuses and
 * answers with nothing.
 */
public final class Triggering {

    private final Context context;
    private MessageTrigger requested;
    private Integer connectorId;
    private Reply<TriggerMessageResponse> reply;

    public Triggering(Context context) {
        this.context = context;
    }

    /** TriggerMessage for the message, for the connector under test or for the station. */
    public void trigger(MessageTrigger message, boolean forTheConnector) {
        send(message, forTheConnector ? context.connector() : null);
    }

    /** TriggerMessage MeterValues for connector NumberOfConnectors + 1. */
    public void triggerForMissingConnector() {
        send(MessageTrigger.MeterValues, new Statuses(context).connectorCount() + 1);
    }

    private void send(MessageTrigger message, Integer connector) {
        requested = message;
        connectorId = connector;
        reply = context.platform().sendAllowingCallError(new TriggerMessageRequest(message, connector));
    }

    private String what() {
        return "TriggerMessage " + requested + (connectorId == null ? "" : " for connector " + connectorId);
    }

    /** Accepted; with {@code orNotImplemented}, NotImplemented too (the OCA's FirmwareStatusNotification, "if implemented"). */
    public void assertAccepted(boolean orNotImplemented) {
        if (reply.refused()) {
            throw new AssertionError("expected " + what() + " to be Accepted; the station refused it with "
                    + reply.refusalInWords(), null);
        }
        TriggerMessageStatus status = reply.answer().status();
        if (orNotImplemented && status == TriggerMessageStatus.NotImplemented) {
            context.observations().note(what() + " answered NotImplemented, as the OCA allows for it");
        } else if (status != TriggerMessageStatus.Accepted) {
            throw new AssertionError("expected " + what() + " to be Accepted" + (orNotImplemented ? " or NotImplemented" : "")
                    + "; it was answered " + status, null);
        }
    }

    /**
     * The message asked for, after the trigger, for the connector asked for; with {@code idle}, a
     * status notification of firmware or diagnostics that reports Idle, as nothing is under way.
     * Nothing is awaited after a trigger the station did not accept.
     */
    public void assertSent(MessageTrigger message, boolean idle) {
        if (message != requested || idle && message != MessageTrigger.DiagnosticsStatusNotification
                && message != MessageTrigger.FirmwareStatusNotification) {
            throw new IllegalArgumentException("the case triggered " + requested + "; it cannot await " + message
                    + (idle ? " with status Idle" : ""));
        }
        if (reply.refused() || reply.answer().status() != TriggerMessageStatus.Accepted) {
            return;
        }
        long since = context.scene().lastAction;
        Duration within = context.timeouts().message();
        String forConnector = "for connector " + connectorId;
        switch (requested) {
            case MeterValues -> context.evidence().next(MeterValuesRequest.class)
                    .matching(forConnector, m -> m.connectorId().equals(connectorId)).after(since).within(within);
            case StatusNotification -> context.evidence().next(StatusNotificationRequest.class)
                    .matching(forConnector, s -> connectorId == null || s.connectorId().equals(connectorId))
                    .after(since).within(within);
            case Heartbeat -> context.evidence().next(HeartbeatRequest.class).after(since).within(within);
            case BootNotification -> context.evidence().next(BootNotificationRequest.class).after(since).within(within);
            case DiagnosticsStatusNotification -> {
                Received<DiagnosticsStatusNotificationRequest> sent = context.evidence()
                        .next(DiagnosticsStatusNotificationRequest.class).after(since).within(within);
                assertIdle(!idle || sent.message().status() == DiagnosticsStatus.Idle, sent.message().status());
            }
            case FirmwareStatusNotification -> {
                Received<FirmwareStatusNotificationRequest> sent = context.evidence()
                        .next(FirmwareStatusNotificationRequest.class).after(since).within(within);
                assertIdle(!idle || sent.message().status() == FirmwareStatus.Idle, sent.message().status());
            }
        }
    }

    private void assertIdle(boolean idle, Enum<?> status) {
        if (!idle) {
            throw new AssertionError("expected the triggered " + requested + " to report Idle, as nothing is under way; it "
                    + "reported " + status, null);
        }
    }

    /** Rejected; a CALLERROR is tolerated, and noted. */
    public void assertRejected() {
        String missing = "connector " + connectorId + ", which the station does not have (NumberOfConnectors "
                + (connectorId - 1) + ")";
        if (reply.refused()) {
            context.observations().note("TriggerMessage " + requested + " for " + missing + " refused with "
                    + reply.refusalInWords() + ", which the OCA tolerates");
            return;
        }
        TriggerMessageStatus status = reply.answer().status();
        if (status != TriggerMessageStatus.Rejected) {
            throw new AssertionError("expected TriggerMessage " + requested + " for " + missing + " to be Rejected; it was "
                    + "answered " + status, null);
        }
    }

    /** No MeterValues after the refused trigger; clock-aligned readings, which a charger sends on its own, aside. */
    public void assertNoMeterValues() {
        context.evidence().next(MeterValuesRequest.class)
                .matching("after a refused trigger", m -> m.meterValue().stream().flatMap(v -> v.sampledValue().stream())
                        .anyMatch(s -> s.context() != ReadingContext.SampleClock))
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }
}
