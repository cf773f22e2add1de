package io.chargecheck.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.chargecheck.ocpp.message.AnyUri;
import io.chargecheck.ocpp.message.MaxLength;
import io.chargecheck.ocpp.message.MinItems;
import io.chargecheck.ocpp.message.MultipleOf;
import io.chargecheck.ocpp.message.Required;
import io.chargecheck.ocpp.message.Without;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that {@link PayloadValidator}, which reads the OCPP rules off our message records, gives
 * the same verdict as the official OCPP 1.6J JSON schemas, for every action in both directions:
 * on payloads generated from each schema ({@link SchemaPayloads}), valid and broken at every
 * depth, and on the declarations themselves (fields, required, lengths, enum values, formats).
 *
 * <p>The schemas are reference data outside the repository (a fresh clone does not have them), so
 * without them this test is skipped, never failed.
 */
class SchemaAgreementTest {

    /** Where the schemas are: {@code -Dchargecheck.schemas=...}, else beside the working directory. */
    private static final Path SCHEMAS = Path.of(System.getProperty("chargecheck.schemas", "../shared/ocpp16-schemas"));

    /**
     * Draft-04 asserts formats by default in this validator, but that default has changed between
     * its versions: set it, so that "yesterday" as a date-time is an error on both sides.
     */
    private static final SchemaRegistry OFFICIAL = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
            registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    /**
     * The one deliberate difference between the model and the schemas. The 1.6 specification gives
     * MeterValue.sampledValue the cardinality 1..*, and the model follows it for both messages that
     * carry meter values; StopTransaction.json leaves minItems off transactionData's sampledValue
     * (MeterValues.json has it). Valid payloads never hold empty arrays, so only the declarations
     * differ, and this is where that is said.
     */
    private static final Deviation SAMPLED_VALUE_MIN_ITEMS = new Deviation(Action.StopTransaction, true,
            "transactionData[].sampledValue: array, required, minItems 1",
            "transactionData[].sampledValue: array, required");

    private static final AtomicInteger VALID_CHECKED = new AtomicInteger();
    private static final AtomicInteger BROKEN_CHECKED = new AtomicInteger();

    @BeforeAll
    static void schemasPresent() {
        assumeTrue(Files.isDirectory(SCHEMAS),
                () -> "OCPP 1.6 schemas not found at " + SCHEMAS + ": schema agreement not checked");
    }

    @AfterAll
    static void reportCounts() {
        if (VALID_CHECKED.get() + BROKEN_CHECKED.get() > 0) {
            System.out.printf("Schema agreement: %d payloads checked (%d valid, %d broken) for %d actions, both directions%n",
                    VALID_CHECKED.get() + BROKEN_CHECKED.get(), VALID_CHECKED.get(), BROKEN_CHECKED.get(),
                    Action.values().length);
        }
    }

    @TestFactory
    Stream<DynamicContainer> validPayloadsAreAcceptedByBoth() {
        return messages().map(message -> dynamicContainer(message.toString(),
                SchemaPayloads.valid(message.json()).stream().map(valid -> dynamicTest(valid.name(), () -> {
                    VALID_CHECKED.incrementAndGet();
                    assertAccepted(message, valid.name(), valid.payload());
                }))));
    }

    @TestFactory
    Stream<DynamicContainer> brokenPayloadsAreRejectedByBothWithTheOcppCode() {
        return messages().map(message -> dynamicContainer(message.toString(),
                SchemaPayloads.broken(message.json()).stream().map(broken -> dynamicTest(broken.name(), () -> {
                    BROKEN_CHECKED.incrementAndGet();
                    assertRejected(message, broken);
                }))));
    }

