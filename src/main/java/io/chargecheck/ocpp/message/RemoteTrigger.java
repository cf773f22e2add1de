package io.chargecheck.ocpp.message;

/** OCPP 1.6 Remote Trigger profile. */
public final class RemoteTrigger {

    private RemoteTrigger() {
    }

    public enum MessageTrigger {
        BootNotification, DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues,
        StatusNotification
    }

    public enum TriggerMessageStatus { Accepted, Rejected, NotImplemented }

    public record TriggerMessageRequest(@Required MessageTrigger requestedMessage, Integer connectorId)
            implements Request<TriggerMessageResponse> {
    }

    public record TriggerMessageResponse(@Required TriggerMessageStatus status) implements Response {
    }
}
