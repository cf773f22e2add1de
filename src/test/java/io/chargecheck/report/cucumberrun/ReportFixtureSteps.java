package io.chargecheck.report.cucumberrun;

import io.chargecheck.report.ReportAttachments;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.nio.charset.StandardCharsets;

/**
 * Steps as the suite's step code will use the report: attachments with the media types of
 * {@link ReportAttachments}. The texts start with "the report fixture" so they cannot clash with
 * the suite's own steps should a runner glue the whole io.chargecheck package.
 */
public class ReportFixtureSteps {

    private Scenario scenario;

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @Given("the report fixture runs against {string}")
    public void runsAgainst(String platform) {
        attach("{\"platform\":\"" + platform + "\",\"station\":\"simulator\"}", ReportAttachments.RUN_INFO);
    }

    @Given("the report fixture observes {string}")
    public void observes(String observation) {
        attach(observation, ReportAttachments.OBSERVATION);
    }

    @Then("the report fixture expects {string} but sees {string}")
    public void expectsButSees(String expected, String actual) {
        throw new AssertionError("expected " + expected + " but got " + actual);
    }

    private void attach(String text, String mediaType) {
        scenario.attach(text.getBytes(StandardCharsets.UTF_8), mediaType, mediaType);
    }
}
