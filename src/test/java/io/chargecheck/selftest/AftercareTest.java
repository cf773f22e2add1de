package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargecheck.selftest.SuiteRun.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Between the cases of one station: what aftercare does with a station that will not do as asked. */
class AftercareTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStopTheStationRefusesIsTriedOnceNotAfterEveryLaterCase() throws IOException {
        Result result = SuiteRun.run("aftercare-stop-once", Map.of("parallelism", "1",
                "simulator.quirks", "remote-stop-ignored"), "@case-07 or @case-08");

        assertThat(result.runError()).as(result.toString()).isNull();
        Map<Integer, Integer> remoteStops = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of("target", "self-test", "aftercare-stop-once", "ocpp-trace.jsonl"),
                StandardCharsets.UTF_8)) {
            JsonNode entry = JSON.readTree(line);
            if ("RemoteStopTransaction".equals(entry.path("action").asText()) && "CALL".equals(entry.path("messageType").asText())) {
                int transactionId = JSON.readTree(entry.path("raw").asText()).path(3).path("transactionId").asInt();
                remoteStops.merge(transactionId, 1, Integer::sum);
            }
        }
        assertThat(remoteStops).as("RemoteStopTransaction per transaction: the case's own and at most one of aftercare")
                .isNotEmpty().allSatisfy((transaction, stops) -> assertThat(stops).isLessThanOrEqualTo(2));
    }
}
