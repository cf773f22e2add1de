package io.chargecheck.steps;

import io.chargecheck.ocpp.message.Core.ResetType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Cases 9, 12 and 13: resets, firmware updates and diagnostics. */
public class MaintenanceSteps {

    private final World world;

    public MaintenanceSteps(World world) {
        this.world = world;
    }

    @When("the central system resets the station {ResetType}")
    public void reset(ResetType type) {
        world.resets.reset(type);
    }

    @Then("the station comes back online with a BootNotification")
    public void cameBack() {
        world.resets.assertCameBack();
    }

    @Then("the station reports its status")
    public void statusAfterBoot() {
        world.resets.assertStatusAfterBoot();
    }

    @Then("connector 0 and every connector report their status, as OCPP 1.6 requires")
    public void everyConnectorAfterBoot() {
        world.context.beyondTheScript(() -> world.resets.assertStatusesAfterBoot(world.statuses));
    }

    @Given("the manufacturer's firmware file is on the file server")
    public void firmwareServed() {
        world.firmware.serveFirmwareFile();
    }

    @When("the central system sends UpdateFirmware with the location of the firmware file")
    public void updateFirmware() {
        world.firmware.requestUpdate();
    }

    @Then("the station reports firmware status Downloading, Downloaded, Installing and Installed in order")
    public void firmwareStatuses() {
        world.firmware.assertStatusesInOrder();
    }

    @Then("the station reboots with a BootNotification")
    public void rebootsAfterFirmware() {
        world.firmware.assertRebooted();
    }

    @When("the central system sends GetDiagnostics for the last hour with the upload location")
    public void getDiagnostics() {
        world.diagnostics.requestLastHour();
    }

    @Then("the station answers with the name of the diagnostics file")
    public void diagnosticsFileNamed() {
        world.diagnostics.assertFileNamed();
    }

    @Then("the station reports diagnostics status Uploading, then Uploaded")
    public void diagnosticsStatuses() {
        world.diagnostics.assertUploadingThenUploaded();
    }

    @Then("the file server has received a non-empty diagnostics file of that name")
    public void diagnosticsFileOnServer() {
        world.diagnostics.assertFileOnServer();
    }
}
