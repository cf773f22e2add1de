package io.chargecheck.certification;

import java.util.Locale;

/**
 * Something a person does at the charger. On the simulator it is done through the simulator's
 * control API; on a live charger the console asks the person at the charger to do it.
 */
public sealed interface PhysicalAction {

    /** One sentence for the person at the charger, in the imperative. */
    String instruction();

    record PlugIn(int connector) implements PhysicalAction {
        public String instruction() {
            return "Plug the charging cable into connector " + connector + " (and into the EV or EV simulator).";
        }
    }

    record Unplug(int connector) implements PhysicalAction {
        public String instruction() {
            return "Unplug the charging cable from connector " + connector + " (at the EV side).";
        }
    }

    record PresentCard(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Present card \"" + idTag + "\" at the reader of connector " + connector + ".";
        }
    }

    record PresentCardWithoutCable(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Without plugging in a cable, present card \"" + idTag + "\" at the reader of connector " + connector + ".";
        }
    }

    record EndTransaction(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "End the charging session on connector " + connector + ": present card \"" + idTag + "\" again.";
        }
    }

    record ChargeWhileOffline(int connector, String idTag) implements PhysicalAction {
        public String instruction() {
            return "Plug the cable into connector " + connector + " and present card \"" + idTag + "\"; once it charges, "
                    + "present the card again to stop, and unplug the cable.";
        }
    }

    record CauseFault(int connector) implements PhysicalAction {
        public String instruction() {
            return connector == 0
                    ? "Create a fault of the station itself, e.g. disconnect the power meter or cut one supply phase."
                    : "Create a hardware fault on connector " + connector
                    + ", e.g. disconnect the communication (CP) pin or the power pin.";
        }
    }

    record ClearFault(int connector) implements PhysicalAction {
        public String instruction() {
            return "Remove the fault " + (connector == 0 ? "of the station" : "on connector " + connector)
                    + " and restore normal operation.";
        }
    }

    /** A short name for logs: "plug in on connector 1". */
    default String title() {
        return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
