package io.chargecheck.certification;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The status of the station and its connectors, as its StatusNotifications tell it. */
public final class Statuses {

    private static final Logger LOG = LoggerFactory.getLogger(Statuses.class);

    private final Context context;

    public Statuses(Context context) {
        this.context = context;
    }

    /** Waits for the connector to report the status after the last action. */
    public Received<StatusNotificationRequest> await(int connector, ChargePointStatus status, Duration timeout) {
        return await(connector, status, context.scene().lastAction, timeout);
    }

    public Received<StatusNotificationRequest> await(int connector, ChargePointStatus status, long since, Duration timeout) {
        return context.evidence().next(StatusNotificationRequest.class)
                .matching("for connector " + connector + " with status " + status,
                        s -> s.connectorId() == connector && s.status() == status)
                .after(since).within(timeout);
    }

    /** Waits for the connector to report any status other than this one. */
    public Received<StatusNotificationRequest> awaitLeaving(int connector, ChargePointStatus status, Duration timeout) {
        return context.evidence().next(StatusNotificationRequest.class)
                .matching("for connector " + connector + " with a status other than " + status,
                        s -> s.connectorId() == connector && s.status() != status)
                .after(context.scene().lastAction).within(timeout);
    }

    /** Waits until connector 0 and every connector have reported the status after the last action. */
    public void awaitEveryConnector(ChargePointStatus status, Duration timeout) {
        awaitEveryConnector(status, context.scene().lastAction, timeout);
    }

    public void awaitEveryConnector(ChargePointStatus status, long since, Duration timeout) {
        awaitEveryConnector("StatusNotification " + status, s -> s.status() == status, since, timeout);
    }

    /** Waits until connector 0 and every connector have reported some status: after a boot any status counts. */
    public void awaitEveryConnectorReports(long since, Duration timeout) {
        awaitEveryConnector("a StatusNotification", s -> true, since, timeout);
    }

    private void awaitEveryConnector(String what, Predicate<StatusNotificationRequest> test, long since, Duration timeout) {
        try {
            Waits.await(what + " for connector 0 and every connector")
                    .atMost(timeout)
                    .until(() -> silentConnectors(test, since).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + what + " for connector 0 and connectors 1 to " + connectorCount()
                    + " within " + Describe.seconds(timeout) + "; none for " + String.join(", ", silentConnectors(test, since))
                    + "; received: " + receivedSince(since), null);
        }
    }

    private List<String> silentConnectors(Predicate<StatusNotificationRequest> test, long since) {
        List<StatusNotificationRequest> received = context.evidence().messages(StatusNotificationRequest.class, since);
        return allConnectors().stream()
                .filter(connector -> received.stream().noneMatch(s -> s.connectorId() == connector && test.test(s)))
                .map(connector -> "connector " + connector).toList();
    }

    /** Waits for the connector to report the statuses in this order, counting from the scenario start. */
    public void awaitInOrder(int connector, List<ChargePointStatus> order, Duration timeout) {
        long since = context.scene().start;
        for (ChargePointStatus status : order) {
            since = await(connector, status, since, timeout).entry().seq();
        }
    }

    /** The last status the connector reported, if any. */
    public Optional<ChargePointStatus> current(int connector) {
        return context.evidence().station().lastStatus(connector)
                .flatMap(entry -> entry.message(StatusNotificationRequest.class))
                .map(StatusNotificationRequest::status);
    }

    /**
     * Waits until the station has settled: no StatusNotification or StopTransaction for the settle
     * time. A charger's statuses after a stop come when they come (Finishing can follow the stop by
     * half a second), and a state judged before then is judged too early.
     */
    public void awaitSettled() {
        Duration settle = context.timeouts().settle();
        try {
            Waits.await("the station to settle")
                    .atMost(settle.plus(context.timeouts().message()))
                    .until(() -> quietFor().compareTo(settle) >= 0);
        } catch (ConditionTimeoutException e) {
            LOG.info("{} keeps reporting statuses; judging its state now", Untrusted.shown(context.station().id()));
        }
    }

