package io.chargecheck.steps;

import io.chargecheck.certification.octt.DiagnosticsCases;
import io.chargecheck.certification.octt.FirmwareCases;
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
    private FirmwareCases firmware;
    private DiagnosticsCases diagnostics;

    public OcttProfilesSteps(World world) {
        this.world = world;
    }

    private LocalList localList() {
        if (localList == null) {
            localList = new LocalList(world.context);
        }
        return localList;
    }

    /** On the file server of the vendor script's case 12, so that the script's firmware steps serve these cases too. */
    private FirmwareCases firmware() {
        if (firmware == null) {
            firmware = new FirmwareCases(world.context, world.firmware);
        }
        return firmware;
    }

    private DiagnosticsCases diagnostics() {
        if (diagnostics == null) {
            diagnostics = new DiagnosticsCases(world.context, world.diagnostics);
        }
        return diagnostics;
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

    // ---------------------------------------------------------------- 2.18 Firmware Management

    @Given("a firmware file the station must refuse is on the file server")
    public void firmwareToRefuse() {
        firmware().serveFirmwareToRefuse();
    }

    @When("the central system sends UpdateFirmware, without retries, for a location where nothing is served")
    public void updateFromNowhere() {
        firmware().requestUpdateFromNowhere();
    }

    @Then("the station reports firmware status DownloadFailed, after Downloading if at all")
    public void downloadFailed() {
        firmware().assertDownloadFailed();
    }

    @Then("the station reports firmware status Downloading, Downloaded, Installing if at all, and InstallationFailed in order")
    public void installationFailed() {
        firmware().assertInstallationFailed();
    }

    @Then("the connector reports Available after the reboot")
    public void availableAfterTheReboot() {
        firmware().assertAvailableAfterTheReboot();
    }

    @Then("if the station reboots, the connector reports Available after the reboot")
    public void availableIfRebooted() {
        firmware().assertAvailableIfRebooted();
    }

    // ---------------------------------------------------------------- 2.19 Diagnostics

    @When("the central system sends GetDiagnostics, without retries, for a location where no upload can succeed")
    public void diagnosticsToNowhere() {
        diagnostics().requestUploadToNowhere();
    }

    @Then("the station reports diagnostics status Uploading, then UploadFailed")
    public void uploadFailed() {
        diagnostics().assertUploadFailed();
    }

    @Then("the diagnostics file has arrived on the file server")
    public void diagnosticsFileArrived() {
        diagnostics().assertFileArrived();
    }
}
