package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Cadence;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.OfflineTransactions;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Transactions;
import io.chargecheck.certification.Waits;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.opentest4j.TestAbortedException;

/**
 * TC_036_CS to TC_039_CS: the connection to the central system is lost during a transaction or
 * before one, and what the station kept comes after it is back: its readings, a transaction
 * started with a card it approved on its own (and what the central system's verdict on that card
 * then does to it), a transaction stopped or wholly run meanwhile.
 */
public final class OfflineBehaviour {

    private final Context context;
    private final OfflineTransactions offline;
    private final Transactions transactions;
    private final MessageOrder order;
    /** The journal entry after which the case judges what the station sends next. */
    private long judgedFrom;

    public OfflineBehaviour(Context context, OfflineTransactions offline, Transactions transactions) {
        this.context = context;
        this.offline = offline;
        this.transactions = transactions;
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    /** A station replays at its own pace: the reconnection, then what it kept. */
    private Duration replayTime() {
        return context.timeouts().reboot().plus(context.timeouts().replay());
    }

    // ---------------------------------------------------------------- memory states of an offline start

    /**
     * The OCA's memory states IdTagLocalAuthList and IdTagCached "if implemented": the card in the
     * local list where the station has one in use, else in the authorization cache where it has
     * one (the central system accepts it for that, whatever it answers later). Where it has
     * neither, AllowOfflineTxForUnknownId must let an unknown card start; where nothing lets the
     * card start offline, the case is not tested.
     */
    public void makeCardKnownOffline(String idTag) {
        Map<String, KeyValue> keys = context.platform().readConfiguration();
        if (!isTrue(keys, "LocalAuthorizeOffline")) {
            throw new TestAbortedException("the station does not approve cards offline: LocalAuthorizeOffline is "
                    + value(keys, "LocalAuthorizeOffline"));
        }
        if (isTrue(keys, "LocalAuthListEnabled") && listsProfile(keys, "LocalAuthListManagement")) {
            new ReusableStates(context).idTagInLocalList(idTag);
            context.observations().note("card " + idTag + " in the local list for the offline start");
        } else if (isTrue(keys, "AuthorizationCacheEnabled")) {
            new CentralSystemAnswers(context).answerCardWith(idTag, AuthorizationStatus.Accepted);
            transactions.ensureCardAuthorized(idTag);
            context.observations().note("card " + idTag + " in the authorization cache for the offline start");
        } else if (isTrue(keys, "AllowOfflineTxForUnknownId")) {
            context.observations().note("no local list or cache: AllowOfflineTxForUnknownId lets the card start offline");
        } else {
            throw new TestAbortedException("the station has no way to approve card " + idTag + " offline: no local list in use, "
                    + "no authorization cache, and AllowOfflineTxForUnknownId is " + value(keys, "AllowOfflineTxForUnknownId"));
        }
    }

    // ---------------------------------------------------------------- while offline

    /**
     * TC_036_CS: offline long enough for three readings (three sample intervals and a little).
     * Whether the station stayed away is judged by the journal, not by the wait's clock: on a
     * loaded machine the wait may end late, which says nothing about the station.
     */
    public void stayOfflineForThreeSampleIntervals() {
        Duration interval = MeterSampling.sampleInterval(context);
        Duration window = interval.multipliedBy(MeterSampling.READINGS).plus(Cadence.toleranceFor(interval));
        long down = lastDisconnection().seq();
        Instant over = Instant.now().plus(window);
        try {
            Waits.await("the station to stay offline for " + Describe.seconds(window))
                    .atMost(window.plus(context.timeouts().message()))
                    .until(() -> reconnectedSince(down) || !Instant.now().isBefore(over));
        } catch (ConditionTimeoutException e) {
            // judged below, from the journal
        }
        if (reconnectedSince(down)) {
            throw new AssertionError("expected the station to stay disconnected while the central system is offline; it "
                    + "connected again", null);
        }
    }

    private boolean reconnectedSince(long down) {
        return context.evidence().entries(down).stream().anyMatch(e -> e.kind() == JournalEntry.Kind.CONNECTED);
    }

    /** TC_037_CS: the driver plugs in and presents the card, which the station can only approve on its own. */
    public void startWhileOffline(String idTag) {
        offline.doWhileOffline(new PhysicalAction.StartWhileOffline(connector(), idTag));
    }

    // ---------------------------------------------------------------- after the reconnection

    /**
     * TC_036_CS: the readings taken while offline come after the reconnection, before the new
     * ones and in the order they were taken: the readings of the transaction, from its start on,
     * arrive in chronological order one sample interval apart across the time offline (OCPP 1.6
     * samples "at this interval from the start of the charging transaction").
     */
    public void assertReadingsKeptWhileOfflineDeliveredInOrder() {
        int transactionId = runningTransaction();
        Duration interval = MeterSampling.sampleInterval(context);
        Duration tolerance = Cadence.toleranceFor(interval);
        JournalEntry down = lastDisconnection();
        JournalEntry back = reconnectionAfter(down);
        Duration away = Duration.between(down.time(), back.time());
        int wanted = (int) (away.toMillis() / interval.toMillis()) + 1;
        Duration timeout = replayTime().plus(interval.multipliedBy(wanted + 1L));
        List<MeterValue> after;
        try {
            after = Waits.await(wanted + " readings after the reconnection").atMost(timeout)
                    .until(() -> periodicReadings(transactionId, back.seq(), Long.MAX_VALUE), list -> list.size() >= wanted);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected, after " + Describe.seconds(away) + " offline, at least " + wanted + " periodic "
                    + "readings of transaction " + transactionId + " (those taken offline, then a new one) within "
                    + Describe.seconds(timeout) + " of the reconnection; received "
                    + periodicReadings(transactionId, back.seq(), Long.MAX_VALUE).size(), null);
        }
        List<Instant> series = new ArrayList<>();
        series.add(startOf(transactionId).timestamp());
        periodicReadings(transactionId, context.scene().start, down.seq()).stream().map(MeterValue::timestamp)
                .forEach(series::add);
        after.stream().limit(wanted).map(MeterValue::timestamp).forEach(series::add);
        String story = "the transaction started at " + Describe.time(series.get(0)) + ", readings of "
                + series.stream().skip(1).map(Describe::time).collect(Collectors.joining(", "))
                + " (offline from " + Describe.time(down.time()) + " to " + Describe.time(back.time()) + ")";
        for (int i = 1; i < series.size(); i++) {
            Duration gap = Duration.between(series.get(i - 1), series.get(i));
            if (gap.isNegative()) {
                throw new AssertionError("expected the readings kept while offline in the order they were taken, before any "
                        + "new one; the reading of " + Describe.time(series.get(i)) + " came after that of "
                        + Describe.time(series.get(i - 1)) + "; " + story, null);
            }
            if (gap.minus(interval).abs().compareTo(tolerance) > 0) {
                throw new AssertionError("expected a reading every " + Describe.seconds(interval) + " (± "
                        + Describe.seconds(tolerance) + ") through the time offline, the ones taken offline delivered after "
                        + "reconnecting; between " + Describe.time(series.get(i - 1)) + " and " + Describe.time(series.get(i))
                        + " there are " + Describe.seconds(gap) + "; " + story, null);
            }
        }
    }

