package io.chargecheck.certification;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Something a person does at the charger. On the simulator it is done through the simulator's
 * control API; on a live charger the console asks the person at the charger to do it, and the
 * action counts as done only once the charger shows it ({@link #sign()}), never on the word of
 * the console.
 */
public sealed interface PhysicalAction {

    /** One sentence for the person at the charger, in the imperative. */
    String instruction();

    /**
     * What the charger sends once the action is done, so that a step waits for it before it counts
     * as done; empty when nothing can come at once (the central system is offline).
     */
    Optional<Sign> sign();

    /** The messages that show an action was done, and how to say so in a failure. */
    record Sign(String description, Predicate<JournalEntry> seen) {
    }

    record PlugIn(int connector) implements PhysicalAction {
        public String instruction() {
            return "Plug the charging cable into connector " + connector + " (and into the EV or EV simulator).";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a StatusNotification or StartTransaction for connector " + connector,
                    statusOf(connector, any -> true).or(startOn(connector))));
        }
    }

    record Unplug(int connector) implements PhysicalAction {
        public String instruction() {
            return "Unplug the charging cable from connector " + connector + " (at the EV side).";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a StatusNotification for connector " + connector + " or a StopTransaction",
                    statusOf(connector, any -> true).or(stop())));
        }
    }

    /** A card held to the reader; {@code purpose} says what for ("to start a charging session"). */
    record PresentCard(int connector, String idTag, String purpose) implements PhysicalAction {
        public String instruction() {
            return "Present card \"" + idTag + "\" at the reader of connector " + connector + " " + purpose + ".";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("an Authorize, StartTransaction or StopTransaction for card " + idTag
                    + ", or a StatusNotification for connector " + connector,
                    authorizeOf(idTag).or(startOn(connector)).or(stop()).or(statusOf(connector, any -> true))));
        }
    }

    record PresentCardWithoutCable(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Without plugging in a cable, present card \"" + idTag + "\" at the reader of connector " + connector
                    + " to start a charging session.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("an Authorize for card " + idTag + " or a StatusNotification for connector " + connector,
                    authorizeOf(idTag).or(statusOf(connector, any -> true))));
        }
    }

    /** Ends the session while the central system is offline: what shows it comes after the reconnection. */
    record EndTransaction(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "End the charging session on connector " + connector + ": present card \"" + idTag + "\" again.";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
        }
    }

    /** A whole session while the central system is offline: what shows it comes after the reconnection. */
    record ChargeWhileOffline(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Plug the cable into connector " + connector + " and present card \"" + idTag + "\"; once it charges, "
                    + "present the card again to stop, and unplug the cable.";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
        }
    }

    record CauseFault(int connector) implements PhysicalAction {
        public String instruction() {
            return connector == 0
                    ? "Create a fault of the station itself, e.g. disconnect the power meter or cut one supply phase."
                    : "Create a hardware fault on connector " + connector
                    + ", e.g. disconnect the communication (CP) pin or the power pin.";
        }

        public Optional<Sign> sign() {
            Predicate<JournalEntry> faulted = connector == 0
                    ? status(s -> s.status() == ChargePointStatus.Faulted)
                    : statusOf(connector, s -> s.status() == ChargePointStatus.Faulted);
            return Optional.of(new Sign("a StatusNotification Faulted" + (connector == 0 ? "" : " for connector " + connector),
                    faulted));
        }
    }

    record ClearFault(int connector) implements PhysicalAction {
        public String instruction() {
            return "Remove the fault " + (connector == 0 ? "of the station" : "on connector " + connector)
                    + " and restore normal operation.";
        }

        public Optional<Sign> sign() {
            Predicate<JournalEntry> cleared = connector == 0
                    ? status(s -> s.status() != ChargePointStatus.Faulted)
                    : statusOf(connector, s -> s.status() != ChargePointStatus.Faulted);
            return Optional.of(new Sign("a StatusNotification other than Faulted" + (connector == 0 ? "" : " for connector "
                    + connector), cleared));
        }
    }

    /** A short name for logs and messages: "plug in", "clear fault". */
    default String title() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static Predicate<JournalEntry> status(Predicate<StatusNotificationRequest> test) {
        return entry -> entry.message(StatusNotificationRequest.class).filter(test).isPresent()
                && entry.direction() == JournalEntry.Direction.IN;
    }

    private static Predicate<JournalEntry> statusOf(int connector, Predicate<StatusNotificationRequest> test) {
        return status(s -> s.connectorId() == connector && test.test(s));
    }

    private static Predicate<JournalEntry> startOn(int connector) {
        return entry -> entry.message(StartTransactionRequest.class).filter(s -> s.connectorId() == connector).isPresent();
    }

    private static Predicate<JournalEntry> stop() {
        return entry -> entry.message(StopTransactionRequest.class).isPresent();
    }

    private static Predicate<JournalEntry> authorizeOf(String idTag) {
        return entry -> entry.message(AuthorizeRequest.class).filter(a -> a.idTag().equalsIgnoreCase(idTag)).isPresent();
    }
}
