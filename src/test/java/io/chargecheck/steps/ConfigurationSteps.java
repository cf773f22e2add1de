package io.chargecheck.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** Cases 4, 5 and 15: the station's configuration and its authorization cache. */
public class ConfigurationSteps {

    private final World world;

    public ConfigurationSteps(World world) {
        this.world = world;
    }

    @When("the central system asks for the whole configuration")
    @Given("the central system has read the whole configuration")
    public void readWholeConfiguration() {
        world.configuration.readAll();
    }

    @Then("the station lists its configuration keys")
    public void configurationListed() {
        world.configuration.assertListed();
    }

    @Then("the list holds the keys every station must have, as OCPP 1.6 requires")
    public void requiredKeysPresent() {
        world.configuration.checkRequiredCoreKeysPresent();
    }

    @When("the central system asks for the configuration key {string}")
    public void askForKey(String key) {
        world.configuration.askFor(key);
    }

    @Then("the station reports {string} as an unknown key")
    public void reportedUnknown(String key) {
        world.configuration.assertUnknown(key);
    }

    @When("the central system sets every writable key to its current value")
    public void setEveryWritableKey() {
        world.configuration.setEveryWritableKeyToItself();
    }

    @Then("the station accepts every change")
    public void everyChangeAccepted() {
        world.configuration.assertEveryChangeAccepted();
    }

    @When("the central system tries to change a read-only key")
    public void changeReadOnlyKey() {
        world.configuration.tryReadOnlyKey();
    }

    @Then("the station rejects the change")
    public void changeRejected() {
        world.configuration.assertRejected();
    }

    @When("the central system sends ClearCache")
    public void clearCache() {
        world.commands.clearCache();
    }

    @Then("the station accepts ClearCache")
    public void clearCacheAccepted() {
        world.commands.assertClearCacheAccepted();
    }
}
