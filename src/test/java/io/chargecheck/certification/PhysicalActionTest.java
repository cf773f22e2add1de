package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhysicalActionTest {

    @Test
    void aCardAtTheReaderSaysWhatItIsFor() {
        assertThat(new PhysicalAction.PresentCard(1, "CC-ACCEPTED", "to stop the running session").instruction())
                .isEqualTo("Present card \"CC-ACCEPTED\" at the reader of connector 1 to stop the running session.");
    }

    @Test
    void whileTheCentralSystemIsOfflineNothingCanShowAnActionWasDone() {
        assertThat(new PhysicalAction.EndTransaction(1, "CC-ACCEPTED").sign()).isEmpty();
        assertThat(new PhysicalAction.PlugIn(1).sign()).isPresent();
    }

    @Test
    void anotherDriversCardChangesNothingSoNothingCanShowItWasPresented() {
        PhysicalAction foreign = new PhysicalAction.PresentForeignCard(1, "CC-OTHER");
        assertThat(foreign.sign()).isEmpty();
        assertThat(foreign.instruction()).contains("\"CC-OTHER\"", "connector 1", "ignore");
    }
}
