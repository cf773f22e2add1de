package io.chargecheck.ocpp;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chargecheck.ocpp.message.AnyText;
import io.chargecheck.ocpp.message.AnyUri;
import io.chargecheck.ocpp.message.MaxLength;
import io.chargecheck.ocpp.message.MinItems;
import io.chargecheck.ocpp.message.MultipleOf;
import io.chargecheck.ocpp.message.Required;
import io.chargecheck.ocpp.message.Without;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OCPP rules of one message record, read off its components and their annotations once per
 * record class ({@link Required}, {@link MaxLength}, {@link MinItems}, {@link MultipleOf},
 * {@link AnyUri}, {@link AnyText}, {@link Without}, the component's type): the one description both
 * {@link PayloadValidator} and {@link PayloadReader} work from, so a record added to the model
 * is checked and read without a change here.
 */
record Shape(String name, Class<?> type, Map<String, Field> fields, List<Field> inOrder) {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return read(type);
        }
    };

    /** The shape of a message record, computed on first use. */
    static Shape of(Class<?> type) {
        return SHAPES.get(type);
    }

    private static Shape read(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not an OCPP message record");
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        RecordComponent[] components = type.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            fields.put(components[i].getName(), Field.of(components[i], i));
        }
        // Not Map.copyOf: its order changes from run to run, and the order of the fields decides the
        // order of the violations, so the CALLERROR code (the first one's) and the texts in the report.
        return new Shape(type.getSimpleName(), type, Collections.unmodifiableMap(fields), List.copyOf(fields.values()));
    }

    /**
     * One component: its rule and its constraints. {@code index} is its position in the record, so
     * in its canonical constructor; {@code excluded} the enum constants a {@link Without} on it takes away;
     * {@code anyText} a string with a length but not a CiString ({@link AnyText}).
     */
    record Field(String name, int index, Rule rule, boolean required, int maxLength, int minItems, BigDecimal multipleOf,
                 boolean uri, Set<Enum<?>> excluded, boolean anyText) {

        static Field of(RecordComponent component, int index) {
            MaxLength maxLength = component.getAnnotation(MaxLength.class);
            MinItems minItems = component.getAnnotation(MinItems.class);
            MultipleOf multipleOf = component.getAnnotation(MultipleOf.class);
            return new Field(component.getName(), index, Rule.of(component.getGenericType()),
                    component.isAnnotationPresent(Required.class),
                    maxLength == null ? 0 : maxLength.value(),
                    minItems == null ? 0 : minItems.value(),
                    multipleOf == null ? null : new BigDecimal(multipleOf.value()),
                    component.isAnnotationPresent(AnyUri.class),
                    excludedBy(component.getAnnotation(Without.class)),
                    component.isAnnotationPresent(AnyText.class));
        }
    }

    /** What a value of a declared type must be, read off the type once: reflection per value was most of the validator's time. */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, DATE_TIME, ENUM, RECORD, LIST, UNKNOWN }

    /** {@code element} for a LIST, {@code type} the class for the others (the enum or record class for ENUM and RECORD). */
    record Rule(Kind kind, Class<?> type, Rule element) {

        static Rule of(Type declared) {
            if (declared instanceof ParameterizedType list) {
                return new Rule(Kind.LIST, List.class, of(list.getActualTypeArguments()[0]));
            }
            Class<?> cls = (Class<?>) declared;
            Kind kind;
            if (cls == String.class) {
                kind = Kind.STRING;
            } else if (cls == Integer.class) {
                kind = Kind.INTEGER;
            } else if (cls == Double.class) {
                kind = Kind.NUMBER;
            } else if (cls == Boolean.class) {
                kind = Kind.BOOLEAN;
            } else if (cls == Instant.class) {
                kind = Kind.DATE_TIME;
            } else if (cls.isEnum()) {
                kind = Kind.ENUM;
            } else if (cls.isRecord()) {
                kind = Kind.RECORD;
            } else {
                kind = Kind.UNKNOWN; // a type the model should not have: said when a value of it is checked
            }
            return new Rule(kind, cls, null);
        }

        /** Looked up when used, not when built: a record's shape is made while the shapes around it are. */
        Shape shape() {
            return Shape.of(type);
        }
    }

    /** The wire spelling of an enum constant: its {@code @JsonProperty} name, else its Java name. */
    static String wireName(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An enum's wire names in declaration order, read by reflection once per enum, not once per value checked. */
    private static final ClassValue<Set<String>> WIRE_NAMES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> enumType) {
            Set<String> names = new LinkedHashSet<>();
            for (Object constant : enumType.getEnumConstants()) {
                names.add(wireName((Enum<?>) constant));
            }
            return Collections.unmodifiableSet(names);
        }
    };

    /** The wire names an enum field takes where {@code excluded} applies, in declaration order. */
    static Set<String> wireNames(Class<?> enumType, Set<Enum<?>> excluded) {
        Set<String> all = WIRE_NAMES.get(enumType);
        Set<String> allowed = all;
        for (Enum<?> constant : excluded) { // empty but inside StopTransaction's transactionData
            if (enumType.isInstance(constant)) {
                if (allowed == all) {
                    allowed = new LinkedHashSet<>(all);
                }
                allowed.remove(wireName(constant));
            }
        }
        return allowed;
    }

    /** The constants excluded inside a field: those of the fields around it and its own. */
    static Set<Enum<?>> union(Set<Enum<?>> outer, Set<Enum<?>> own) {
        if (own.isEmpty()) {
            return outer;
        }
        Set<Enum<?>> both = new HashSet<>(outer);
        both.addAll(own);
        return both;
    }

    /** The constants a {@link Without} names; a name no constant has is a typo in the model, so it fails loudly. */
    static Set<Enum<?>> excludedBy(Without without) {
        if (without == null) {
            return Set.of();
        }
        List<Enum<?>> excluded = new ArrayList<>();
        for (String value : without.values()) {
            excluded.add(Arrays.stream(without.type().getEnumConstants())
                    .filter(constant -> wireName(constant).equals(value))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "@Without names '" + value + "', which is no value of " + without.type().getSimpleName())));
        }
        return Set.copyOf(excluded);
    }

    /** OCPP's anyURI, as the schemas' "uri" format: an absolute URI. */
    static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
