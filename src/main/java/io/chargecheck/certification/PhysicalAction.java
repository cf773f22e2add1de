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

    /**
     * A card held to the reader of a connector reserved for another card: a charger that turns it
     * away may say nothing at all, so nothing the charger sends can show it was done.
     */
    record PresentCardAtReservedConnector(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Present card \"" + idTag + "\" at the reader of connector " + connector
                    + ", which is reserved for another card.";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
        }
    }

    /**
     * Another driver's card held to the reader of a connector that charges for someone else: the
     * charger should do nothing, so nothing can show it was done; at a live charger the person
     * says so with Enter.
     */
    record PresentForeignCard(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Present card \"" + idTag + "\", another driver's, at the reader of connector " + connector
                    + " while it charges for the first card; the charger should ignore it.";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
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

    /** A fault of the whole charge point: connector 0 and every connector report Faulted. */
    record CauseStationWideFault() implements PhysicalAction {
        public String instruction() {
            return "Make the whole charger faulty, so that every connector is out of order (e.g. trip its main breaker "
                    + "while it stays connected).";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a StatusNotification Faulted", status(s -> s.status() == ChargePointStatus.Faulted)));
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

    /** The cable pulled out of the EV, its other end still in the charger (an EV-side disconnect). */
    record UnplugAtEv(int connector) implements PhysicalAction {
        public String instruction() {
            return "Pull the charging cable out of the EV (or EV simulator) on connector " + connector
                    + ", leaving it in the charger.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a StatusNotification for connector " + connector + " or a StopTransaction",
                    statusOf(connector, any -> true).or(stop())));
        }
    }

    /** The plug pushed in only halfway, so that the connector cannot lock it. */
    record PlugInHalfway(int connector) implements PhysicalAction {
        public String instruction() {
            return "Insert the plug into connector " + connector + " only halfway, so that the connector cannot lock it.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a StatusNotification for connector " + connector, statusOf(connector, any -> true)));
        }
    }

    /** Makes the next unlock of the connector fail (block the lock); the UnlockConnector answer is the evidence. */
    record BlockLock(int connector) implements PhysicalAction {
        public String instruction() {
            return "Make the lock of connector " + connector + " fail to open, e.g. by holding the plug in with force, "
                    + "then leave it so until the case has sent UnlockConnector.";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
        }
    }

    /** Makes the station unable to store a local list; the SendLocalList answer is the evidence. */
    record BreakLocalListStorage() implements PhysicalAction {
        public String instruction() {
            return "Make the charger unable to store a local authorization list (the manufacturer knows how).";
        }

        public Optional<Sign> sign() {
            return Optional.empty();
        }
    }

    /** Switches the charger off and on again; the BootNotification that follows shows it. */
    record PowerCycle() implements PhysicalAction {
        public String instruction() {
            return "Switch the charger off at its mains supply and on again.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("a BootNotification", entry -> entry.direction() == JournalEntry.Direction.IN
                    && entry.message(io.chargecheck.ocpp.message.Core.BootNotificationRequest.class).isPresent()));
        }
    }

    /** Cuts the mains supply and leaves it off: the connection drops (with backup power, after the stops). */
    record CutPower() implements PhysicalAction {
        public String instruction() {
            return "Cut the charger's mains supply and leave it off until the suite asks to restore it.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("the charger's connection to close", entry -> entry.kind() == JournalEntry.Kind.DISCONNECTED));
        }
    }

    /** The mains supply back: the charger boots. */
    record RestorePower() implements PhysicalAction {
        public String instruction() {
            return "Restore the charger's mains supply.";
        }

        public Optional<Sign> sign() {
            return new PowerCycle().sign();
        }
    }

    /** The charger loses its network (unplug its network cable, switch off its modem); nothing can reach the suite. */
    record LoseNetwork() implements PhysicalAction {
        public String instruction() {
            return "Disconnect the charger from the network (unplug its network cable or switch off its modem), and leave "
                    + "it so until the suite asks to reconnect it.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("the charger's connection to close", entry -> entry.kind() == JournalEntry.Kind.DISCONNECTED));
        }
    }

    /** The network back: the charger reconnects. */
    record RestoreNetwork() implements PhysicalAction {
        public String instruction() {
            return "Connect the charger to the network again.";
        }

        public Optional<Sign> sign() {
            return Optional.of(new Sign("the charger to connect again", entry -> entry.kind() == JournalEntry.Kind.CONNECTED));
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
