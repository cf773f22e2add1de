package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import java.util.Locale;

/**
 * Case 9: a reset, and the station coming back. A station that needs a second Reset is not failed
 * but reported as such, as the test script does ("successful on the second attempt").
 */
public final class Resets {

    private static final int ATTEMPTS = 2;

    private final Context context;
    private AssertionError outcome;
    private long bootSeq;

    public Resets(Context context) {
        this.context = context;
    }

    public void reset(ResetType type) {
        outcome = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ResetStatus answer = context.platform().send(new ResetRequest(type)).status();
            if (answer != ResetStatus.Accepted) {
                outcome = new AssertionError("expected the station to accept Reset " + type + "; it answered " + answer
                        + (attempt > 1 ? " on the second attempt" : ""), null);
                return;
            }
            try {
                bootSeq = context.evidence().next(BootNotificationRequest.class).after(context.scene().lastAction)
                        .within(context.timeouts().reboot()).entry().seq();
                context.bench().awaitBoot(context.timeouts().reboot());
                if (attempt > 1) {
                    context.observations().note(type.name().toLowerCase(Locale.ROOT) + " reset successful on the second attempt");
                }
                return;
            } catch (AssertionError notBack) {
                outcome = new AssertionError("expected the station to come back with a BootNotification within "
                        + Describe.seconds(context.timeouts().reboot()) + " after accepting Reset " + type + ", twice; "
                        + notBack.getMessage(), null);
            }
        }
    }

    public void assertCameBack() {
        if (outcome != null) {
            throw outcome;
        }
    }

    public void assertStatusesAfterBoot(Statuses statuses) {
        assertCameBack();
        statuses.awaitEveryConnectorReports(bootSeq, context.timeouts().message());
    }
}
