package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionResponse;

/** The platform's simple commands whose whole check is the station's answer (cases 3, 6, 7, 15). */
public final class Commands {

    private final Context context;

    public Commands(Context context) {
        this.context = context;
    }

    public void changeAvailabilityOfStation(AvailabilityType type) {
        context.platform().send(new ChangeAvailabilityRequest(0, type));
    }

    public void assertAvailabilityAccepted() {
        AvailabilityStatus status = context.platform().lastAnswer(ChangeAvailabilityResponse.class).status();
        if (status != AvailabilityStatus.Accepted) {
            throw new AssertionError("expected the station to accept ChangeAvailability; it answered " + status
                    + (status == AvailabilityStatus.Scheduled ? " although no transaction was running" : ""), null);
        }
    }

    public void clearCache() {
        context.platform().send(new ClearCacheRequest());
    }

    public void assertClearCacheAccepted() {
        ClearCacheStatus status = context.platform().lastAnswer(ClearCacheResponse.class).status();
        if (status != ClearCacheStatus.Accepted) {
            throw new AssertionError("expected the station to accept ClearCache; it answered " + status, null);
        }
    }

    public void assertRemoteStartAccepted() {
        assertAccepted("RemoteStartTransaction", context.platform().lastAnswer(RemoteStartTransactionResponse.class).status());
    }

    public void assertRemoteStopAccepted() {
        assertAccepted("RemoteStopTransaction", context.platform().lastAnswer(RemoteStopTransactionResponse.class).status());
    }

    private static void assertAccepted(String command, RemoteStartStopStatus status) {
        if (status != RemoteStartStopStatus.Accepted) {
            throw new AssertionError("expected the station to accept " + command + "; it answered " + status, null);
        }
    }
}
