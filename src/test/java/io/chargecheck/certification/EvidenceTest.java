package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a wait says while it waits and when it gives up, against a real central system. */
class EvidenceTest {

    private static final String ID = "CP-EVIDENCE";

    private CentralSystem centralSystem;
    private RawStation station;

    @BeforeEach
    void connect() throws Exception {
        centralSystem = CentralSystem.start(CentralSystemConfig.builder().build());
        station = RawStation.connect(centralSystem.url() + "/" + ID);
        centralSystem.awaitSession(ID, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        station.close();
        centralSystem.close();
    }

    @Test
    void aWaitThatFindsNothingNamesTheCallsOcppDoesNotDefineThatCameInstead() throws Exception {
        Evidence evidence = new Evidence(centralSystem.journal(), () -> ID);
        long mark = evidence.mark();
        assertThat(station.call("1", "CustomOperation", "{}")).contains("NotImplemented");

        assertThatThrownBy(() -> evidence.next(StatusNotificationRequest.class).after(mark).within(Duration.ofMillis(300)))
                .hasMessageContaining("received: no StatusNotification at all; the station sent a CALL named CustomOperation,"
                        + " which OCPP 1.6 does not define");
    }

    @Test
    void aLongWaitSaysWhatItWaitsForAndHowLongIsLeft() throws Exception {
        List<String> lines = new ArrayList<>();
        Evidence evidence = new Evidence(centralSystem.journal(), () -> ID, (what, left) -> lines.add(what + ": " + left.toSeconds()));
        long mark = evidence.mark();
        station.call("2", "Heartbeat", "{}");

        evidence.next(HeartbeatRequest.class).after(mark).within(Duration.ofSeconds(300));
        evidence.next(HeartbeatRequest.class).after(mark).within(Duration.ofSeconds(15));

        assertThat(lines).as("one line as the long wait begins, none for a wait of 15 s").hasSize(1);
        assertThat(lines.get(0)).startsWith("Heartbeat: ").matches(".*: (299|300)");
    }

    @Test
    void anotherStationsMessageNeverSatisfiesAWait() throws Exception {
        Evidence evidence = new Evidence(centralSystem.journal(), () -> ID);
        long mark = evidence.mark();
        RawStation other = RawStation.connect(centralSystem.url() + "/CP-OTHER");
        try {
            other.call("3", "Heartbeat", "{}");
            assertThatThrownBy(() -> evidence.next(HeartbeatRequest.class).after(mark).within(Duration.ofMillis(300)))
                    .hasMessageContaining("no Heartbeat at all");
        } finally {
            other.close();
        }
    }
}
