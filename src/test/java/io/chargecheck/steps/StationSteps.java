package io.chargecheck.steps;

import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Cases 1, 2 and 16: the station's boot, its heartbeats, and messages on request. */
public class StationSteps {

    private final World world;

    public StationSteps(World world) {
        this.world = world;
    }

    @Given("the station is connected and has booted")
    public void connectedAndBooted() {
        world.station.awaitBoot(world.settings().timeouts().reboot());
    }

    @Then("the station's BootNotification names its vendor and its model")
    public void bootNamesVendorAndModel() {
        world.boot.assertVendorAndModel();
    }

    @Then("the station's BootNotification carries every field the platform requires")
    public void bootCarriesRequiredFields() {
        world.boot.assertRequiredFields();
    }

    @Then("the station sends a Heartbeat on its own")
    public void heartbeatUnprompted() {
        world.heartbeats.awaitUnprompted();
    }

    @When("the central system asks for a {MessageTrigger} with TriggerMessage")
    public void triggerMessage(MessageTrigger message) {
        world.triggers.request(message);
    }

    @Then("the station accepts the TriggerMessage")
    public void triggerAccepted() {
        world.triggers.assertAccepted();
    }

    @Then("a {MessageTrigger} arrives")
    public void triggeredMessageArrives(MessageTrigger message) {
        world.triggers.assertArrives(message);
    }

    @Then("the station accepts the TriggerMessage, as OCPP 1.6 requires")
    public void triggerAcceptedAsRequired() {
        world.context.beyondTheScript(world.triggers::assertAccepted);
    }

    @Then("a {MessageTrigger} arrives, as OCPP 1.6 requires")
    public void triggeredMessageArrivesAsRequired(MessageTrigger message) {
        world.context.beyondTheScript(() -> world.triggers.assertArrives(message));
    }

    @Then("the station's HeartbeatInterval is at most 3600 seconds")
    public void heartbeatIntervalAtMostAnHour() {
        world.heartbeats.assertIntervalAtMostAnHour();
    }

    @When("the central system sets HeartbeatInterval to the test interval")
    public void setHeartbeatInterval() {
        world.heartbeats.setTestInterval();
    }

    @Then("Heartbeats arrive at the test interval")
    public void heartbeatsAtTestInterval() {
        world.heartbeats.assertTestCadence();
    }
}
