package io.chargecheck.steps;

import io.chargecheck.certification.octt.LocalList;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The OCA's cases of the profiles beyond Core (sections 2.17 to 2.21): the local authorization
 * list, firmware management, diagnostics, reservations and remote trigger. Each step is one or two
 * calls into the domain class of its topic.
 */
public class OcttProfilesSteps {

    private final World world;
    private LocalList localList;

    public OcttProfilesSteps(World world) {
        this.world = world;
    }

    private LocalList localList() {
        if (localList == null) {
            localList = new LocalList(world.context);
        }
        return localList;
    }

    @ParameterType("Accepted|Failed|NotSupported|VersionMismatch")
    public UpdateStatus UpdateStatus(String name) {
        return UpdateStatus.valueOf(name);
    }

    // ---------------------------------------------------------------- 2.17 Local Authorization List

    @When("the central system asks for the local list version")
    public void askLocalListVersion() {
        localList().askVersion();
    }

    @Then("the station reports local list version {int}")
    public void localListVersion(int version) {
        localList().assertVersion(version);
    }

    @Then("the station reports local list version -1, or refuses the request as NotSupported")
    public void noLocalList() {
        localList().assertNoList();
    }

    @When("the central system sends a full local list of version {int} with the {card} card")
    public void sendFullList(int version, String idTag) {
        localList().sendFull(version, idTag);
    }

    @When("the central system sends a full local list of version {int} without any entries")
    public void sendEmptyFullList(int version) {
        localList().sendEmptyFull(version);
    }

    @When("the central system sends a differential local list update of version {int} with the {card} card")
    public void sendDifferentialUpdate(int version, String idTag) {
        localList().sendDifferential(version, idTag);
    }

    @Then("the station answers the local list update {UpdateStatus}")
    public void localListUpdateAnswered(UpdateStatus status) {
        localList().assertUpdateAnswered(status);
    }

    @Then("the station refuses the local list as not supported")
    public void localListNotSupported() {
        localList().assertUpdateNotSupported();
    }

    @Given("the station cannot store a local list")
    public void localListStorageBroken() {
        localList().breakStorage();
    }

    @Then("the transaction starts from the local list, without an Authorize, for the {card} card")
    public void startedFromTheList(String idTag) {
        localList().assertStartedFromTheList(idTag);
    }
}
