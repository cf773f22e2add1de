package io.chargecheck.steps;

import io.cucumber.java.ParameterType;

/** The words of the features that stand for values of this run's configuration. */
public class ParameterTypes {

    private final World world;

    public ParameterTypes(World world) {
        this.world = world;
    }

    /** "the accepted card" and "the rejected card": the id tags configured for the run. */
    @ParameterType("accepted|rejected")
    public String card(String which) {
        return which.equals("accepted") ? world.bench.settings().acceptedIdTag() : world.bench.settings().rejectedIdTag();
    }
}
