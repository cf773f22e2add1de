package io.chargecheck.steps;

import io.chargecheck.certification.octt.ChargingLimitCheck;
import io.chargecheck.certification.octt.SmartCharging;
import io.chargecheck.certification.octt.SmartCharging.Profile;
import io.chargecheck.certification.octt.SmartCharging.Step;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;

/**
 * The OCA's Smart Charging cases (section 2.22: TC_056_CS to TC_060_CS, TC_066_CS, TC_067_CS,
 * TC_072_CS, TC_082_CS), and the check beyond its plan that the charging follows the limit.
 */
public class OcttSmartChargingSteps {

    private final World world;
    private SmartCharging smartCharging;
    private ChargingLimitCheck limits;

    public OcttSmartChargingSteps(World world) {
        this.world = world;
    }

    private SmartCharging smartCharging() {
        if (smartCharging == null) {
            smartCharging = new SmartCharging(world.context);
        }
        return smartCharging;
    }

    private ChargingLimitCheck limits() {
        if (limits == null) {
            limits = new ChargingLimitCheck(world.context);
        }
        return limits;
    }

    @ParameterType("ChargePointMaxProfile|TxDefaultProfile|TxProfile")
    public ChargingProfilePurposeType ChargingProfilePurpose(String name) {
        return ChargingProfilePurposeType.valueOf(name);
    }

    // ---------------------------------------------------------------- the central system's calls

    @When("the central system sets a {ChargingProfilePurpose} of the configured limit on the connector")
    public void setCommonProfile(ChargingProfilePurposeType purpose) {
        smartCharging().setCommonProfile(purpose);
    }

    @When("the central system sets a TxProfile for a transaction, with none running on the connector")
    @When("the central system sets a TxProfile for another transaction than the one running on the connector")
    public void setTxProfileForAnotherTransaction() {
        smartCharging().setTxProfileForAnotherTransaction();
    }

    @Given("the station holds at least {int} charging profiles of up to {int} periods each")
    public void roomFor(int profiles, int periods) {
        smartCharging().requireRoomFor(profiles, periods);
    }

    @Given("the central system has set these charging profiles, each accepted:")
    public void profilesSet(DataTable profiles) {
        smartCharging().setProfiles(profiles.asMaps().stream().map(Profile::of).toList());
    }

    @When("the central system clears the charging profile {word} by its id")
    public void clearById(String name) {
        smartCharging().clearProfile(name);
    }

    @When("the central system clears the {ChargingProfilePurpose}s of stack level {int}")
    public void clearByPurposeAndStackLevel(ChargingProfilePurposeType purpose, int stackLevel) {
        smartCharging().clearProfiles(purpose, stackLevel);
    }

    @When("the central system clears every charging profile")
    public void clearAll() {
        smartCharging().clearAllProfiles();
    }

    @When("the central system asks for the connector's composite schedule")
    public void askComposite() {
        smartCharging().askCompositeSchedule(null);
    }

    @When("the central system asks for the connector's composite schedule for {int} seconds")
    public void askComposite(int seconds) {
        smartCharging().askCompositeSchedule(seconds);
    }

    @Given("the connector is charging, started remotely with a TxProfile of the configured limit")
    public void chargingUnderTxProfile() {
        smartCharging().chargingUnderTxProfile();
    }

    @When("the central system starts a transaction remotely with a {ChargingProfilePurpose} as its charging profile")
    public void remoteStartWithProfile(ChargingProfilePurposeType purpose) {
        smartCharging().remoteStartWithProfileOf(purpose);
    }

    // ---------------------------------------------------------------- the tool's validations

    @Then("the station accepts the charging profile")
    public void profileAccepted() {
        smartCharging().assertSetAccepted();
    }

    @Then("the station refuses the charging profile, with Rejected or a CALLERROR PropertyConstraintViolation")
    public void profileRefused() {
        smartCharging().assertSetRefused();
    }

    @Then("the station answers the charging profile Rejected")
    public void profileRejected() {
        smartCharging().assertSetRejected();
    }

    @Then("the station accepts the clearing")
    public void clearingAccepted() {
        smartCharging().assertClearAccepted();
    }

    @Then("the composite schedule shows the profile's limit until the profile ends")
    public void compositeAsSet() {
        smartCharging().assertCompositeAsSet();
    }

    @Then("the composite schedule has these periods, in seconds after the profiles' start:")
    public void compositeHas(DataTable periods) {
        List<Step> steps = periods.asMaps().stream()
                .map(row -> new Step(Integer.parseInt(row.get("from").strip()), Double.parseDouble(row.get("limit").strip())))
                .toList();
        smartCharging().assertComposite(steps);
    }

    @Then("the composite schedule is the station's own limit throughout")
    public void compositeOwnLimit() {
        smartCharging().assertCompositeIsTheStationsOwnLimit();
    }

    @Then("the station refuses the remote start, with Rejected or a CALLERROR PropertyConstraintViolation")
    public void remoteStartRefused() {
        smartCharging().assertRemoteStartRefused();
    }

    // ---------------------------------------------------------------- beyond the OCA's plan

    @Given("beyond the OCA's plan, the station samples its current and power every meter interval of the test")
    public void sampleCurrentAndPower() {
        limits().sampleCurrentAndPower();
    }

    @Then("beyond the OCA's plan, the station's meter values keep within the limit")
    public void meterValuesWithinTheLimit() {
        limits().assertFollowed(smartCharging().limitSet());
    }
}
