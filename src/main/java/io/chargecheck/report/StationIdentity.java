package io.chargecheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
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

    /**
     * The charger as it came to be certified: its first BootNotification of the run (of these
     * stations; of any when none are named). A firmware version a later boot reports, after the
     * update the run installed, is shown beside it.
     */
    static Optional<StationIdentity> of(OcppTrace trace, Collection<String> stations) {
        List<TraceEntry.Frame> boots = trace.bootNotifications(stations);
        if (boots.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = boots.get(0).payload();
        List<Field> fields = new ArrayList<>(List.of(
                field("Manufacturer Name", "chargePointVendor", first),
                field("Manufacturer Number", "chargePointSerialNumber", first),
                field("Manufacturer Model", "chargePointModel", first),
                field("Firmware Version", "firmwareVersion", first),
                field("ICCID", "iccid", first),
                field("Meter Type", "meterType", first)));
        String before = fields.get(3).value();
        boots.stream().map(boot -> field("Firmware after the update", "firmwareVersion", boot.payload()))
                .filter(after -> after.value() != null && !after.value().equals(before))
                .reduce((earlier, later) -> later)
                .ifPresent(after -> fields.add(4, after));
        return Optional.of(new StationIdentity(fields));
    }

    private static Field field(String label, String ocppName, JsonNode payload) {
        JsonNode value = payload.path(ocppName);
        return new Field(label, ocppName, value.isValueNode() && !value.isNull() ? value.asText() : null);
    }
}
