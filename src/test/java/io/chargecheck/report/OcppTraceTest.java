package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.chargecheck.report.TraceEntry.ConnectionChange;
import io.chargecheck.report.TraceEntry.Direction;
import io.chargecheck.report.TraceEntry.Frame;
import io.chargecheck.report.TraceEntry.MessageType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcppTraceTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:01.123Z");

    @TempDir
    Path dir;

    @Test
    void readsFramesAndConnectionChangesInTheirOrder() throws IOException {
        new TraceLines()
                .connected(T)
                .frame(T.plusMillis(5), "in", "CALL", "StatusNotification",
                        "[2,\"1\",\"StatusNotification\",{\"connectorId\":\"1\"}]", "TypeConstraintViolation: connectorId")
                .out(T.plusMillis(7), "CALLRESULT", "StatusNotification", "[3,\"1\",{}]")
                .disconnected(T.plusMillis(9))
                .writeTo(dir.resolve(OcppTrace.FILE_NAME));

        OcppTrace trace = OcppTrace.read(dir.resolve(OcppTrace.FILE_NAME));

        assertThat(trace.readingNotes()).isEmpty();
        assertThat(trace.entries()).hasSize(4);
        assertThat(trace.entries().get(0)).isEqualTo(new ConnectionChange(1, T, "CP-1", true));
        Frame call = (Frame) trace.entries().get(1);
        assertThat(call.direction()).isEqualTo(Direction.IN);
        assertThat(call.messageType()).isEqualTo(MessageType.CALL);
        assertThat(call.action()).isEqualTo("StatusNotification");
        assertThat(call.brokeProtocol()).isTrue();
        assertThat(call.payload().path("connectorId").asText()).isEqualTo("1");
        assertThat(((Frame) trace.entries().get(2)).brokeProtocol()).isFalse();
        assertThat(trace.entries().get(3)).isInstanceOf(ConnectionChange.class);
    }

    @Test
    void unreadableLinesAreSkippedAndNamed() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .line("{not json")
                .in(T, "CALL", "Heartbeat", "[2,\"1\",\"Heartbeat\",{}]")
                .line("{\"time\":\"yesterday\",\"kind\":\"frame\"}")
                .line("")
                .line("{\"time\":\"2026-11-23T12:00:02Z\",\"kind\":\"teleported\"}")
                .lines());

        assertThat(trace.entries()).hasSize(1);
        assertThat(trace.readingNotes()).singleElement().asString()
                .contains("3 line(s) of the OCPP trace could not be read").contains("line 1, 3, 5");
    }

    @Test
    void aMissingTraceIsANoteNotAnError() {
        OcppTrace trace = OcppTrace.read(dir.resolve("absent.jsonl"));

        assertThat(trace.entries()).isEmpty();
        assertThat(trace.readingNotes()).singleElement().asString().startsWith("No OCPP trace was found");
    }

    @Test
    void aCaseWindowHoldsTheEntriesFromItsStartToItsEndBothIncludedToTheMillisecond() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .in(T.minusMillis(1), "CALL", "Heartbeat", "[2,\"0\",\"Heartbeat\",{}]")
                .in(T, "CALL", "Heartbeat", "[2,\"1\",\"Heartbeat\",{}]")
                .in(T.plusMillis(1000), "CALL", "Heartbeat", "[2,\"2\",\"Heartbeat\",{}]")
                .in(T.plusMillis(1001), "CALL", "Heartbeat", "[2,\"3\",\"Heartbeat\",{}]")
                .lines());

        // Cucumber's instants are finer than the trace's milliseconds.
        assertThat(trace.between(T.plusNanos(400_000), T.plusMillis(1000).plusNanos(900_000)))
                .extracting(TraceEntry::seq).containsExactly(2L, 3L);
    }

    @Test
    void theIdentityIsTheChargerAsItCameWithTheFirmwareTheRunInstalledBesideIt() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .in(T, "CALL", "BootNotification", "[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"StarCharge\","
                        + "\"chargePointModel\":\"DH-1\",\"chargePointSerialNumber\":\"SP-10\",\"firmwareVersion\":\"1.0\","
                        + "\"iccid\":\"8931\",\"meterType\":\"DC\"}]")
                .in(T.plusSeconds(1), "CALL", "BootNotification", "[2,\"2\",\"BootNotification\",{\"chargePointVendor\":"
                        + "\"StarCharge\",\"chargePointModel\":\"DH-1\",\"chargePointSerialNumber\":\"SP-10\","
                        + "\"firmwareVersion\":\"1.1\",\"iccid\":\"8931\",\"meterType\":\"DC\"}]")
                .out(T.plusSeconds(2), "CALLRESULT", "BootNotification", "[3,\"2\",{\"status\":\"Accepted\"}]")
                .lines());

        StationIdentity identity = StationIdentity.of(trace, List.of()).orElseThrow();

        assertThat(identity.fields()).extracting(StationIdentity.Field::label, StationIdentity.Field::value).containsExactly(
                tuple("Manufacturer Name", "StarCharge"),
                tuple("Manufacturer Number", "SP-10"),
                tuple("Manufacturer Model", "DH-1"),
                tuple("Firmware Version", "1.0"),
                tuple("Firmware after the update", "1.1"),
                tuple("ICCID", "8931"),
                tuple("Meter Type", "DC"));
        assertThat(StationIdentity.of(OcppTrace.parse(List.of()), List.of())).isEmpty();
    }

    @Test
    void theIdentityIsOfTheStationsTheRunCertified() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .station("CP-OTHER")
                .in(T, "CALL", "BootNotification", "[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"Other\","
                        + "\"chargePointModel\":\"X\"}]")
                .station("CP-1")
                .in(T.plusSeconds(1), "CALL", "BootNotification", "[2,\"2\",\"BootNotification\",{\"chargePointVendor\":"
                        + "\"StarCharge\",\"chargePointModel\":\"DH-1\"}]")
                .lines());

        assertThat(StationIdentity.of(trace, List.of("CP-1")).orElseThrow().fields().get(0).value()).isEqualTo("StarCharge");
    }

    @Test
    void refusedConnectionsAreReadNotCountedAsUnreadable() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .refused(T, "refused connection of CP-9 from /127.0.0.1:5000: its Basic auth password is wrong")
                .in(T.plusSeconds(1), "CALL", "Heartbeat", "[2,\"1\",\"Heartbeat\",{}]")
                .lines());

        assertThat(trace.readingNotes()).isEmpty();
        assertThat(trace.entries()).hasSize(2).first().isInstanceOf(TraceEntry.Refusal.class);
    }
}
