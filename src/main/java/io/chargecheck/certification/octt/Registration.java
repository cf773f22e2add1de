package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Statuses;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import java.time.Duration;

/**
 * TC_001_CS and TC_002_CS: a cold boot, a registration that is not accepted at once, and its retry;
 * a station whose registration is Pending still answers the central system's commands.
 */
public final class Registration {

    private final Context context;
    private Duration retry = Duration.ZERO;
    private long bootsFrom;
    private Received<BootNotificationRequest> firstBoot;

    public Registration(Context context) {
        this.context = context;
    }

    /** The central system will answer the next boot with this status and the retry interval of the test data. */
    public void answerNextBootWith(RegistrationStatus status) {
        retry = new CentralSystemAnswers(context).answerNextBootWith(status);
    }

    public void powerCycle() {
        bootsFrom = context.evidence().mark();
        context.perform(new PhysicalAction.PowerCycle());
    }

    /** The first BootNotification after the power cycle, answered with this status. */
    public void assertBootAnswered(RegistrationStatus status) {
        firstBoot = context.evidence().next(BootNotificationRequest.class).after(bootsFrom).within(context.timeouts().reboot());
        assertAnswered(firstBoot, status);
        context.scene().lastAction = firstBoot.entry().seq();
    }

    /** The next BootNotification, not sooner than the interval of the answer before it, answered with this status. */
    public void assertRetriedAfterTheInterval(RegistrationStatus status) {
        Received<BootNotificationRequest> again = context.evidence().next(BootNotificationRequest.class)
                .after(firstBoot.entry().seq()).within(retry.plus(context.timeouts().reboot()));
        Duration waited = Duration.between(firstBoot.entry().time(), again.entry().time());
        if (waited.compareTo(retry) < 0) {
            throw new AssertionError("expected the next BootNotification no sooner than " + Describe.seconds(retry)
                    + " after the one that was answered " + firstBootStatus() + "; it came after " + Describe.seconds(waited),
                    null);
        }
        assertAnswered(again, status);
        context.scene().lastAction = again.entry().seq();
    }

    /** After the accepted boot: a StatusNotification Available for connector 0 and every connector. */
    public void assertEveryConnectorAvailable() {
        new Statuses(context).awaitEveryConnector(ChargePointStatus.Available, context.timeouts().message());
    }

    /** Heartbeats at the interval of the Accepted answer (the test's heartbeat interval). */
    public void assertHeartbeatsAtTheAcceptedInterval() {
        io.chargecheck.certification.Cadence.assertInterval(context.evidence(), HeartbeatRequest.class, "Heartbeats",
                any -> true, context.scene().lastAction, Duration.ofSeconds(context.settings().testHeartbeatInterval()));
    }

    /**
     * The station answered every command of the case before its registration was accepted: no
     * BootNotification of it was answered Accepted before its answer to the last command.
     */
    public void assertCommandsAnsweredWhilePending() {
        long lastAnswer = context.evidence().entries(context.scene().start).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && "CALLRESULT".equals(e.messageType()))
                .mapToLong(JournalEntry::seq).max()
                .orElseThrow(() -> new IllegalStateException("the case sent no command to the station"));
        context.evidence().received(BootNotificationRequest.class, context.scene().start).stream()
                .filter(boot -> boot.entry().seq() < lastAnswer)
                .filter(boot -> context.evidence().answerTo(boot.entry()).flatMap(a -> a.message(BootNotificationResponse.class))
                        .map(BootNotificationResponse::status).orElse(null) == RegistrationStatus.Accepted)
                .findFirst().ifPresent(accepted -> {
                    throw new AssertionError("expected the station to answer while its registration was Pending; it was "
                            + "Accepted already (BootNotification at " + Describe.time(accepted.entry().time()) + "): set "
                            + "chargecheck.octt.retryInterval longer than the station takes to answer", null);
                });
    }

    private String firstBootStatus() {
        return context.evidence().answerTo(firstBoot.entry()).flatMap(a -> a.message(BootNotificationResponse.class))
                .map(r -> r.status().name()).orElse("?");
    }

    private void assertAnswered(Received<BootNotificationRequest> boot, RegistrationStatus status) {
        RegistrationStatus answered = context.evidence().answerTo(boot.entry())
                .flatMap(a -> a.message(BootNotificationResponse.class)).map(BootNotificationResponse::status)
                .orElseThrow(() -> new AssertionError("the central system's answer to the BootNotification at "
                        + Describe.time(boot.entry().time()) + " is not in its journal", null));
        if (answered != status) {
            throw new AssertionError("expected the BootNotification at " + Describe.time(boot.entry().time())
                    + " to be the one the central system answers " + status + "; it was answered " + answered, null);
        }
    }
}
