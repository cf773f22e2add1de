package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorResponse;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * TC_017_1_CS to TC_018_2_CS (and the unlock of TC_005_2_CS): UnlockConnector on request. A
 * socket unlocks (and a transaction on it stops); a fixed cable cannot be unlocked, which the
 * station says with NotSupported.
 */
public final class ConnectorUnlock {

    private final Context context;

    public ConnectorUnlock(Context context) {
        this.context = context;
    }

    public void unlock() {
        context.platform().send(new UnlockConnectorRequest(context.connector()));
    }

    public void assertAnswered(List<UnlockStatus> allowed) {
        UnlockStatus status = context.platform().lastAnswer(UnlockConnectorResponse.class).status();
        if (!allowed.contains(status)) {
            throw new AssertionError("expected UnlockConnector for connector " + context.connector() + " to be answered "
                    + allowed.stream().map(Enum::name).collect(Collectors.joining(" or ")) + "; it was answered " + status, null);
        }
    }
}
