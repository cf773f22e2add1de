package io.chargecheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.report.TraceEntry.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * The few payload fields that tell a reader what a frame meant, for the arrow's label: enough to
 * follow a case (status, connector, transaction) without opening the raw frame.
 */
final class KeyFields {

    private static final List<String> SCALARS = List.of("connectorId", "type", "status", "errorCode", "idTag",
            "transactionId", "requestedMessage", "key", "reason", "fileName", "interval");
    private static final List<String> LISTS = List.of("configurationKey", "unknownKey", "meterValue");
    private static final int MAX_VALUE_LENGTH = 40;

    private KeyFields() {
    }

    static String of(Frame frame) {
        JsonNode payload = frame.payload();
        return switch (frame.messageType()) {
            case CALL, CALLRESULT -> ofPayload(payload);
            case CALLERROR -> join(List.of(value(payload.path(2)), value(payload.path(3))));
            case MALFORMED -> "";
        };
    }

    private static String ofPayload(JsonNode payload) {
        List<String> fields = new ArrayList<>();
        for (String name : SCALARS) {
            JsonNode value = payload.path(name);
            if (value.isValueNode() && !value.isNull()) {
                fields.add(name + "=" + value(value));
            }
        }
        JsonNode idTagStatus = payload.path("idTagInfo").path("status");
        if (idTagStatus.isValueNode()) {
            fields.add("idTagInfo.status=" + value(idTagStatus));
        }
        for (String name : LISTS) {
            JsonNode list = payload.path(name);
            if (list.isArray()) {
                fields.add(name + "[" + list.size() + "]");
            }
        }
        return join(fields);
    }

    private static String value(JsonNode node) {
        String text = node.isValueNode() ? node.asText() : "";
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    private static String join(List<String> parts) {
        return String.join(" · ", parts.stream().filter(p -> !p.isEmpty()).toList());
    }
}
