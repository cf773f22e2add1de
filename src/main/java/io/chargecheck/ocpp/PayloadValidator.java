package io.chargecheck.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.ocpp.Shape.Field;
import io.chargecheck.ocpp.Shape.Kind;
import io.chargecheck.ocpp.Shape.Rule;
import io.chargecheck.ocpp.message.MaxLength;
import io.chargecheck.ocpp.message.Required;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a payload against the OCPP 1.6 rules of its message type, reading the rules off the
 * message records themselves (field types, enums, {@link Required}, {@link MaxLength}, ...), so
 * the model is the one place they are written. The verdicts match the official 1.6 JSON schemas;
 * {@code SchemaAgreementTest} holds them to that.
 *
 * <p>Which CALLERROR code a rule maps to follows OCPP-J 1.6 section 4.2.3: a missing field
 * violates an occurrence constraint, a wrong JSON type a type constraint, a value outside its
 * enum, length or format a property constraint, and a field the message does not have breaks the
 * structure of the PDU (FormationViolation).
 */
public final class PayloadValidator {

    /** RFC 3339 date-time, the "date-time" format of JSON Schema. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private PayloadValidator() {
    }

    public static List<Violation> validate(JsonNode payload, Class<?> messageType) {
        List<Violation> violations = new ArrayList<>();
        checkObject(payload, Shape.of(messageType), Set.of(), Where.PAYLOAD, violations);
        return violations;
    }

    /**
     * CiString fields (the ones with a {@link MaxLength}) whose text is not printable ASCII, which
     * OCPP 1.6 requires of a CiString (the core specification's data types: "Case Insensitive String.
     * Only printable ASCII allowed") but the JSON schemas do not check. A separate verdict from
     * {@link #validate}: the schemas are what a CALLERROR is given for; this one a central system can
     * only note, since refusing a BootNotification for a "–" in its firmware version would end the test.
     */
    public static List<Violation> nonPrintableCiStrings(JsonNode payload, Class<?> messageType) {
        List<Violation> found = new ArrayList<>();
        walkCiStrings(payload, Shape.of(messageType), Where.PAYLOAD, found);
        return found;
    }

