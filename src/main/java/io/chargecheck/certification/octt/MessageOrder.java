package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Waits;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The OCA's rule for the order of a station's messages: they come in the order the case gives,
 * except that StatusNotification Charging may come before or after its StartTransaction, and
 * StatusNotification Finishing before or after its StopTransaction.
 */
public final class MessageOrder {

    /** A call the station must send, and how to name it in a failure. */
    public record Expected(String description, Predicate<JournalEntry> matches) {

        public static Expected status(int connector, ChargePointStatus status) {
            return new Expected("StatusNotification " + status + " for connector " + connector, entry -> entry
                    .message(StatusNotificationRequest.class)
                    .filter(s -> s.connectorId() == connector && s.status() == status).isPresent());
        }

        public static <T> Expected call(Class<T> type, String description, Predicate<T> test) {
            return new Expected(description, entry -> entry.direction() == JournalEntry.Direction.IN
                    && "CALL".equals(entry.messageType()) && entry.message(type).filter(test).isPresent());
        }

        public static <T> Expected call(Class<T> type) {
            return call(type, type.getSimpleName().replace("Request", ""), any -> true);
        }

        boolean isStatus(ChargePointStatus status) {
            return description.startsWith("StatusNotification " + status + " ");
        }
    }

    private final Context context;

    public MessageOrder(Context context) {
        this.context = context;
    }

    /** Waits until the station has sent all of these after the mark, in this order (with the OCA's two exceptions). */
    public List<JournalEntry> awaitInOrder(long since, Duration timeout, Expected... expected) {
        List<Expected> wanted = List.of(expected);
        try {
            return Waits.await(wanted.stream().map(Expected::description).collect(Collectors.joining(", then ")))
                    .atMost(timeout)
                    .until(() -> match(wanted, since), found -> found.size() == wanted.size());
        } catch (ConditionTimeoutException e) {
            List<JournalEntry> found = match(wanted, since);
            throw new AssertionError("expected " + wanted.stream().map(Expected::description).collect(Collectors.joining(", "))
                    + " in that order within " + Describe.seconds(timeout) + "; "
                    + (found.isEmpty() ? "none came" : "came as far as " + wanted.get(found.size() - 1).description())
                    + "; the station sent: " + story(since), null);
        }
    }

    /** The longest prefix of the expected calls found in order; a pair the OCA lets swap may come either way. */
    private List<JournalEntry> match(List<Expected> wanted, long since) {
        List<JournalEntry> calls = context.evidence().entries(since).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && "CALL".equals(e.messageType())).toList();
        List<Integer> at = new ArrayList<>();
        int floor = 0; // every call before this one is spent
        for (int i = 0; i < wanted.size(); i++) {
            boolean swapped = i > 0 && swappable(wanted.get(i - 1), wanted.get(i));
            int start = swapped ? (i >= 2 ? at.get(i - 2) + 1 : 0) : floor;
            int found = -1;
            for (int c = start; c < calls.size() && found < 0; c++) {
                if (!at.contains(c) && wanted.get(i).matches().test(calls.get(c))) {
                    found = c;
                }
            }
            if (found < 0) {
                break;
            }
            at.add(found);
            floor = Math.max(floor, found + 1);
        }
        return at.stream().map(calls::get).toList();
    }

    private static boolean swappable(Expected previous, Expected next) {
        boolean start = previous.description().startsWith("StartTransaction") || next.description().startsWith("StartTransaction");
        boolean stop = previous.description().startsWith("StopTransaction") || next.description().startsWith("StopTransaction");
        return start && (previous.isStatus(ChargePointStatus.Charging) || next.isStatus(ChargePointStatus.Charging))
                || stop && (previous.isStatus(ChargePointStatus.Finishing) || next.isStatus(ChargePointStatus.Finishing));
    }

    private String story(long since) {
        List<String> calls = context.evidence().entries(since).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && "CALL".equals(e.messageType()))
                .map(e -> e.message() == null ? String.valueOf(e.action()) : Describe.brief(e.message()))
                .toList();
        return calls.isEmpty() ? "nothing" : String.join(", ", calls);
    }

    /** StartTransaction for this connector. */
    public static Expected start(int connector) {
        return Expected.call(StartTransactionRequest.class, "StartTransaction for connector " + connector,
                s -> s.connectorId() == connector);
    }

    /** StopTransaction of this transaction. */
    public static Expected stop(int transactionId) {
        return Expected.call(StopTransactionRequest.class, "StopTransaction of transaction " + transactionId,
                s -> s.transactionId() == transactionId);
    }
}