    @TestFactory
    Stream<DynamicTest> modelDeclaresWhatTheSchemaDeclares() {
        return messages().map(message -> dynamicTest(message.toString(), () -> {
            Set<String> schema = Declarations.ofSchema(message.json());
            Set<String> model = Declarations.ofModel(message.type());
            if (SAMPLED_VALUE_MIN_ITEMS.appliesTo(message)) {
                // Held to exist, so the exception cannot outlive the difference it excuses.
                assertThat(model).as("the deliberate difference").contains(SAMPLED_VALUE_MIN_ITEMS.model());
                model.remove(SAMPLED_VALUE_MIN_ITEMS.model());
                model.add(SAMPLED_VALUE_MIN_ITEMS.schema());
            }
            assertThat(model).as("%s: the model's declarations (actual) against the schema's (expected)", message)
                    .containsExactlyInAnyOrderElementsOf(schema);
        }));
    }

    private static void assertAccepted(Message message, String name, JsonNode payload) throws PayloadException {
        assertThat(officialErrors(message, payload)).as("%s, %s: official schema on %s", message, name, payload).isEmpty();
        assertThat(PayloadValidator.validate(payload, message.type()))
                .as("%s, %s: our validator on %s", message, name, payload).isEmpty();
        // What we read we must be able to write back, in a form the schema accepts and that reads the same.
        Object decoded = message.decode(payload);
        JsonNode encoded = MessageCodec.encode(decoded);
        assertThat(officialErrors(message, encoded)).as("%s, %s: official schema on our encoding %s", message, name, encoded)
                .isEmpty();
        assertThat(message.decode(encoded)).as("%s, %s: read back from our encoding", message, name).isEqualTo(decoded);
    }

    private static void assertRejected(Message message, SchemaPayloads.Broken broken) {
        assertThat(officialErrors(message, broken.payload()))
                .as("%s, %s: official schema on %s", message, broken.name(), broken.payload()).isNotEmpty();
        assertThat(PayloadValidator.validate(broken.payload(), message.type()))
                .as("%s, %s: our validator on %s", message, broken.name(), broken.payload())
                .extracting(Violation::code, Violation::field)
                .containsExactly(tuple(broken.expected(), broken.path()));
    }

    private static List<String> officialErrors(Message message, JsonNode payload) {
        return message.schema().validate(payload).stream().map(Object::toString).collect(Collectors.toList());
    }

    private static Stream<Message> messages() {
        return Arrays.stream(Action.values()).flatMap(action -> Stream.of(
                Message.of(action, true), Message.of(action, false)));
    }

    /** One payload type of one action, with its official schema. */
    private record Message(Action action, boolean request, JsonNode json, Schema schema) {

        static Message of(Action action, boolean request) {
            Path file = SCHEMAS.resolve(action.name() + (request ? "" : "Response") + ".json");
            try {
                JsonNode json = OcppJson.mapper().readTree(file.toFile());
                return new Message(action, request, SchemaPayloads.inlined(json), OFFICIAL.getSchema(json));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the schema " + file + " (every action needs both)", e);
            }
        }

        Class<?> type() {
            return request ? action.requestType() : action.responseType();
        }

        Object decode(JsonNode payload) throws PayloadException {
            return request ? MessageCodec.decodeRequest(action, payload) : MessageCodec.decodeResponse(action, payload);
        }

        @Override
        public String toString() {
            return action + (request ? " request" : " response");
        }
    }

    /** A declaration line the model has where the schema has another, on purpose. */
    private record Deviation(Action action, boolean request, String model, String schema) {

        boolean appliesTo(Message message) {
            return message.action() == action && message.request() == request;
        }
    }

    /**
     * Both sides described the same way, one line per field ({@code meterValue[].timestamp:
     * date-time, required}), so comparing two sets shows exactly which field differs and how.
     */
    private static final class Declarations {

        private static final String PAYLOAD = "(payload)";

        static Set<String> ofSchema(JsonNode schema) {
            Set<String> lines = new TreeSet<>();
            ofSchema(schema, PAYLOAD, false, lines);
            return lines;
        }

        static Set<String> ofModel(Class<?> type) {
            Set<String> lines = new TreeSet<>();
            ofModel(type, null, Set.of(), PAYLOAD, false, lines);
            return lines;
        }

