package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import java.util.List;
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
        String name = type.name().toLowerCase(Locale.ROOT);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AssertionError notAnswered = null;
            try {
                ResetStatus answer = context.platform().send(new ResetRequest(type)).status();
                if (answer != ResetStatus.Accepted) {
                    outcome = new AssertionError("expected the station to accept Reset " + type + "; it answered " + answer
                            + (attempt > 1 ? " on the second attempt" : ""), null);
                    return;
                }
            } catch (AssertionError e) {
                // A station may go down before its answer leaves; whether it comes back decides.
                notAnswered = e;
            }
            try {
                bootSeq = context.evidence().next(BootNotificationRequest.class).after(context.scene().lastAction)
                        .within(context.timeouts().reboot()).entry().seq();
                context.station().awaitBoot(context.timeouts().reboot());
                outcome = null;
                if (notAnswered != null) {
                    context.observations().note(name + " reset not answered before the station went down");
                }
                if (attempt > 1) {
                    context.observations().note(name + " reset successful on the second attempt");
                }
                return;
            } catch (AssertionError notBack) {
                outcome = notAnswered != null ? notAnswered : new AssertionError("expected the station to come back with a "
                        + "BootNotification within " + Describe.seconds(context.timeouts().reboot()) + " after accepting Reset "
                        + type + ", twice; " + notBack.getMessage(), null);
            }
        }
    }

    /**
     * Reboots the station when keys the case set answered RebootRequired, so that they apply:
     * Reset Soft, then its new BootNotification.
     */
    public void applyRebootRequiredChanges() {
        if (context.scene().rebootRequired.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(context.scene().rebootRequired);
        context.scene().rebootRequired.clear();
        reset(ResetType.Soft);
        assertCameBack();
        settleAfterBoot();
        context.observations().note(String.join(", ", keys) + " answered RebootRequired: applied by a soft reset");
    }

    /**
     * The boot is answered before the station has taken the answer in: what the case does next
     * (a card at the reader) could meet a station not yet in service. Its StatusNotification for
     * the case's connector after the boot says it is; when none comes, the case's own checks judge.
     */
    private void settleAfterBoot() {
        int connector = context.connector();
        try {
            context.evidence().next(io.chargecheck.ocpp.message.Core.StatusNotificationRequest.class)
                    .matching("for connector " + connector, s -> s.connectorId() == connector)
                    .after(bootSeq).within(context.timeouts().message());
        } catch (AssertionError notYet) {
            // not this step's verdict to give
        }
    }

    public void assertCameBack() {
        if (outcome != null) {
            throw outcome;
        }
    }

    /** The script's "comes online ... StatusNotification message, etc.": any status after the boot. */
    public void assertStatusAfterBoot() {
        assertCameBack();
        context.evidence().next(io.chargecheck.ocpp.message.Core.StatusNotificationRequest.class).after(bootSeq)
                .within(context.timeouts().message());
    }

    public void assertStatusesAfterBoot(Statuses statuses) {
        assertCameBack();
        statuses.awaitEveryConnectorReports(bootSeq, context.timeouts().message());
    }
}
