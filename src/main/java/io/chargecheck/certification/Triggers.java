package io.chargecheck.certification;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageResponse;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;

/** Cases 2 and 16: asking the station to send a message now. */
public final class Triggers {

    private final Context context;

    public Triggers(Context context) {
        this.context = context;
    }

    public void request(MessageTrigger message) {
        // MeterValues are per connector; every other message is asked for the whole station.
        Integer connector = message == MessageTrigger.MeterValues ? context.connector() : null;
        context.platform().send(new TriggerMessageRequest(message, connector));
    }

    public void assertAccepted() {
        TriggerMessageStatus status = context.platform().lastAnswer(TriggerMessageResponse.class).status();
        if (status != TriggerMessageStatus.Accepted) {
            throw new AssertionError("expected the station to accept the TriggerMessage; it answered " + status, null);
        }
    }

    public void assertArrives(MessageTrigger message) {
        Class<?> type = Action.valueOf(message.name()).requestType();
        context.evidence().next(type).after(context.scene().lastAction).within(context.timeouts().message());
    }
}
