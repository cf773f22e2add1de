package io.chargecheck.steps;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * The certification suite: the 16 test cases of features/ against the station of this run (the
 * built-in simulator unless -Dstation=live). Run by Failsafe in {@code mvn verify}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "io.chargecheck.steps")
public class CertificationSuiteIT {
}