    /**
     * TC_037_CS, TC_039_CS: the StartTransaction kept while offline arrives and is answered as the
     * central system decides; with {@code charging}, Charging on the connector (before or after it).
     */
    public void assertStartKeptWhileOffline(AuthorizationStatus answered, boolean charging) {
        long since = lastDisconnection().seq();
        List<JournalEntry> seen = charging
                ? order.awaitInOrder(since, replayTime(), MessageOrder.start(connector()),
                        Expected.status(connector(), ChargePointStatus.Charging))
                : order.awaitInOrder(since, replayTime(), MessageOrder.start(connector()));
        JournalEntry start = seen.stream().filter(e -> e.message(StartTransactionRequest.class).isPresent()).findFirst()
                .orElseThrow();
        StartTransactionResponse answer = context.evidence().answerTo(start).flatMap(a -> a.message(StartTransactionResponse.class))
                .orElseThrow(() -> new AssertionError("the central system's answer to the StartTransaction is not in its journal",
                        null));
        if (answer.idTagInfo().status() != answered) {
            throw new IllegalStateException("the central system answered the StartTransaction " + answer.idTagInfo().status()
                    + ", not " + answered + " as the case says it does");
        }
        context.scene().transactionId = answer.transactionId();
        judgedFrom = seen.stream().mapToLong(JournalEntry::seq).max().orElseThrow();
    }

