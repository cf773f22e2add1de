package io.chargecheck.steps;

import io.chargecheck.certification.octt.ConfigurationKeys;
import io.chargecheck.certification.octt.DataTransferToStation;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The OCA's plan, Core sections 2.9 to 2.16 and DataTransfer (2.23): meter values, the non-happy
 * flows of starting, remote commands, unlocking, power failure, going offline, configuration keys
 * and faults, and data for an unknown vendor.
 */
public class OcttNonHappySteps {

    private final World world;
    private ConfigurationKeys configurationKeys;
    private DataTransferToStation dataTransfer;

    public OcttNonHappySteps(World world) {
        this.world = world;
    }

    private ConfigurationKeys configurationKeys() {
        if (configurationKeys == null) {
            configurationKeys = new ConfigurationKeys(world.context);
        }
        return configurationKeys;
    }

    private DataTransferToStation dataTransfer() {
        if (dataTransfer == null) {
            dataTransfer = new DataTransferToStation(world.context);
        }
        return dataTransfer;
    }

    // ---------------------------------------------------------------- 2.15 configuration keys: TC_040_1_CS, TC_040_2_CS

    @When("the central system sets the key Testing, which the station does not have, to true")
    public void setUnknownKey() {
        configurationKeys().changeTheUnknownKey();
    }

    @Then("the station answers the change NotSupported")
    public void changeNotSupported() {
        configurationKeys().assertNotSupported();
    }

    @When("the central system sets MeterValueSampleInterval to -1")
    public void setInvalidValue() {
        configurationKeys().changeToAnInvalidValue();
    }

    @Then("the station rejects the change, or refuses it with a CALLERROR PropertyConstraintViolation")
    public void changeRefused() {
        configurationKeys().assertRejectedOrPropertyConstraintViolation();
    }

    // ---------------------------------------------------------------- 2.23 DataTransfer: TC_062_CS

    @When("the central system sends DataTransfer for a vendor the station does not know")
    public void dataTransferOfUnknownVendor() {
        dataTransfer().sendDataOfAnUnsupportedVendor();
    }

    @Then("the station refuses it with Rejected, UnknownMessageId or UnknownVendorId")
    public void dataTransferRefused() {
        dataTransfer().assertRefused();
    }
}
