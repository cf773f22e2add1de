package io.chargecheck.steps;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.cucumber.java.ParameterType;

/** The words of the features that stand for OCPP values or for this run's configuration. */
public class ParameterTypes {

    private final World world;

    public ParameterTypes(World world) {
        this.world = world;
    }

    /**
     * "the accepted card" and "the rejected card": the id tags configured for the run; "the other
     * card" is another driver's (accepted, no group), "the same-parent card" one
     * of the accepted card's group (accepted, the same parentIdTag).
     */
    @ParameterType("accepted|rejected|other|same-parent")
    public String card(String which) {
        return switch (which) {
            case "accepted" -> world.settings().acceptedIdTag();
            case "rejected" -> world.settings().rejectedIdTag();
            case "other" -> world.settings().otherIdTag();
            default -> world.settings().sameParentIdTag();
        };
    }

    @ParameterType("Available|Preparing|Charging|SuspendedEVSE|SuspendedEV|Finishing|Reserved|Unavailable|Faulted")
    public ChargePointStatus ChargePointStatus(String name) {
        return ChargePointStatus.valueOf(name);
    }

    @ParameterType("Operative|Inoperative")
    public AvailabilityType AvailabilityType(String name) {
        return AvailabilityType.valueOf(name);
    }

    @ParameterType("Hard|Soft")
    public ResetType ResetType(String name) {
        return ResetType.valueOf(name);
    }

    @ParameterType("BootNotification|DiagnosticsStatusNotification|FirmwareStatusNotification|Heartbeat|MeterValues"
            + "|StatusNotification")
    public MessageTrigger MessageTrigger(String name) {
        return MessageTrigger.valueOf(name);
    }
}