    /** TC_037_2_CS: SuspendedEVSE after Charging, and the transaction goes on: no StopTransaction. */
    public void assertSuspendedAndNotStopped() {
        int transactionId = runningTransaction();
        order.awaitInOrder(judgedFrom, context.timeouts().message(), Expected.status(connector(), ChargePointStatus.SuspendedEVSE));
        context.evidence().next(StopTransactionRequest.class)
                .matching("of transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(judgedFrom).none(context.timeouts().quiet());
    }

    /** TC_037_3_CS: the station stops the transaction, reason DeAuthorized, and Finishing (in either order). */
    public void assertStoppedDeauthorized() {
        int transactionId = runningTransaction();
        StopTransactionRequest stop = awaitStop(judgedFrom, transactionId, context.timeouts().message(), true);
        if (stop.reason() != Reason.DeAuthorized) {
            throw new AssertionError("expected the StopTransaction of transaction " + transactionId + ", whose card the central "
                    + "system answered Invalid, with reason DeAuthorized; it had " + reasonOf(stop), null);
        }
    }

    /** TC_038_CS: the StopTransaction kept while offline, reason Local or none, and Finishing (in either order). */
    public void assertStopKeptWhileOffline() {
        assertStoppedLocally(awaitStop(lastDisconnection().seq(), runningTransaction(), replayTime(), true));
    }

    /** TC_039_CS: after the StartTransaction kept while offline, its StopTransaction, reason Local or none. */
    public void assertStopFollowsTheStart() {
        assertStoppedLocally(awaitStop(judgedFrom, runningTransaction(), replayTime(), false));
    }

    private StopTransactionRequest awaitStop(long since, int transactionId, Duration timeout, boolean finishing) {
        List<JournalEntry> seen = finishing
                ? order.awaitInOrder(since, timeout, MessageOrder.stop(transactionId),
                        Expected.status(connector(), ChargePointStatus.Finishing))
                : order.awaitInOrder(since, timeout, MessageOrder.stop(transactionId));
        return seen.stream().map(e -> e.message(StopTransactionRequest.class)).flatMap(Optional::stream).findFirst().orElseThrow();
    }

    private void assertStoppedLocally(StopTransactionRequest stop) {
        if (stop.reason() != null && stop.reason() != Reason.Local) {
            throw new AssertionError("expected the StopTransaction of transaction " + stop.transactionId() + ", which the "
                    + "driver ended, with reason Local or none; it had " + stop.reason(), null);
        }
    }

    // ---------------------------------------------------------------- the journal

    /**
     * The central system forgets a closed connection a moment before its journal says so, and
     * knows a new one a moment before: the entries are waited for, briefly.
     */
    /**
     * The disconnection the central system's going offline caused: looked for from then on, since
     * a reboot earlier in the scenario (a key that needed one) left a disconnection of its own, and
     * the newest may not be in the journal yet.
     */
    private JournalEntry lastDisconnection() {
        return journalEntry("the station's disconnection", Math.max(context.scene().start, offline.offlineSince()),
                JournalEntry.Kind.DISCONNECTED, true)
                .orElseThrow(() -> new IllegalStateException("the station was not disconnected in this scenario"));
    }

    private JournalEntry reconnectionAfter(JournalEntry down) {
        return journalEntry("the station's reconnection", down.seq(), JournalEntry.Kind.CONNECTED, false)
                .orElseThrow(() -> new AssertionError("expected the station to connect again after " + Describe.time(down.time()),
                        null));
    }

    private Optional<JournalEntry> journalEntry(String what, long since, JournalEntry.Kind kind, boolean last) {
        try {
            return Waits.await(what + " in the journal").atMost(context.timeouts().message())
                    .until(() -> {
                        List<JournalEntry> found = context.evidence().entries(since).stream().filter(e -> e.kind() == kind)
                                .toList();
                        return found.isEmpty() ? Optional.<JournalEntry>empty()
                                : Optional.of(found.get(last ? found.size() - 1 : 0));
                    }, Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    /** The periodic readings of the transaction that arrived after the mark and before {@code until}, in the order they came. */
    private List<MeterValue> periodicReadings(int transactionId, long since, long until) {
        return context.evidence().received(MeterValuesRequest.class, since).stream()
                .filter(r -> r.entry().seq() < until).map(r -> r.message())
                .filter(m -> m.transactionId() != null && m.transactionId() == transactionId)
                .flatMap(m -> m.meterValue().stream())
                .filter(v -> v.sampledValue().stream().allMatch(s -> s.context() == null
                        || s.context() == ReadingContext.SamplePeriodic))
                .toList();
    }

    private StartTransactionRequest startOf(int transactionId) {
        return context.evidence().received(StartTransactionRequest.class, context.scene().start).stream()
                .filter(s -> context.evidence().answerTo(s.entry()).flatMap(a -> a.message(StartTransactionResponse.class))
                        .filter(answer -> answer.transactionId() == transactionId).isPresent())
                .map(s -> s.message()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no StartTransaction of transaction " + transactionId));
    }

    private int runningTransaction() {
        Integer running = context.scene().transactionId;
        if (running == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return running;
    }

    private static String reasonOf(StopTransactionRequest stop) {
        return stop.reason() == null ? "none (Local)" : stop.reason().name();
    }

    private static boolean listsProfile(Map<String, KeyValue> keys, String profile) {
        return Arrays.stream(value(keys, "SupportedFeatureProfiles").split(",")).anyMatch(p -> p.strip().equalsIgnoreCase(profile));
    }

    private static boolean isTrue(Map<String, KeyValue> keys, String key) {
        return "true".equalsIgnoreCase(value(keys, key));
    }

    private static String value(Map<String, KeyValue> keys, String key) {
        return keys.values().stream().filter(k -> k.key().equalsIgnoreCase(key)).findFirst().map(KeyValue::value)
                .map(String::strip).orElse("absent");
    }
}
