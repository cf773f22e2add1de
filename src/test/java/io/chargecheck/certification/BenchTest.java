package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTest {

    @Test
    void aChargerIsToldOnlyAddressesTheCentralSystemListensOn() {
        assertThat(Bench.listeningAddresses("127.0.0.1")).containsExactly("127.0.0.1");
        assertThat(Bench.listeningAddresses("0.0.0.0")).last().isEqualTo("127.0.0.1");
    }
}
