package io.chargecheck.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Cases 6, 7, 8, 11 and 14: charging sessions, the cable, the meter, and going offline. */
public class TransactionSteps {

    private final World world;

    public TransactionSteps(World world) {
        this.world = world;
    }

    @Given("the EV driver has plugged the cable into the connector")
    public void cablePluggedIn() {
        world.transactions.plugInAndAwaitPreparing();
    }

    @When("the EV driver plugs the cable into the connector")
    public void plugIn() {
        world.transactions.plugIn();
    }

    @When("the EV driver unplugs the cable")
    public void unplug() {
        world.transactions.unplug();
    }

    @When("the EV driver presents the {card} card")
    @When("the EV driver presents the {card} card again")
    public void presentCard(String idTag) {
        world.transactions.presentCard(idTag);
    }

    @When("the EV driver presents the {card} card without plugging in a cable")
    public void presentCardWithoutCable(String idTag) {
        world.transactions.presentCardWithoutCable(idTag);
    }

    @When("the central system sends RemoteStartTransaction with the {card} card for the connector")
    public void remoteStart(String idTag) {
        world.transactions.remoteStart(idTag);
    }

    @Then("the station accepts the remote start")
    public void remoteStartAccepted() {
        world.commands.assertRemoteStartAccepted();
    }

    @Then("a StartTransaction with a transactionId arrives for the connector")
    public void startTransactionArrives() {
        world.transactions.awaitStart();
    }

    @Then("the station asks to authorize the {card} card")
    public void authorizeArrives(String idTag) {
        world.transactions.awaitAuthorize(idTag);
    }

    @Then("no transaction starts")
    public void noTransactionStarts() {
        world.transactions.assertNoTransactionStarts();
    }

    @Given("a transaction started with the accepted card is running on the connector")
    public void transactionRunning() {
        world.transactions.startRunning();
    }

    @When("the central system sends RemoteStopTransaction for the running transaction")
    public void remoteStop() {
        world.transactions.remoteStop();
    }

    @Then("the station accepts the remote stop")
    public void remoteStopAccepted() {
        world.commands.assertRemoteStopAccepted();
    }

    @Then("a StopTransaction for that transaction arrives")
    public void stopTransactionArrives() {
        world.transactions.awaitStop();
    }

    @Given("the station stops a transaction when the cable is unplugged")
    public void stopOnUnplug() {
        world.transactions.stopOnUnplug();
    }

    @Given("the central system has asked for voltage, current, power and energy at the test meter interval")
    public void sampleAtTestInterval() {
        world.meter.sampleEverythingAtTestInterval();
    }

    @Then("the transaction has meter values from its start and from its stop")
    public void startAndStopReadings() {
        world.meter.assertStartAndStopReadings(world.transactions.lastStop());
    }

    @Then("MeterValues for the transaction arrive at the test meter interval")
    public void meterValuesAtInterval() {
        world.meter.assertTestInterval();
    }

    @Then("the MeterValues of the transaction report voltage, current and power")
    public void voltageCurrentPower() {
        world.meter.assertVoltageCurrentAndPower();
    }

    @When("the central system goes offline")
    public void goOffline() {
        world.offline.goOffline();
    }

    @When("the EV driver ends the transaction while the central system is offline")
    public void endWhileOffline() {
        world.offline.endTransactionWhileOffline();
    }

    @Given("the station can start a transaction offline for the {card} card")
    public void canStartOffline(String idTag) {
        world.offlineStart.prepareFor(idTag);
    }

    @When("the EV driver charges with the accepted card while the central system is offline")
    public void chargeWhileOffline() {
        world.offline.chargeWhileOffline();
    }

    @Then("the StartTransaction of that transaction arrives unasked")
    public void cachedStartArrives() {
        world.offline.assertStartArrivedUnasked();
    }

    @Then("its StopTransaction carries the transactionId the central system gave it")
    public void cachedStopCarriesAssignedId() {
        world.offline.assertStopArrivedUnasked();
    }

    @When("the central system comes back online")
    public void comeBackOnline() {
        world.offline.comeBackOnline();
    }

    @Then("the station reconnects")
    public void reconnects() {
        world.offline.assertReconnected();
    }

    @Then("the StopTransaction of that transaction arrives unasked, with its transactionId")
    public void cachedStopArrives() {
        world.offline.assertStopArrivedUnasked();
    }

    @Then("the station goes on sending Heartbeats, as OCPP 1.6 requires")
    public void heartbeatsGoOn() {
        world.offline.checkHeartbeatsGoOn();
    }

    @Then("the messages kept while offline arrive in the order they happened")
    public void cachedInOrder() {
        world.offline.assertReplayedInOrder();
    }
}
