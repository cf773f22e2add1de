package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.java_websocket.protocols.Protocol;

/**
 * The station that does everything right, connected next to a misbehaving client: each
 * {@link #assertServed()} is one Heartbeat round trip, answered next and timed, so a test shows the
 * central system kept serving others through every bad input, and how fast.
 */
final class WellBehavedStation implements AutoCloseable {

    private final TestStation station;
    private final List<Long> roundTripNanos = new ArrayList<>();
    private int calls;

    private WellBehavedStation(TestStation station) {
        this.station = station;
    }

    static WellBehavedStation connect(CentralSystem cs, String chargePointId, String basicAuth, SSLContext tls)
            throws Exception {
        TestStation station = TestStation.connect(cs.url() + "/" + chargePointId, List.of(new Protocol("ocpp1.6")),
                basicAuth, tls);
        station.awaitOpen();
        cs.awaitSession(chargePointId, java.time.Duration.ofSeconds(5));
        return new WellBehavedStation(station);
    }

    void assertServed() throws InterruptedException {
        String id = "good-" + ++calls;
        long start = System.nanoTime();
        station.send("[2,\"" + id + "\",\"Heartbeat\",{}]");
        String answer = station.next();
        roundTripNanos.add(System.nanoTime() - start);
        assertThat(answer).as("the well-behaved station's Heartbeat is answered next").startsWith("[3,\"" + id + "\",");
    }

    /** The slowest round trip so far, in milliseconds. */
    double slowestMillis() {
        return roundTripNanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    int roundTrips() {
        return roundTripNanos.size();
    }

    @Override
    public void close() {
        station.close();
    }
}
