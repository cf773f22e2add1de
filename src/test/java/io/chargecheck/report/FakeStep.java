package io.chargecheck.report;

import io.cucumber.plugin.event.Argument;
import io.cucumber.plugin.event.Location;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Step;
import io.cucumber.plugin.event.StepArgument;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A Gherkin step of a scenario; the report only reads its text. */
record FakeStep(UUID id, String text, URI uri) implements PickleStepTestStep {

    @Override
    public String getPattern() {
        return text;
    }

    @Override
    public Step getStep() {
        return new Step() {
            @Override
            public StepArgument getArgument() {
                return null;
            }

            @Override
            public String getKeyword() {
                return "";
            }

            @Override
            public String getText() {
                return text;
            }

            @Override
            public int getLine() {
                return 1;
            }

            @Override
            public Location getLocation() {
                return new Location(1, 1);
            }
        };
    }

    @Override
    public List<Argument> getDefinitionArgument() {
        return List.of();
    }

    @Override
    public StepArgument getStepArgument() {
        return null;
    }

    @Override
    public int getStepLine() {
        return 1;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public String getStepText() {
        return text;
    }

    @Override
    public String getCodeLocation() {
        return "steps.Steps.step()";
    }

    @Override
    public UUID getId() {
        return id;
    }
}
