package io.chargecheck.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Payloads generated from an OCPP 1.6 JSON schema, for the draft-04 subset the official schemas
 * use (type, properties, required, enum, maxLength, minItems, multipleOf, format date-time/uri,
 * additionalProperties false). Valid payloads, and payloads broken in exactly one place together
 * with the CALLERROR code OCPP-J 1.6 section 4.2.3 prescribes for that break.
 */
final class SchemaPayloads {

    static final String EXTRA_PROPERTY = "unexpectedField";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NOT_IN_ANY_ENUM = "NotAnOcppValue";

    /** A payload the schema accepts. */
    record Valid(String name, JsonNode payload) {
    }

    /**
     * A payload broken in one place: how, where (a path as our validator names it, empty for the
     * payload itself), and the code OCPP gives that break.
     */
    record Broken(String mutation, String path, ErrorCode expected, JsonNode payload) {

        String name() {
            return mutation + " at " + (path.isEmpty() ? "(payload)" : path);
        }
    }

    private SchemaPayloads() {
    }

    /**
     * The schema with every local reference ({@code "$ref": "#/definitions/X"}, as the security
     * extension's schemas use them) replaced by what it refers to, so that generating payloads and
     * reading declarations see one tree. The official validator still gets the schema as published.
     */
    static JsonNode inlined(JsonNode schema) {
        JsonNode definitions = schema.path("definitions");
        JsonNode copy = inline(schema, definitions);
        if (copy instanceof ObjectNode object) {
            object.remove("definitions");
        }
        return copy;
    }

