package io.chargecheck.steps;

import io.chargecheck.certification.octt.MessageOrder;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.certification.octt.Registration;
import io.chargecheck.certification.octt.ReusableStates;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Map;

/**
 * The OCA's plan: its reusable states (the situations its cases start from), the configuration a
 * case starts with, and the steps of its first cases. Each case's own steps are in the step class
 * of its profile.
 */
public class OcttSteps {

    private final World world;
    private ReusableStates states;
    private Registration registration;

    public OcttSteps(World world) {
        this.world = world;
    }

    ReusableStates states() {
        if (states == null) {
            states = new ReusableStates(world.context);
        }
        return states;
    }

    private Registration registration() {
        if (registration == null) {
            registration = new Registration(world.context);
        }
        return registration;
    }

    @ParameterType("Accepted|Pending|Rejected")
    public RegistrationStatus RegistrationStatus(String name) {
        return RegistrationStatus.valueOf(name);
    }

    // ---------------------------------------------------------------- the OCA's reusable and memory states

    @Given("the connector is charging")
    public void charging() {
        states().charging();
    }

    @Given("the driver is authorized with the {card} card")
    public void authorized(String idTag) {
        states().authorized(idTag);
    }

    @Given("the connector is occupied")
    public void occupied() {
        states().connectorOccupied();
    }

    @Given("the connector is faulted")
    public void connectorFaulted() {
        states().connectorFaulted();
    }

    @Given("the charge point is faulted")
    public void chargePointFaulted() {
        states().chargePointFaulted();
    }

    @Given("the connector is unavailable")
    public void connectorUnavailable() {
        states().connectorUnavailable();
    }

    @Given("the charge point is unavailable")
    public void chargePointUnavailable() {
        states().chargePointUnavailable();
    }

    @Given("the connector is reserved for the {card} card")
    public void reserved(String idTag) {
        world.scene.reservationId = states().reserved(world.context.connector(), idTag);
    }

    @Given("the {card} card is in the authorization cache")
    public void cached(String idTag) {
        states().idTagCached();
    }

    @Given("the {card} card is in the local authorization list")
    public void inLocalList(String idTag) {
        states().idTagInLocalList(idTag);
    }

    @Given("the station is configured with")
    public void configured(Map<String, String> keys) {
        states().configure(keys, false);
    }

    @Given("the station is configured, where it has the keys, with")
    public void configuredWhereItHasTheKeys(Map<String, String> keys) {
        states().configure(keys, true);
    }

    // ---------------------------------------------------------------- generic checks of the OCA's cases

    @Then("the connector reports {ChargePointStatus}")
    public void connectorReports(ChargePointStatus status) {
        new MessageOrder(world.context).awaitInOrder(world.scene.lastAction, world.context.patience(),
                Expected.status(world.context.connector(), status));
    }

    // ---------------------------------------------------------------- TC_001_CS, TC_002_CS: cold boot

    @Given("the central system will answer the next BootNotification with {RegistrationStatus}")
    public void answerNextBoot(RegistrationStatus status) {
        registration().answerNextBootWith(status);
    }

    @When("the charger is switched off and on again")
    public void powerCycle() {
        registration().powerCycle();
    }

    @Then("the station sends a BootNotification, which the central system answers {RegistrationStatus}")
    public void bootAnswered(RegistrationStatus status) {
        registration().assertBootAnswered(status);
    }

    @Then("the station sends its next BootNotification no sooner than the interval it was given, which is answered {RegistrationStatus}")
    public void bootRetried(RegistrationStatus status) {
        registration().assertRetriedAfterTheInterval(status);
    }

    @Then("the station reports connector 0 and every connector Available")
    public void everyConnectorAvailable() {
        registration().assertEveryConnectorAvailable();
    }

    @Then("Heartbeats arrive at the interval the Accepted answer gave")
    public void heartbeatsAtAcceptedInterval() {
        registration().assertHeartbeatsAtTheAcceptedInterval();
    }
}
