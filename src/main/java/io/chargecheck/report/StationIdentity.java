package io.chargecheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Who the charger says it is, in the words of the script's identity block. */
record StationIdentity(List<Field> fields) {

    /** One line of the identity block; a null value means the charger did not send it. */
    record Field(String label, String ocppName, String value) {
    }

    StationIdentity {
        fields = List.copyOf(fields);
    }

    /** The last BootNotification counts: a charger that rebooted with new firmware reports the new one. */
    static Optional<StationIdentity> of(OcppTrace trace) {
        return trace.lastBootNotification().map(boot -> {
            JsonNode payload = boot.payload();
            return new StationIdentity(List.of(
                    field("Manufacturer Name", "chargePointVendor", payload),
                    field("Manufacturer Number", "chargePointSerialNumber", payload),
                    field("Manufacturer Model", "chargePointModel", payload),
                    field("Firmware Version", "firmwareVersion", payload),
                    field("ICCID", "iccid", payload),
                    field("Meter Type", "meterType", payload)));
        });
    }

    private static Field field(String label, String ocppName, JsonNode payload) {
        JsonNode value = payload.path(ocppName);
        return new Field(label, ocppName, value.isValueNode() && !value.isNull() ? value.asText() : null);
    }
}
