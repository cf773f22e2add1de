package io.chargecheck.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.PayloadValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks every frame a station sent, as the central system's journal recorded it: each CALL and
 * CALLRESULT payload against the project's {@link PayloadValidator} and, where the official OCPP
 * 1.6J schemas are at hand ({@code ../shared/ocpp16-schemas}, or {@code -Dchargecheck.schemas}),
 * against those too. Without the schemas that second check is skipped, saying so once.
 */
final class FrameConformance {

    static final Path SCHEMAS = Path.of(System.getProperty("chargecheck.schemas", "../shared/ocpp16-schemas"));

    private static final AtomicBoolean ABSENCE_REPORTED = new AtomicBoolean();
    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();
    private static final SchemaRegistry OFFICIAL = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private FrameConformance() {
    }

    static boolean officialSchemasPresent() {
        boolean present = Files.isDirectory(SCHEMAS);
        if (!present && ABSENCE_REPORTED.compareAndSet(false, true)) {
            System.err.println("[simulator tests] official OCPP 1.6 schemas not found at " + SCHEMAS.toAbsolutePath()
                    + ": the simulator's frames are checked with the project's PayloadValidator only");
        }
        return present;
    }

    /** What is wrong with the frames the station sent, one line each; empty when all conform. */
    static List<String> problems(List<JournalEntry> entries) {
        boolean official = officialSchemasPresent();
        List<String> problems = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (!entry.isFrame() || entry.direction() != JournalEntry.Direction.IN || entry.action() == null) {
                continue;
            }
            JsonNode payload;
            boolean request;
            if (entry.frame() instanceof Frame.Call call) {
                payload = call.payload();
                request = true;
            } else if (entry.frame() instanceof Frame.CallResult result) {
                payload = result.payload();
                request = false;
            } else {
                continue; // a CALLERROR has no payload schema
            }
            Action action = entry.action();
            String what = "#" + entry.seq() + " " + action + (request ? "" : " answer") + " " + entry.raw();
            PayloadValidator.validate(payload, request ? action.requestType() : action.responseType())
                    .forEach(violation -> problems.add(what + ": " + violation));
            if (official) {
                schema(action, request).validate(payload)
                        .forEach(error -> problems.add(what + ": official schema: " + error));
            }
        }
        return problems;
    }

    private static Schema schema(Action action, boolean request) {
        String name = action.name() + (request ? "" : "Response") + ".json";
        return SCHEMA_CACHE.computeIfAbsent(name, file -> {
            try {
                return OFFICIAL.getSchema(OcppJson.mapper().readTree(SCHEMAS.resolve(file).toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the official schema " + file, e);
            }
        });
    }
}
