package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class FirmwareNamesTest {

    @Test
    void theVersionIsTheFileNameWithoutItsExtension() {
        assertThat(Firmware.versionOf(URI.create("ftp://u:p@h:21/firmware/cc-sim-2.0.1.bin"))).isEqualTo("cc-sim-2.0.1");
        assertThat(Firmware.versionOf(URI.create("ftp://h/fw/image-3.1.tar.gz"))).isEqualTo("image-3.1");
        assertThat(Firmware.versionOf(URI.create("ftp://h/fw/4.2.0"))).isEqualTo("4.2.0");
        assertThat(Firmware.versionOf(URI.create("ftp://h/"))).isEqualTo("unknown");
    }

    @Test
    void passwordsStayOutOfTheLog() {
        assertThat(RemoteCommands.redacted(URI.create("ftp://user:secret@h:21/diagnostics/")))
                .isEqualTo("ftp://user:***@h:21/diagnostics/");
        assertThat(RemoteCommands.redacted(URI.create("ftp://h:21/diagnostics/"))).isEqualTo("ftp://h:21/diagnostics/");
    }
}
