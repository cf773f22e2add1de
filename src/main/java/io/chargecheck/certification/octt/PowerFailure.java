package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.Waits;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * TC_032_1_CS, TC_032_2_CS and TC_034_CS: the mains power fails. A station with backup power stops
 * its transactions before it goes down; one without settles them after it boots again; an
 * Inoperative station is still Inoperative when it comes back.
 */
public final class PowerFailure {

    private final Context context;
    private final Statuses statuses;
    private final MessageOrder order;
    private long cut;
    private boolean stoppedByTheDriver;

    public PowerFailure(Context context) {
        this.context = context;
        this.statuses = new Statuses(context);
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    private int transactionId() {
        Integer running = context.scene().transactionId;
        if (running == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return running;
    }

    // ---------------------------------------------------------------- TC_032_1_CS: backup power

    /** The mains power goes and stays away; the case waits for the connection to drop. */
    public void cutThePower() {
        cut = context.evidence().mark();
        context.perform(new PhysicalAction.CutPower());
    }

    /** Before the connection drops: StopTransaction with reason PowerLoss, and Finishing (in either order). */
    public void assertStoppedBeforeGoingDown() {
        int transactionId = transactionId();
        List<JournalEntry> seen = order.awaitInOrder(cut, context.patience(), MessageOrder.stop(transactionId),
                Expected.status(connector(), ChargePointStatus.Finishing));
        Optional<JournalEntry> down = awaitDisconnection();
        down.filter(d -> seen.stream().anyMatch(e -> e.seq() > d.seq())).ifPresent(d -> {
            throw new AssertionError("expected the StopTransaction of transaction " + transactionId + " and Finishing before "
                    + "the station went down; its connection closed at " + Describe.time(d.time()) + ", before them", null);
        });
        StopTransactionRequest stop = seen.stream().map(e -> e.message(StopTransactionRequest.class)).flatMap(Optional::stream)
                .findFirst().orElseThrow();
        assertReason(stop, Reason.PowerLoss);
    }

    private Optional<JournalEntry> awaitDisconnection() {
        try {
            return Optional.of(Waits.await("the station's connection to close").atMost(context.patience())
                    .until(() -> context.evidence().entries(cut).stream()
                            .filter(e -> e.kind() == JournalEntry.Kind.DISCONNECTED).findFirst(), Optional::isPresent)
                    .orElseThrow());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the station to go down within " + Describe.seconds(context.patience())
                    + " of the power cut (its connection to close); it stayed connected", null);
        }
    }

    public void restoreThePower() {
        context.perform(new PhysicalAction.RestorePower());
    }

    /** The BootNotification after the power came back, answered Accepted; the statuses after it are judged from it. */
    public void assertBootAccepted() {
        Received<BootNotificationRequest> boot = context.evidence().next(BootNotificationRequest.class)
                .after(context.scene().lastAction).within(context.timeouts().reboot());
        RegistrationStatus answered = context.evidence().answerTo(boot.entry())
                .flatMap(a -> a.message(BootNotificationResponse.class)).map(BootNotificationResponse::status).orElse(null);
        if (answered != RegistrationStatus.Accepted) {
            throw new AssertionError("expected the BootNotification after the power came back to be answered Accepted; it was "
                    + answered, null);
        }
        context.scene().lastAction = boot.entry().seq();
    }

    // ---------------------------------------------------------------- after the boot

    /**
     * After the boot, connector 0 and every connector report: the case's connector one of
     * {@code ofTheConnector} (after any of {@code passing} the OCA lets it go through first),
     * every other Available.
     */
    public void assertStatusesAfterBoot(Set<ChargePointStatus> ofTheConnector, Set<ChargePointStatus> passing) {
        long boot = context.scene().lastAction;
        List<Integer> all = statuses.allConnectors();
        try {
            Waits.await("the statuses after the boot").atMost(context.patience())
                    .until(() -> all.stream().allMatch(c -> firstSettled(boot, c, passing).isPresent()));
        } catch (ConditionTimeoutException e) {
            List<String> silent = all.stream().filter(c -> firstSettled(boot, c, passing).isEmpty()).map(c -> "connector " + c)
                    .toList();
            throw new AssertionError("expected a StatusNotification for connector 0 and every connector after the boot; none "
                    + "for " + String.join(", ", silent) + "; received: " + statusesSince(boot), null);
        }
        List<String> wrong = new ArrayList<>();
        for (int c : all) {
            Set<ChargePointStatus> wanted = c == connector() ? ofTheConnector : EnumSet.of(ChargePointStatus.Available);
            ChargePointStatus reported = firstSettled(boot, c, passing).orElseThrow();
            if (!wanted.contains(reported)) {
                wrong.add("connector " + c + " " + reported + " (expected " + names(wanted) + ")");
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("expected after the boot the connector of the transaction " + names(ofTheConnector)
                    + " and every other connector Available; " + String.join(", ", wrong) + "; received: " + statusesSince(boot),
                    null);
        }
    }

    /** The first status of the connector after the boot that is not one it may pass through. */
    private Optional<ChargePointStatus> firstSettled(long boot, int connector, Set<ChargePointStatus> passing) {
        return context.evidence().messages(StatusNotificationRequest.class, boot).stream()
                .filter(s -> s.connectorId() == connector)
                .map(StatusNotificationRequest::status)
                .filter(s -> !(connector == connector() && passing.contains(s)))
                .findFirst();
    }

    // ---------------------------------------------------------------- TC_032_2_CS: no backup power

    /** If the station resumed the transaction (Charging) and has not stopped it, the driver stops it with its card. */
    public void stopIfResumed() {
        int transactionId = transactionId();
        boolean stopped = !context.evidence().received(StopTransactionRequest.class, context.scene().start).stream()
                .filter(s -> s.message().transactionId() == transactionId).toList().isEmpty();
        if (!stopped && statuses.current(connector()).orElse(null) == ChargePointStatus.Charging) {
            stoppedByTheDriver = true;
            context.perform(new PhysicalAction.PresentCard(connector(), context.settings().acceptedIdTag(),
                    "to stop the session the charger resumed after the power cut"));
        }
    }

    /**
     * The transaction ends: PowerLoss when the station ended it, Local (or no reason) when the
     * driver did. A StopTransaction the station kept over the outage comes at its pace of replay.
     */
    public void assertTransactionEnded() {
        int transactionId = transactionId();
        Duration replay = context.timeouts().reboot().plus(context.timeouts().replay());
        StopTransactionRequest stop = context.evidence().next(StopTransactionRequest.class)
                .matching("of transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(context.scene().start).within(replay.compareTo(context.patience()) > 0 ? replay : context.patience())
                .message();
        if (stoppedByTheDriver) {
            if (stop.reason() != null && stop.reason() != Reason.Local) {
                throw new AssertionError("expected the StopTransaction of transaction " + transactionId + ", which the driver "
                        + "ended, with reason Local or none; it had " + stop.reason(), null);
            }
        } else {
            assertReason(stop, Reason.PowerLoss);
        }
    }

    /** Once the station has settled, the connector's last status is one of these. */
    public void assertFinallyOneOf(Set<ChargePointStatus> wanted) {
        try {
            Waits.await("connector " + connector() + " " + names(wanted)).atMost(context.patience())
                    .until(() -> statuses.current(connector()).filter(wanted::contains).isPresent());
        } catch (ConditionTimeoutException e) {
            // judged below, after the station has settled
        }
        statuses.awaitSettled();
        ChargePointStatus last = statuses.current(connector()).orElse(null);
        if (last == null || !wanted.contains(last)) {
            throw new AssertionError("expected connector " + connector() + " to end " + names(wanted) + "; its last status is "
                    + last + "; received: " + statusesSince(context.scene().start), null);
        }
    }

    // ---------------------------------------------------------------- TC_034_CS: Inoperative over a power cycle

    /** After the boot connector 0 and every connector report, and every status they report is Unavailable. */
    public void assertStillUnavailableAfterBoot() {
        long boot = context.scene().lastAction;
        statuses.awaitEveryConnectorReports(boot, context.patience());
        List<String> other = context.evidence().messages(StatusNotificationRequest.class, boot).stream()
                .filter(s -> s.status() != ChargePointStatus.Unavailable).map(Describe::brief).toList();
        if (!other.isEmpty()) {
            throw new AssertionError("expected every connector and connector 0 still Unavailable after the power came back, as "
                    + "ChangeAvailability Inoperative left them; the station reported " + String.join(", ", other), null);
        }
    }

    private void assertReason(StopTransactionRequest stop, Reason reason) {
        if (stop.reason() != reason) {
            throw new AssertionError("expected the StopTransaction of transaction " + stop.transactionId() + " with reason "
                    + reason + "; it had " + (stop.reason() == null ? "none (Local)" : stop.reason()), null);
        }
    }

    private String statusesSince(long since) {
        List<String> all = context.evidence().messages(StatusNotificationRequest.class, since).stream().map(Describe::brief)
                .toList();
        return all.isEmpty() ? "no StatusNotification" : String.join(", ", all);
    }

    private static String names(Set<ChargePointStatus> wanted) {
        return wanted.stream().map(Enum::name).collect(Collectors.joining(" or "));
    }
}