    private static JsonNode inline(JsonNode node, JsonNode definitions) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").textValue();
            String prefix = "#/definitions/";
            if (ref == null || !ref.startsWith(prefix) || !definitions.has(ref.substring(prefix.length()))) {
                throw new IllegalArgumentException("a reference the generator cannot follow: " + node);
            }
            return inline(definitions.get(ref.substring(prefix.length())), definitions);
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), inline(entry.getValue(), definitions)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(inline(element, definitions)));
            return copy;
        }
        return node;
    }

    /**
     * The minimal payload (required fields only) and as many full ones (every property, arrays of
     * one element, strings at exactly maxLength) as it takes for every enum value to appear once:
     * full payload number i holds value i of each enum, wrapping round for shorter enums.
     */
    static List<Valid> valid(JsonNode schema) {
        List<Valid> valid = new ArrayList<>();
        valid.add(new Valid("minimal", value(schema, false, 0)));
        int variants = Math.max(1, largestEnum(schema));
        for (int variant = 0; variant < variants; variant++) {
            valid.add(new Valid("full #" + (variant + 1), value(schema, true, variant)));
        }
        return valid;
    }

    /** Every single-place break of the first full payload, at every depth. */
    static List<Broken> broken(JsonNode schema) {
        List<Broken> broken = new ArrayList<>();
        breakAt(schema, Location.ROOT, value(schema, true, 0), broken);
        return broken;
    }

    // ---- valid values ----

    private static JsonNode value(JsonNode schema, boolean full, int variant) {
        return switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                Set<String> required = required(schema);
                schema.path("properties").properties().forEach(property -> {
                    if (full || required.contains(property.getKey())) {
                        object.set(property.getKey(), value(property.getValue(), full, variant));
                    }
                });
                yield object;
            }
            // Never empty, even where the schema would allow it: see SchemaAgreementTest on sampledValue.
            case "array" -> NODES.arrayNode().add(value(schema.get("items"), full, variant));
            case "string" -> TextNode.valueOf(string(schema, full, variant));
            case "integer" -> IntNode.valueOf(full ? 7 + variant : 1);
            // 15 steps of the multipleOf, 1.5 for 0.1: not exact in binary, so it catches double arithmetic.
            case "number" -> DoubleNode.valueOf(multipleOf(schema).multiply(BigDecimal.valueOf(15)).doubleValue());
            case "boolean" -> BooleanNode.valueOf(variant % 2 == 0);
            default -> throw outsideSubset(schema);
        };
    }

    private static String string(JsonNode schema, boolean full, int variant) {
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(variant % values.size()).textValue();
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            // Both ways a charger writes times: UTC, and local time with its offset.
            return variant % 2 == 0 ? "2026-11-23T12:00:00Z" : "2026-11-23T14:00:00.250+02:00";
        }
        if (format.equals("uri")) {
            return "ftp://user:secret@ftp.example.com/firmware/cp-2.1.bin";
        }
        if (!format.isEmpty()) {
            throw outsideSubset(schema);
        }
        if (full && schema.has("maxLength")) {
            return "x".repeat(schema.get("maxLength").intValue());
        }
        return "A-" + variant;
    }

    // ---- broken values ----

    private static void breakAt(JsonNode schema, Location at, JsonNode base, List<Broken> out) {
        if (!at.isRoot()) {
            out.add(at.replace(base, "wrong type", wrongType(schema), ErrorCode.TypeConstraintViolation));
            out.add(at.replace(base, "null", NullNode.getInstance(), ErrorCode.TypeConstraintViolation));
        }
        switch (type(schema)) {
            case "object" -> breakObject(schema, at, base, out);
            case "array" -> {
                if (schema.path("minItems").asInt(0) > 0) {
                    out.add(at.replace(base, "empty array", NODES.arrayNode(), ErrorCode.OccurenceConstraintViolation));
                }
                breakAt(schema.get("items"), at.item(0), base, out);
            }
            case "string" -> breakString(schema, at, base, out);
            case "integer" -> out.add(at.replace(base, "integer with a fraction", DoubleNode.valueOf(1.5),
                    ErrorCode.TypeConstraintViolation));
            case "number" -> {
                if (schema.has("multipleOf")) {
                    BigDecimal offStep = multipleOf(schema).multiply(new BigDecimal("1.5"));
                    out.add(at.replace(base, "not a multiple of " + schema.get("multipleOf"),
                            DoubleNode.valueOf(offStep.doubleValue()), ErrorCode.PropertyConstraintViolation));
                }
            }
            case "boolean" -> {
                // wrong type and null above are all a boolean can get wrong
            }
            default -> throw outsideSubset(schema);
        }
    }

    private static void breakObject(JsonNode schema, Location at, JsonNode base, List<Broken> out) {
        for (String name : required(schema)) {
            Location field = at.child(name);
            out.add(new Broken("missing", field.path(), ErrorCode.OccurenceConstraintViolation, field.remove(base)));
        }
        out.add(at.child(EXTRA_PROPERTY).replace(base, "extra property", TextNode.valueOf("x"), ErrorCode.FormationViolation));
        schema.path("properties").properties().forEach(
                property -> breakAt(property.getValue(), at.child(property.getKey()), base, out));
    }

    private static void breakString(JsonNode schema, Location at, JsonNode base, List<Broken> out) {
        if (schema.has("enum")) {
            out.add(at.replace(base, "not in enum", TextNode.valueOf(NOT_IN_ANY_ENUM), ErrorCode.PropertyConstraintViolation));
        }
        if (schema.has("maxLength")) {
            String tooLong = "x".repeat(schema.get("maxLength").intValue() + 1);
            out.add(at.replace(base, "too long", TextNode.valueOf(tooLong), ErrorCode.PropertyConstraintViolation));
        }
        String format = schema.path("format").asText("");
        if (format.equals("date-time")) {
            out.add(at.replace(base, "not a date-time", TextNode.valueOf("yesterday"), ErrorCode.PropertyConstraintViolation));
            // A local time without its offset: the mistake chargers actually make.
            out.add(at.replace(base, "date-time without offset", TextNode.valueOf("2026-11-23T12:00:00"),
                    ErrorCode.PropertyConstraintViolation));
        } else if (format.equals("uri")) {
            out.add(at.replace(base, "not a URI", TextNode.valueOf("not a uri"), ErrorCode.PropertyConstraintViolation));
            out.add(at.replace(base, "relative URI", TextNode.valueOf("firmware/cp-2.1.bin"), ErrorCode.PropertyConstraintViolation));
        }
    }

    /** A value of another JSON type than the schema's, of the kind a sloppy encoder produces. */
    private static JsonNode wrongType(JsonNode schema) {
        return switch (type(schema)) {
            case "object" -> TextNode.valueOf("{}");
            case "array" -> NODES.objectNode();
            case "string" -> IntNode.valueOf(42);
            case "integer" -> TextNode.valueOf("42");
            case "number" -> TextNode.valueOf("1.5");
            case "boolean" -> TextNode.valueOf("true");
            default -> throw outsideSubset(schema);
        };
    }

    // ---- reading the schema ----

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null || !type.isTextual()) {
            throw outsideSubset(schema);
        }
        return type.textValue();
    }

    private static Set<String> required(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.textValue()));
        return required;
    }

    /** The schema's multipleOf; 0.1 where it has none, so that every number generated has a fraction. */
    private static BigDecimal multipleOf(JsonNode schema) {
        return schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : new BigDecimal("0.1");
    }

    private static int largestEnum(JsonNode schema) {
        int largest = schema.path("enum").size();
        for (JsonNode property : schema.path("properties")) {
            largest = Math.max(largest, largestEnum(property));
        }
        return schema.has("items") ? Math.max(largest, largestEnum(schema.get("items"))) : largest;
    }

    private static IllegalArgumentException outsideSubset(JsonNode schema) {
        return new IllegalArgumentException("schema outside the draft-04 subset the generator knows: " + schema);
    }

    /** A place in a payload, as the steps (property names, array indexes) that lead to it. */
    private record Location(List<Object> steps) {

        static final Location ROOT = new Location(List.of());

        boolean isRoot() {
            return steps.isEmpty();
        }

        Location child(String name) {
            return append(name);
        }

        Location item(int index) {
            return append(index);
        }

        /** The path as {@link PayloadValidator} writes it: {@code meterValue[0].sampledValue[0].unit}. */
        String path() {
            StringBuilder path = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer) {
                    path.append('[').append(step).append(']');
                } else {
                    path.append(path.length() == 0 ? "" : ".").append(step);
                }
            }
            return path.toString();
        }

        Broken replace(JsonNode base, String mutation, JsonNode value, ErrorCode expected) {
            JsonNode copy = base.deepCopy();
            Object last = steps.get(steps.size() - 1);
            JsonNode parent = parentIn(copy);
            if (last instanceof Integer) {
                ((ArrayNode) parent).set((Integer) last, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
            return new Broken(mutation, path(), expected, copy);
        }

        JsonNode remove(JsonNode base) {
            JsonNode copy = base.deepCopy();
            ((ObjectNode) parentIn(copy)).remove((String) steps.get(steps.size() - 1));
            return copy;
        }

        private JsonNode parentIn(JsonNode root) {
            JsonNode node = root;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                node = step instanceof Integer ? node.get((Integer) step) : node.get((String) step);
            }
            return node;
        }

        private Location append(Object step) {
            List<Object> longer = new ArrayList<>(steps);
            longer.add(step);
            return new Location(List.copyOf(longer));
        }
    }
}
