package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.octt.ChargingSession.AfterStop;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetResponse;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * TC_013_CS to TC_016_CS: a Reset, once, as the OCA sends it, with or without a transaction. A
 * hard reset reboots (BootNotification, then a status for connector 0 and every connector); after
 * a soft one the boot is optional. A connector made Inoperative stays so through the reboot; a
 * transaction ends with the reason of the reset.
 */
public final class Rebooting {

    private final Context context;
    private final ChargingSession session;
    private final Statuses statuses;
    private ResetType type;
    private long resetAt;
    private JournalEntry boot;

    public Rebooting(Context context, ChargingSession session) {
        this.context = context;
        this.session = session;
        this.statuses = new Statuses(context);
    }

    public void reset(ResetType type) {
        statuses.connectorCount(); // asked now: the station cannot answer while it reboots
        this.type = type;
        context.platform().send(new ResetRequest(type));
        resetAt = context.scene().lastAction;
    }

    public void assertAccepted() {
        ResetStatus status = context.platform().lastAnswer(ResetResponse.class).status();
        if (status != ResetStatus.Accepted) {
            throw new AssertionError("expected Reset " + type + " to be Accepted; it was answered " + status, null);
        }
    }

    /** The BootNotification after the reset, answered Accepted. */
    public void awaitBoot() {
        boot = context.evidence().next(BootNotificationRequest.class).after(resetAt).within(context.timeouts().reboot()).entry();
        RegistrationStatus answered = context.evidence().answerTo(boot).flatMap(a -> a.message(BootNotificationResponse.class))
                .map(BootNotificationResponse::status).orElse(null);
        if (answered != RegistrationStatus.Accepted) {
            throw new AssertionError("the central system answered the BootNotification after the reset " + answered
                    + ", not Accepted", null);
        }
    }

    /** After a soft reset the boot is the station's choice: waits for it, and says so when none came. */
    public boolean awaitBootIfAny() {
        try {
            awaitBoot();
            return true;
        } catch (AssertionError none) {
            if (context.evidence().next(BootNotificationRequest.class).after(resetAt).find().isPresent()) {
                throw none;
            }
            context.observations().note("no BootNotification within " + Describe.seconds(context.timeouts().reboot())
                    + " of Reset " + type + " (OCPP 1.6 does not require one after a soft reset)");
            return false;
        }
    }

    /** After the boot: the connector Inoperative before it still Unavailable, connector 0 and every other one Available. */
    public void assertAvailabilityKeptThroughTheBoot() {
        assertStatusesAfterBoot(Set.of(ChargePointStatus.Unavailable), "Unavailable, as it was made Inoperative before the reset");
    }

    /** After the boot: the connector of the transaction Finishing or Preparing (the cable is in), every other one Available. */
    public void assertTransactionConnectorSettledAfterTheBoot() {
        assertStatusesAfterBoot(Set.of(ChargePointStatus.Finishing, ChargePointStatus.Preparing),
                "Finishing or Preparing, its cable still in after the transaction");
    }

    /** The first status each connector reports after the boot: the case's connector one of these, the others Available. */
    private void assertStatusesAfterBoot(Set<ChargePointStatus> ofTheConnector, String why) {
        if (boot == null) {
            throw new IllegalStateException("the case awaits the boot first");
        }
        statuses.awaitEveryConnectorReports(boot.seq(), context.timeouts().message());
        List<StatusNotificationRequest> after = context.evidence().messages(StatusNotificationRequest.class, boot.seq());
        List<String> wrong = new ArrayList<>();
        for (int connector : statuses.allConnectors()) {
            Set<ChargePointStatus> allowed = connector == context.connector() ? ofTheConnector : Set.of(ChargePointStatus.Available);
            ChargePointStatus first = after.stream().filter(s -> s.connectorId() == connector).findFirst()
                    .map(StatusNotificationRequest::status).orElseThrow();
            if (!allowed.contains(first)) {
                wrong.add("connector " + connector + " reported " + first + ", expected "
                        + (connector == context.connector() ? why : "Available"));
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError("expected after the boot that followed Reset " + type + ": " + String.join("; ", wrong),
                    null);
        }
    }

    /**
     * The transaction stopped with the reason of the reset, before or after the boot. Stopped
     * before the station went down, it reports Finishing as well.
     */
    public void assertTransactionStoppedByTheReset(Reason reason) {
        int transactionId = session.runningTransaction();
        Duration timeout = context.timeouts().reboot().plus(context.patience());
        JournalEntry stop = context.evidence().next(StopTransactionRequest.class)
                .matching("of transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(resetAt).within(timeout).entry();
        Optional<JournalEntry> bootSoFar = context.evidence().next(BootNotificationRequest.class).after(resetAt).find()
                .map(r -> r.entry());
        if (bootSoFar.isEmpty() || stop.seq() < bootSoFar.get().seq()) {
            session.awaitStop(reason, null, AfterStop.FINISHING, timeout);
        } else {
            session.read(stop);
            session.assertStop(stop.message(StopTransactionRequest.class).orElseThrow(), reason, null);
        }
    }

    /** ChangeAvailability for the case's connector; its answer and status are the steps that follow. */
    public void changeAvailabilityOfTheConnector(AvailabilityType type) {
        context.platform().send(new ChangeAvailabilityRequest(context.connector(), type));
    }
}
