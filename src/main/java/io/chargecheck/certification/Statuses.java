package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The status of the station and its connectors, as its StatusNotifications tell it. */
public final class Statuses {

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
            Awaitility.await(what + " for connector 0 and every connector")
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10))
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
        List<StatusNotificationRequest> all = context.evidence().messages(StatusNotificationRequest.class, 0);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).connectorId() == connector) {
                return Optional.of(all.get(i).status());
            }
        }
        return Optional.empty();
    }

    public void assertCurrently(int connector, ChargePointStatus status) {
        ChargePointStatus now = current(connector).orElse(null);
        if (now != status) {
            throw new AssertionError("expected connector " + connector + " to be " + status + " before the test; it is "
                    + (now == null ? "unknown (no StatusNotification yet)" : now)
                    + (context.bench().driver().isSimulated() ? "" : ": make it " + status + " and rerun the case"), null);
        }
    }

    /** Connectors 1..n: NumberOfConnectors from the station's configuration, read once per run. */
    public int connectorCount() {
        return context.bench().connectorCount(() -> context.platform().readInteger("NumberOfConnectors"));
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

    /** Fails naming the Faulted StatusNotifications that say NoError. */
    public void assertFaultsNameTheirError() {
        List<String> unnamed = context.evidence().received(StatusNotificationRequest.class, 0).stream()
                .filter(r -> r.message().status() == ChargePointStatus.Faulted
                        && r.message().errorCode() == ChargePointErrorCode.NoError)
                .map(r -> "connector " + r.message().connectorId() + " at " + Describe.time(r.entry().time())).toList();
        if (!unnamed.isEmpty()) {
            throw new AssertionError("expected every Faulted StatusNotification to carry an errorCode other than NoError; "
                    + "NoError on " + String.join(", ", unnamed), null);
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
