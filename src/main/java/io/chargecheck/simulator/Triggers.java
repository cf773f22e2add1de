package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageResponse;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import java.util.Arrays;
import java.util.List;

/** TriggerMessage (Remote Trigger profile): answered first, then the requested message is sent. */
final class Triggers {

    private final Station station;
    private final EventLog log;

    Triggers(Station station) {
        this.station = station;
        this.log = station.log;
    }

    void register(RemoteCommands commands) {
        commands.on(TriggerMessageRequest.class, this::trigger);
    }

    private Answer trigger(TriggerMessageRequest request) {
        MessageTrigger message = request.requestedMessage();
        Integer id = request.connectorId();
        if (station.has(Quirk.TRIGGER_MESSAGE_NOT_IMPLEMENTED)) {
            log.info("TriggerMessage {}: NotImplemented (quirk trigger-message-not-implemented)", message);
            return Answer.of(new TriggerMessageResponse(TriggerMessageStatus.NotImplemented));
        }
        int lowest = message == MessageTrigger.MeterValues ? 1 : 0;
        if (id != null && (id < lowest || id >= station.connectors.length)) {
            if (!station.has(Quirk.TRIGGER_UNKNOWN_CONNECTOR_ACCEPTED)) {
                log.info("TriggerMessage {} for connector {}: Rejected, no such connector", message, id);
                return Answer.of(new TriggerMessageResponse(TriggerMessageStatus.Rejected));
            }
            log.info("TriggerMessage {} for connector {}, which does not exist: Accepted, for every connector"
                    + " (quirk trigger-unknown-connector-accepted)", message, id);
            id = null;
        }
        log.info("TriggerMessage {}{}: Accepted", message, id == null ? "" : " for connector " + id);
        TriggerMessageResponse accepted = new TriggerMessageResponse(TriggerMessageStatus.Accepted);
        if (station.has(Quirk.TRIGGER_ACCEPTED_NOTHING_SENT)) {
            return Answer.of(accepted, () -> log.info("nothing is sent (quirk trigger-accepted-nothing-sent)"));
        }
        Integer connector = id;
        return Answer.of(accepted, () -> triggered(message, connector));
    }

    private void triggered(MessageTrigger message, Integer id) {
        switch (message) {
            case BootNotification -> station.boot.sendBoot();
            case Heartbeat -> station.boot.sendHeartbeat();
            case StatusNotification -> selected(id, 0).forEach(station.statuses::reportNow);
            case MeterValues -> selected(id, 1).forEach(c -> station.metering.send(c, ReadingContext.Trigger));
            case FirmwareStatusNotification -> station.firmware.sendTriggeredStatus();
            case DiagnosticsStatusNotification -> station.diagnostics.sendTriggeredStatus();
        }
    }

    /** The connector asked for, or every connector from {@code from} on (0: the station too). */
    List<Connector> selected(Integer id, int from) {
        Connector[] connectors = station.connectors;
        if (id != null) {
            return List.of(connectors[id]);
        }
        return Arrays.stream(connectors).skip(from).toList();
    }
}
