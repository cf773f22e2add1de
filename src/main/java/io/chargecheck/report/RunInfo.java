package io.chargecheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the steps told the report about the run; any field may be null. */
record RunInfo(String platform, String station, String stationUrl, String suiteVersion, boolean strict) {

    private static final Logger LOG = LoggerFactory.getLogger(RunInfo.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final RunInfo NONE = new RunInfo(null, null, null, null, false);

    static Optional<RunInfo> parse(byte[] json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                LOG.warn("Ignoring run info attachment: not a JSON object");
                return Optional.empty();
            }
            return Optional.of(new RunInfo(text(node, "platform"), text(node, "station"),
                    text(node, "stationUrl"), text(node, "suiteVersion"), node.path("strict").asBoolean(false)));
        } catch (IOException e) {
            String firstLine = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            LOG.warn("Ignoring run info attachment that is not JSON: {}", firstLine);
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
