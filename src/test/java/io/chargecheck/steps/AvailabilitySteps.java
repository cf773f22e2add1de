package io.chargecheck.steps;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/** Cases 3, 10 and 11: availability, statuses and faults of the station and its connectors. */
public class AvailabilitySteps {

    private final World world;

    public AvailabilitySteps(World world) {
        this.world = world;
    }

    @Given("the connector is Available")
    public void connectorAvailable() {
        world.statuses.ensureAvailable(world.context.connector());
    }

    @When("the central system sends ChangeAvailability {AvailabilityType} for the whole station")
    public void changeAvailability(AvailabilityType type) {
        world.commands.changeAvailabilityOfStation(type);
    }

    @Given("the central system has made the whole station Inoperative")
    public void stationMadeInoperative() {
        world.commands.changeAvailabilityOfStation(AvailabilityType.Inoperative);
        world.statuses.awaitEveryConnector(ChargePointStatus.Unavailable, world.context.timeouts().message());
    }

    @Then("the station accepts the availability change")
    public void availabilityAccepted() {
        world.commands.assertAvailabilityAccepted();
    }

    @Then("connector 0 and every connector become {ChargePointStatus}")
    public void everyConnectorBecomes(ChargePointStatus status) {
        world.statuses.awaitEveryConnector(status, world.context.timeouts().message());
    }

    @Then("the station has reported a status for connector 0 and every connector")
    public void everyConnectorReported() {
        world.statuses.assertEveryConnectorReported();
    }

    @Then("every StatusNotification of the station has a valid status")
    public void everyStatusValid() {
        world.statuses.assertAllValid();
    }

    @Then("the connector becomes {ChargePointStatus}")
    public void connectorBecomes(ChargePointStatus status) {
        world.statuses.await(world.context.connector(), status, world.context.patience());
    }

    @Then("the connector leaves Charging")
    public void connectorLeavesCharging() {
        world.statuses.awaitLeaving(world.context.connector(), ChargePointStatus.Charging, world.context.timeouts().message());
    }

    @Then("the connector goes through Preparing to Charging")
    public void preparingThenCharging() {
        world.statuses.awaitInOrder(world.context.connector(), List.of(ChargePointStatus.Preparing, ChargePointStatus.Charging),
                world.context.patience());
    }

    @Then("the connector becomes Available again after the ConnectionTimeOut")
    public void availableAfterConnectionTimeOut() {
        world.transactions.awaitConnectionTimeOut();
    }

    @When("a hardware fault occurs on the connector")
    public void faultOnConnector() {
        world.faults.cause(world.context.connector());
    }

    @When("a hardware fault of the station itself occurs")
    public void faultOfStation() {
        world.faults.cause(0);
    }

    @Then("the connector becomes Faulted with an error code")
    public void connectorFaulted() {
        world.faults.assertFaulted(world.context.connector());
    }

    @Then("connector 0 becomes Faulted with an error code")
    public void stationFaulted() {
        world.faults.assertFaulted(0);
    }

    @When("the hardware fault on the connector is cleared")
    public void clearConnectorFault() {
        world.faults.clear(world.context.connector());
    }

    @When("the hardware fault of the station itself is cleared")
    public void clearStationFault() {
        world.faults.clear(0);
    }

    @Then("the connector is no longer Faulted")
    public void connectorNotFaulted() {
        world.faults.assertCleared(world.context.connector());
    }

    @Then("connector 0 is no longer Faulted")
    public void stationNotFaulted() {
        world.faults.assertCleared(0);
    }
}