    private Duration quietFor() {
        List<JournalEntry> entries = context.evidence().entries(context.scene().start);
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            if (entry.isCallFromStation(Action.StatusNotification) || entry.isCallFromStation(Action.StopTransaction)) {
                return Duration.between(entry.time(), Instant.now());
            }
        }
        return Duration.between(Instant.ofEpochMilli(0), Instant.now());
    }

    /**
     * The precondition of a case that needs the connector Available. A station that has just
     * finished another case is given time to settle first. On a live charger what stands in the way
     * is put right by the person (unplug, clear the fault) and the charger's own status is awaited;
     * a connector left Unavailable is made Operative.
     */
    public void ensureAvailable(int connector) {
        Station station = context.station();
        if (!station.driver().isSimulated() || !station.isFresh()) {
            awaitSettled();
        }
        ChargePointStatus now = current(connector).orElse(null);
        if (now == ChargePointStatus.Available) {
            return;
        }
        PhysicalAction remedy = switch (now == null ? ChargePointStatus.Available : now) {
            case Preparing, Finishing, SuspendedEV, SuspendedEVSE -> new PhysicalAction.Unplug(connector);
            case Faulted -> new PhysicalAction.ClearFault(connector);
            default -> null;
        };
        if (now == ChargePointStatus.Unavailable) {
            context.platform().send(new ChangeAvailabilityRequest(connector, AvailabilityType.Operative));
        } else if (remedy != null && !station.driver().isSimulated()) {
            context.perform(remedy);
        } else {
            throw notAvailable(connector, now, "");
        }
        try {
            await(connector, ChargePointStatus.Available, station.driver().patienceFor(remedy == null
                    ? new PhysicalAction.Unplug(connector) : remedy));
        } catch (AssertionError e) {
            throw notAvailable(connector, now, now == ChargePointStatus.Unavailable
                    ? " and stayed so after ChangeAvailability Operative" : " and stayed so after the person was asked to "
                    + (remedy == null ? "make it Available" : remedy.title()));
        }
    }

    private AssertionError notAvailable(int connector, ChargePointStatus now, String after) {
        return new AssertionError("expected connector " + connector + " to be Available before the test; it is "
                + (now == null ? "unknown (no StatusNotification yet)" : now) + after, null);
    }

    /** Connectors 1..n: NumberOfConnectors from the station's configuration, read once per run. */
    public int connectorCount() {
        return context.station().connectorCount(() -> context.platform().readInteger("NumberOfConnectors"));
    }

    public List<Integer> allConnectors() {
        return IntStream.rangeClosed(0, connectorCount()).boxed().toList();
    }

    /** Fails naming the connectors without any StatusNotification in the whole run. */
    public void assertEveryConnectorReported() {
        List<StatusNotificationRequest> all = context.evidence().messages(StatusNotificationRequest.class, 0);
        List<String> silent = allConnectors().stream()
                .filter(connector -> all.stream().noneMatch(s -> s.connectorId() == connector))
                .map(connector -> "connector " + connector).toList();
        if (!silent.isEmpty()) {
            throw new AssertionError("expected a StatusNotification for connector 0 and every connector; none for "
                    + String.join(", ", silent), null);
        }
    }

    /** Fails naming every StatusNotification of the run that broke OCPP 1.6 (an invalid status among them). */
    public void assertAllValid() {
        List<String> broken = context.evidence().problems(0).stream()
                .filter(entry -> entry.action() == io.chargecheck.ocpp.Action.StatusNotification)
                .map(entry -> entry.problem() + " at " + Describe.time(entry.time())).toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("expected every StatusNotification to be valid OCPP 1.6; invalid: "
                    + String.join("; ", broken), null);
        }
    }

    /** Waits for Faulted with an error code on the connector and notes the code for the report. */
    public void awaitFaulted(int connector, Duration timeout) {
        StatusNotificationRequest faulted = await(connector, ChargePointStatus.Faulted, timeout).message();
        if (faulted.errorCode() == ChargePointErrorCode.NoError) {
            throw new AssertionError("expected connector " + connector + " to report Faulted with an errorCode; it reported "
                    + "Faulted with NoError, so the platform cannot tell what is wrong", null);
        }
        context.observations().note("connector " + connector + " Faulted: " + faulted.errorCode()
                + (faulted.vendorErrorCode() == null ? "" : " (" + faulted.vendorErrorCode() + ")"));
    }

    private String receivedSince(long since) {
        List<Received<StatusNotificationRequest>> all = context.evidence().received(StatusNotificationRequest.class, since);
        return all.isEmpty() ? "no StatusNotification at all" : all.stream()
                .map(r -> Describe.brief(r.message()) + " at " + Describe.time(r.entry().time()))
                .collect(Collectors.joining(", "));
    }
}
