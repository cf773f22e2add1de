package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.report.SequenceChart.Arrow;
import io.chargecheck.report.SequenceChart.Marker;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SequenceChartTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00.000500Z");

    @Test
    void eachFrameIsAnArrowFromItsSenderWithActionTypeKeyFieldsAndTimeSinceTheCaseStarted() {
        OcppTrace trace = OcppTrace.parse(new TraceLines()
                .connected(START.plusMillis(10))
                .out(START.plusMillis(1234), "CALL", "RemoteStartTransaction",
                        "[2,\"a\",\"RemoteStartTransaction\",{\"connectorId\":1,\"idTag\":\"04A2B3C4\"}]")
                .in(START.plusMillis(1300), "CALLRESULT", "StartTransaction",
                        "[3,\"b\",{\"transactionId\":42,\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"x\"}}]")
                .in(START.plusMillis(1400), "CALLRESULT", "GetConfiguration",
                        "[3,\"c\",{\"configurationKey\":[{\"key\":\"A\"},{\"key\":\"B\"}],\"unknownKey\":[]}]")
                .in(START.plusMillis(61_000), "CALLERROR", null, "[4,\"d\",\"NotSupported\",\"Reset is not supported\",{}]")
                .frame(START.plusMillis(61_500), "in", "MALFORMED", null, "[2,\"e\",", "FormationViolation: not JSON")
                .disconnected(START.plusMillis(62_000))
                .lines());

        SequenceChart chart = SequenceChart.of(trace.entries(), START);

        assertThat(chart.items()).hasSize(7);
        assertThat(chart.items().get(0)).isEqualTo(new Marker("+0.010 s", "CP-1 connected"));
        Arrow remoteStart = chart.items().get(1).arrow();
        assertThat(remoteStart.toChargePoint()).isTrue();
        assertThat(remoteStart.action()).isEqualTo("RemoteStartTransaction");
        assertThat(remoteStart.kind()).isEqualTo("call");
        assertThat(remoteStart.keyFields()).isEqualTo("connectorId=1 · idTag=04A2B3C4");
        assertThat(remoteStart.offset()).isEqualTo("+1.234 s");
        Arrow started = chart.items().get(2).arrow();
        assertThat(started.toChargePoint()).isFalse();
        assertThat(started.kind()).isEqualTo("result");
        assertThat(started.keyFields()).isEqualTo("transactionId=42 · idTagInfo.status=Accepted");
        assertThat(chart.items().get(3).arrow().keyFields()).isEqualTo("configurationKey[2] · unknownKey[0]");
        Arrow error = chart.items().get(4).arrow();
        assertThat(error.kind()).isEqualTo("error");
        assertThat(error.action()).isEqualTo("(answer to m5)");
        assertThat(error.keyFields()).isEqualTo("NotSupported · Reset is not supported");
        assertThat(error.offset()).isEqualTo("+61.000 s");
        Arrow malformed = chart.items().get(5).arrow();
        assertThat(malformed.kind()).isEqualTo("malformed");
        assertThat(malformed.action()).isEqualTo("(unreadable frame)");
        assertThat(malformed.problem()).isEqualTo("FormationViolation: not JSON");
        assertThat(malformed.keyFields()).isEmpty();
        assertThat(chart.items().get(6).marker().text()).isEqualTo("CP-1 disconnected");
        assertThat(chart.items().get(6).arrow()).isNull();
    }
}