    private static void walkCiStrings(JsonNode node, Shape shape, Where where, List<Violation> out) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (Field field : shape.inOrder()) {
            JsonNode value = node.get(field.name());
            if (value != null) {
                walkCiValue(value, field, field.rule(), where.field(field.name()), out);
            }
        }
    }

    private static void walkCiValue(JsonNode value, Field field, Rule rule, Where where, List<Violation> out) {
        if (rule.kind() == Kind.LIST) {
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    walkCiValue(value.get(i), field, rule.element(), where.element(i), out);
                }
            }
            return;
        }
        if (rule.kind() == Kind.STRING && field.maxLength() > 0 && !field.anyText() && value.isTextual()) {
            String text = value.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(), String.format(
                            "a CiString holds printable ASCII only; character %d is U+%04X", i + 1, (int) c)));
                    break;
                }
            }
        } else if (rule.kind() == Kind.RECORD) {
            walkCiStrings(value, rule.shape(), where, out);
        }
    }

    /** The wire spelling of an enum constant: its {@code @JsonProperty} name, else its Java name. */
    public static String wireName(Enum<?> constant) {
        return Shape.wireName(constant);
    }

    /** The constants a {@link io.chargecheck.ocpp.message.Without} names (see {@link Shape#excludedBy}). */
    static Set<Enum<?>> excludedBy(io.chargecheck.ocpp.message.Without without) {
        return Shape.excludedBy(without);
    }

    /** {@code excluded}: enum constants not allowed here, by a {@link Without} on a field around this one. */
    private static void checkObject(JsonNode node, Shape shape, Set<Enum<?>> excluded, Where where, List<Violation> out) {
        if (!node.isObject()) {
            out.add(new Violation(ErrorCode.TypeConstraintViolation, where.path(), "must be an object, was " + jsonType(node)));
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.fields().containsKey(name)) {
                out.add(new Violation(ErrorCode.FormationViolation, where.field(name).path(),
                        "is not a field of " + shape.name() + " (allowed: " + String.join(", ", shape.fields().keySet()) + ")"));
            }
        }
        for (Field field : shape.inOrder()) {
            JsonNode value = node.get(field.name());
            if (value == null) {
                if (field.required()) {
                    out.add(new Violation(ErrorCode.OccurenceConstraintViolation, where.field(field.name()).path(),
                            "required field is missing"));
                }
            } else {
                checkValue(value, field, field.rule(), Shape.union(excluded, field.excluded()), where.field(field.name()), out);
            }
        }
    }

    private static void checkValue(JsonNode value, Field field, Rule rule, Set<Enum<?>> excluded, Where where,
                                   List<Violation> out) {
        switch (rule.kind()) {
            case LIST -> checkList(value, field, rule.element(), excluded, where, out);
            case STRING -> checkString(value, field, where, out);
            case INTEGER -> checkInteger(value, where, out);
            case NUMBER -> checkNumber(value, field, where, out);
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    out.add(typeViolation(where, "a boolean", value));
                }
            }
            case DATE_TIME -> checkDateTime(value, where, out);
            case ENUM -> checkEnum(value, rule.type(), excluded, where, out);
            case RECORD -> checkObject(value, rule.shape(), excluded, where, out);
            case UNKNOWN -> throw new IllegalStateException("no OCPP rule for " + rule.type() + " at " + where.path());
        }
    }

    private static void checkList(JsonNode value, Field field, Rule element, Set<Enum<?>> excluded, Where where,
                                  List<Violation> out) {
        if (!value.isArray()) {
            out.add(typeViolation(where, "an array", value));
            return;
        }
        if (field.minItems() > 0 && value.size() < field.minItems()) {
            out.add(new Violation(ErrorCode.OccurenceConstraintViolation, where.path(),
                    "must hold at least " + field.minItems() + " element(s), was empty"));
        }
        for (int i = 0; i < value.size(); i++) {
            checkValue(value.get(i), field, element, excluded, where.element(i), out);
        }
    }

    private static void checkString(JsonNode value, Field field, Where where, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(typeViolation(where, "a string", value));
            return;
        }
        String text = value.textValue();
        int length = text.codePointCount(0, text.length());
        if (field.maxLength() > 0 && length > field.maxLength()) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(),
                    length + " characters, at most " + field.maxLength() + " allowed"));
        }
        if (field.uri() && !Shape.isAbsoluteUri(text)) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(), "'" + text + "' is not an absolute URI"));
        }
    }

    private static void checkInteger(JsonNode value, Where where, List<Violation> out) {
        if (!value.isIntegralNumber()) {
            out.add(typeViolation(where, "an integer", value));
        } else if (!value.canConvertToInt()) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(), value + " is outside the 32-bit integer range"));
        }
    }

    private static void checkNumber(JsonNode value, Field field, Where where, List<Violation> out) {
        if (!value.isNumber()) {
            out.add(typeViolation(where, "a number", value));
            return;
        }
        if (field.multipleOf() != null && value.decimalValue().remainder(field.multipleOf()).signum() != 0) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(),
                    value + " is not a multiple of " + field.multipleOf().toPlainString()));
        }
    }

    private static void checkDateTime(JsonNode value, Where where, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(typeViolation(where, "a date-time string", value));
            return;
        }
        String text = value.textValue();
        boolean valid = DATE_TIME.matcher(text).matches();
        if (valid) {
            try {
                OffsetDateTime.parse(text.toUpperCase());
            } catch (DateTimeParseException e) {
                valid = false;
            }
        }
        if (!valid) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(),
                    "'" + text + "' is not an RFC 3339 date-time with time zone, e.g. 2026-11-23T12:00:00Z"));
        }
    }

    private static void checkEnum(JsonNode value, Class<?> type, Set<Enum<?>> excluded, Where where, List<Violation> out) {
        if (!value.isTextual()) {
            out.add(typeViolation(where, "a string", value));
            return;
        }
        Set<String> allowed = Shape.wireNames(type, excluded);
        if (!allowed.contains(value.textValue())) {
            out.add(new Violation(ErrorCode.PropertyConstraintViolation, where.path(),
                    "'" + value.textValue() + "' is not one of " + String.join(", ", allowed)));
        }
    }

    private static Violation typeViolation(Where where, String expected, JsonNode value) {
        return new Violation(ErrorCode.TypeConstraintViolation, where.path(), "must be " + expected + ", was " + jsonType(value));
    }

    private static String jsonType(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "the number " + node;
            case STRING -> "the string \"" + node.textValue() + "\"";
            case NULL, MISSING -> "null";
            case BINARY -> "binary";
        };
    }

    /**
     * Where a value is in the payload. The walk makes one for each value it looks at, and spells
     * it out ({@code meterValue[0].sampledValue[2].measurand}) only for a violation: a valid payload
     * costs no path text.
     */
    private record Where(Where parent, String name, int index) {

        static final Where PAYLOAD = new Where(null, null, -1);

        Where field(String fieldName) {
            return new Where(this, fieldName, -1);
        }

        Where element(int i) {
            return new Where(this, null, i);
        }

        String path() {
            return parent == null ? "" : spell(new StringBuilder()).toString();
        }

        private StringBuilder spell(StringBuilder to) {
            if (parent != null) {
                parent.spell(to);
                if (name == null) {
                    to.append('[').append(index).append(']');
                } else {
                    to.append(to.length() == 0 ? "" : ".").append(name);
                }
            }
            return to;
        }
    }
}
