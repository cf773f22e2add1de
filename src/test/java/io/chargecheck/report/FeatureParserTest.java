package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FeatureParserTest {

    private final FeatureParser parser = new FeatureParser();

    @Test
    void functionIsTheFeatureTitleAndCriteriaAreTheBulletsWithTheirContinuationLines() {
        String source = """
                # the platform's wording, kept
                @case-03 @simulator
                Feature: Change availability
                  An introduction that is not a criterion.
                  - After sending ChangeAvailability Operative,
                    the status must change to Available
                  - This availability must be reflected by StatusNotification
                      (per socket)
                  # a comment inside the description
                  Lines back at the bullet's indent are not criteria
                    and this one does not continue a closed bullet
                  -   Receive a StatusNotification per connector

                  - Including connector 0

                  Scenario: Inoperative and back
                    Given the charge station is connected
                """;

        ScriptCase parsed = parser.parse(URI.create("file:/features/change-availability.feature"), source).orElseThrow();

        assertThat(parsed.id()).isEqualTo("3");
        assertThat(parsed.function()).isEqualTo("Change availability");
        assertThat(parsed.criteria()).containsExactly(
                "After sending ChangeAvailability Operative, the status must change to Available",
                "This availability must be reflected by StatusNotification (per socket)",
                "Receive a StatusNotification per connector",
                "Including connector 0");
    }

    @Test
    void theCaseNumberComesFromTheFileNameWhenNoTagSaysIt() {
        ScriptCase parsed = parser.parse(URI.create("file:/features/07-stop-transaction.feature"),
                "Feature: Stop charge transaction\n  - a stop\n").orElseThrow();

        assertThat(parsed.id()).isEqualTo("7");
    }

    @Test
    void aTagOnAScenarioNumbersTheCaseAndWinsOverTheFileName() {
        String source = """
                Feature: Clear cache (if applicable)
                  @case-15
                  Scenario: Clear the cache
                    Given the charge station is connected
                """;

        assertThat(parser.parse(URI.create("file:/features/99-renamed.feature"), source))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo("15"));
    }

    @Test
    void aFeatureThatBelongsToNoCaseOrDoesNotParseGivesNothing() {
        assertThat(parser.parse(URI.create("file:/features/smoke.feature"), "Feature: Smoke\n")).isEmpty();
        assertThat(parser.parse(URI.create("file:/features/05-x.feature"), "this is not Gherkin\n")).isEmpty();
    }
}
