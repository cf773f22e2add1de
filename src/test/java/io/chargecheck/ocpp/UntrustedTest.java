package io.chargecheck.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTest {

    @Test
    void plainTextIsShownAsItIs() {
        assertThat(Untrusted.shown("CP-1234")).isEqualTo("CP-1234");
        assertThat(Untrusted.shown("Zoë's charger ⚡ 充电")).isEqualTo("Zoë's charger ⚡ 充电");
    }

    @Test
    void terminalControlsAreEscaped() {
        assertThat(Untrusted.shown("\u001b[2Jgone")).isEqualTo("\\u001b[2Jgone");
        assertThat(Untrusted.shown("CP-1\r\n    charger CP-2 connected")).isEqualTo("CP-1\\u000d\\u000a    charger CP-2 connected");
        assertThat(Untrusted.shown("a\u009bb\u007fc")).isEqualTo("a\\u009bb\\u007fc");
    }

    @Test
    void bidirectionalOverridesAndLoneSurrogatesAreEscaped() {
        assertThat(Untrusted.shown("abc\u202edef")).isEqualTo("abc\\u202edef");
        assertThat(Untrusted.shown("x\ud800y")).isEqualTo("x\\ud800y");
        assertThat(Untrusted.shown("emoji \ud83d\udd0c ok")).isEqualTo("emoji \ud83d\udd0c ok");
    }

    @Test
    void longTextIsCutSayingHowLongItWas() {
        String id = "A".repeat(100_000);
        String shown = Untrusted.shown(id);
        assertThat(shown).startsWith("A".repeat(Untrusted.SHORT)).endsWith("… (100000 characters)");
        assertThat(shown.length()).isLessThan(Untrusted.SHORT + 30);
    }

    @Test
    void aPairIsNeverCutInHalf() {
        String shown = Untrusted.shown("a".repeat(79) + "\ud83d\udd0c" + "b".repeat(10));
        assertThat(shown).startsWith("a".repeat(79) + "\ud83d\udd0c").doesNotContain("\\ud83d");
    }

    @Test
    void nullIsShownAsNull() {
        assertThat(Untrusted.shown(null)).isEqualTo("null");
    }
}