        private static void ofSchema(JsonNode schema, String path, boolean required, Set<String> lines) {
            String type = schema.get("type").textValue();
            String kind = type;
            if (schema.has("enum")) {
                kind = "enum " + new TreeSet<>(textValues(schema.get("enum")));
            } else if (schema.has("format")) {
                kind = schema.get("format").textValue();
            }
            lines.add(line(path, kind, required,
                    schema.has("maxLength") ? schema.get("maxLength").intValue() : 0,
                    schema.has("minItems") ? schema.get("minItems").intValue() : 0,
                    schema.has("multipleOf") ? schema.get("multipleOf").decimalValue() : null));
            Set<String> requiredNames = new TreeSet<>(textValues(schema.path("required")));
            schema.path("properties").properties().forEach(property -> ofSchema(property.getValue(),
                    child(path, property.getKey()), requiredNames.contains(property.getKey()), lines));
            if (schema.has("items")) {
                ofSchema(schema.get("items"), path + "[]", false, lines);
            }
        }

        /**
         * {@code component} is null for the payload itself, and carries the annotations otherwise;
         * {@code excluded} are the enum constants a {@link Without} around this field takes away.
         */
        private static void ofModel(Type type, AnnotatedElement component, Set<Enum<?>> excluded, String path,
                                    boolean required, Set<String> lines) {
            if (type instanceof ParameterizedType list) {
                MinItems minItems = annotation(component, MinItems.class);
                lines.add(line(path, "array", required, 0, minItems == null ? 0 : minItems.value(), null));
                // On a list, @MaxLength and the other value rules are about its elements.
                ofModel(list.getActualTypeArguments()[0], component, excluded, path + "[]", false, lines);
                return;
            }
            Class<?> cls = (Class<?>) type;
            MaxLength maxLength = annotation(component, MaxLength.class);
            MultipleOf multipleOf = annotation(component, MultipleOf.class);
            lines.add(line(path, kind(cls, component, excluded), required, maxLength == null ? 0 : maxLength.value(), 0,
                    multipleOf == null ? null : new BigDecimal(multipleOf.value())));
            if (cls.isRecord()) {
                for (RecordComponent field : cls.getRecordComponents()) {
                    Set<Enum<?>> narrowed = new HashSet<>(excluded);
                    narrowed.addAll(PayloadValidator.excludedBy(field.getAnnotation(Without.class)));
                    ofModel(field.getGenericType(), field, narrowed, child(path, field.getName()),
                            field.isAnnotationPresent(Required.class), lines);
                }
            }
        }

        private static String kind(Class<?> cls, AnnotatedElement component, Set<Enum<?>> excluded) {
            if (cls.isRecord()) {
                return "object";
            }
            if (cls.isEnum()) {
                return "enum " + Arrays.stream(cls.getEnumConstants())
                        .map(constant -> (Enum<?>) constant)
                        .filter(constant -> !excluded.contains(constant))
                        .map(PayloadValidator::wireName)
                        .collect(Collectors.toCollection(TreeSet::new));
            }
            if (cls == String.class) {
                return annotation(component, AnyUri.class) != null ? "uri" : "string";
            }
            if (cls == Instant.class) {
                return "date-time";
            }
            if (cls == Integer.class) {
                return "integer";
            }
            if (cls == Double.class) {
                return "number";
            }
            if (cls == Boolean.class) {
                return "boolean";
            }
            throw new IllegalStateException("no JSON schema type for " + cls);
        }

        private static String line(String path, String kind, boolean required, int maxLength, int minItems,
                                   BigDecimal multipleOf) {
            return path + ": " + kind
                    + (required ? ", required" : "")
                    + (maxLength > 0 ? ", maxLength " + maxLength : "")
                    + (minItems > 0 ? ", minItems " + minItems : "")
                    + (multipleOf != null ? ", multipleOf " + multipleOf.stripTrailingZeros().toPlainString() : "");
        }

        private static <A extends java.lang.annotation.Annotation> A annotation(AnnotatedElement element, Class<A> type) {
            return element == null ? null : element.getAnnotation(type);
        }

        private static String child(String path, String name) {
            return path.equals(PAYLOAD) ? name : path + "." + name;
        }

        private static List<String> textValues(JsonNode array) {
            return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
                    .map(i -> array.get(i).textValue())
                    .collect(Collectors.toList());
        }
    }
}
