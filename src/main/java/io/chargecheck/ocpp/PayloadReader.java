package io.chargecheck.ocpp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chargecheck.ocpp.Shape.Field;
import io.chargecheck.ocpp.Shape.Rule;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a payload straight from the parser's tokens into its message record, checking each value
 * against its {@link Shape} on the way: one pass, no JSON tree, no second walk to validate, none to
 * bind, none for the CiStrings, and no path texts.
 *
 * <p>It is for the common case only: a payload in which {@link PayloadValidator} finds nothing and
 * {@link PayloadValidator#nonPrintableCiStrings} nothing either. On anything else (a field the
 * record does not have, a key twice, a missing required field, a value of another JSON type or
 * outside its rule, a JSON null, a date-time in any form but {@code yyyy-MM-ddTHH:mm:ss[.f]Z}, a
 * record that carries Jackson annotations of its own) it gives up with {@link Unusual}, and the
 * caller reads the text the thorough way, whose verdicts and words are the ones OCPP-J asks for.
 * So the one thing it must get right is what it accepts: exactly what the thorough way accepts,
 * read into an equal record ({@code TypedCallTest} holds it to that, payload by payload).
 */
final class PayloadReader {

    /** The payload is not the common case: read it the thorough way. Thrown often under attack, so without a stack trace. */
    static final class Unusual extends Exception {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super("not the common case", null, false, false);
        }
    }

    private static final ClassValue<Map<Set<Enum<?>>, RecordReader>> READERS = new ClassValue<>() {
        @Override
        protected Map<Set<Enum<?>>, RecordReader> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private PayloadReader() {
    }

    /** Reads the object the parser is at (its START_OBJECT is the current token) as a record of this type. */
    static Object read(JsonParser parser, Class<?> type) throws IOException, Unusual {
        return of(type, Set.of()).read(parser);
    }

    /** The reader of a record type where these enum constants are excluded ({@link io.chargecheck.ocpp.message.Without}). */
    private static RecordReader of(Class<?> type, Set<Enum<?>> excluded) {
        Map<Set<Enum<?>>, RecordReader> byExclusion = READERS.get(type);
        RecordReader reader = byExclusion.get(excluded);
        if (reader == null) {
            // not computeIfAbsent: building a reader never builds the ones of its fields' records (they are
            // looked up on first use), but it must not run inside the map's own update either
            reader = new RecordReader(Shape.of(type), excluded);
            RecordReader raced = byExclusion.putIfAbsent(excluded, reader);
            reader = raced == null ? reader : raced;
        }
        return reader;
    }

    /** Reads one JSON value, the parser's current token, as its field declares it. */
    private interface ValueReader {
        Object read(JsonParser parser) throws IOException, Unusual;
    }

    private static final class RecordReader {
        private final Map<String, Field> fields;
        private final ValueReader[] readers;
        private final Constructor<?> canonical;
        private final long required;

        RecordReader(Shape shape, Set<Enum<?>> excluded) {
            this.fields = shape.fields();
            List<Field> inOrder = shape.inOrder();
            this.readers = new ValueReader[inOrder.size()];
            long requiredBits = 0;
            for (Field field : inOrder) {
                readers[field.index()] = valueReader(field, field.rule(), Shape.union(excluded, field.excluded()));
                if (field.required()) {
                    requiredBits |= 1L << Math.min(field.index(), 63);
                }
            }
            this.required = requiredBits;
            this.canonical = inOrder.size() <= 64 && boundAsTheValidatorSeesIt(shape.type()) ? canonical(shape.type()) : null;
        }

        Object read(JsonParser parser) throws IOException, Unusual {
            if (canonical == null) {
                throw Unusual.INSTANCE;
            }
            Object[] values = new Object[readers.length];
            long seen = 0;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                Field field = fields.get(name);
                if (field == null) {
                    throw Unusual.INSTANCE;
                }
                long bit = 1L << field.index();
                if ((seen & bit) != 0) {
                    throw Unusual.INSTANCE; // a key twice
                }
                seen |= bit;
                parser.nextToken();
                values[field.index()] = readers[field.index()].read(parser);
            }
            if ((seen & required) != required) {
                throw Unusual.INSTANCE;
            }
            try {
                return canonical.newInstance(values);
            } catch (InvocationTargetException | InstantiationException | IllegalAccessException e) {
                throw Unusual.INSTANCE; // a record that refuses its values: the thorough way says how
            }
        }
    }

    private static ValueReader valueReader(Field field, Rule rule, Set<Enum<?>> excluded) {
        return switch (rule.kind()) {
            case STRING -> parser -> string(parser, field);
            case INTEGER -> parser -> {
                if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw Unusual.INSTANCE;
                }
                return parser.getIntValue();
            };
            case NUMBER -> parser -> number(parser, field.multipleOf());
            case BOOLEAN -> parser -> switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw Unusual.INSTANCE;
            };
            case DATE_TIME -> parser -> {
                Instant instant = parser.currentToken() == JsonToken.VALUE_STRING ? utcInstant(parser.getText()) : null;
                if (instant == null) {
                    throw Unusual.INSTANCE;
                }
                return instant;
            };
            case ENUM -> enumReader(rule.type(), excluded);
            case RECORD -> new NestedRecord(rule.type(), excluded);
            case LIST -> new ListReader(field.minItems(), valueReader(field, rule.element(), excluded));
            case UNKNOWN -> parser -> {
                throw Unusual.INSTANCE;
            };
        };
    }

    private static String string(JsonParser parser, Field field) throws IOException, Unusual {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw Unusual.INSTANCE;
        }
        String text = parser.getText();
        if (field.maxLength() > 0) {
            // a CiString: at most so many characters, and printable ASCII (else the journal notes it, the thorough way)
            if (text.length() > field.maxLength()) {
                throw Unusual.INSTANCE;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7e) {
                    throw Unusual.INSTANCE;
                }
            }
        }
        if (field.uri() && !Shape.isAbsoluteUri(text)) {
            throw Unusual.INSTANCE;
        }
        return text;
    }

    /** As Jackson binds a JSON number to a Double, and as the validator checks its {@code multipleOf}. */
    private static Double number(JsonParser parser, BigDecimal multipleOf) throws IOException, Unusual {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw Unusual.INSTANCE;
        }
        double value = parser.getDoubleValue();
        if (multipleOf != null) {
            if (!Double.isFinite(value)) {
                throw Unusual.INSTANCE; // no BigDecimal for it: the thorough way decides
            }
            BigDecimal exact = token == JsonToken.VALUE_NUMBER_INT ? parser.getDecimalValue() : BigDecimal.valueOf(value);
            if (exact.remainder(multipleOf).signum() != 0) {
                throw Unusual.INSTANCE;
            }
        }
        return value;
    }

    private static ValueReader enumReader(Class<?> enumType, Set<Enum<?>> excluded) {
        List<Enum<?>> allowed = new ArrayList<>();
        for (Object constant : enumType.getEnumConstants()) {
            if (!excluded.contains(constant)) {
                allowed.add((Enum<?>) constant);
            }
        }
        boolean plain = boundAsTheValidatorSeesIt(enumType);
        WireNames names = new WireNames(allowed);
        return parser -> {
            Enum<?> constant = plain && parser.currentToken() == JsonToken.VALUE_STRING
                    ? names.find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()) : null;
            if (constant == null) {
                throw Unusual.INSTANCE;
            }
            return constant;
        };
    }

    /**
     * An enum's wire names, looked up in the parser's own characters: a MeterValues of the usual
     * kind has some seventy enum values, and a string made and hashed for each was a twentieth of
     * the central system's time under load. Open addressing, made once per enum and never changed.
     */
    private static final class WireNames {
        private final char[][] names;
        private final Enum<?>[] constants;
        private final int mask;

        WireNames(List<Enum<?>> allowed) {
            int size = Integer.highestOneBit(Math.max(2, allowed.size() * 2 - 1)) << 1;
            names = new char[size][];
            constants = new Enum<?>[size];
            mask = size - 1;
            for (Enum<?> constant : allowed) {
                char[] name = Shape.wireName(constant).toCharArray();
                int slot = hash(name, 0, name.length) & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = name;
                constants[slot] = constant;
            }
        }

        Enum<?> find(char[] text, int offset, int length) {
            for (int slot = hash(text, offset, length) & mask; names[slot] != null; slot = (slot + 1) & mask) {
                if (Arrays.equals(names[slot], 0, names[slot].length, text, offset, offset + length)) {
                    return constants[slot];
                }
            }
            return null;
        }

        private static int hash(char[] text, int offset, int length) {
            int h = length;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + text[i];
            }
            return h ^ (h >>> 15);
        }
    }

    /** A record inside a record: its reader is looked up on first use, so that building readers never recurses. */
    private static final class NestedRecord implements ValueReader {
        private final Class<?> type;
        private final Set<Enum<?>> excluded;
        private RecordReader reader;

        NestedRecord(Class<?> type, Set<Enum<?>> excluded) {
            this.type = type;
            this.excluded = excluded;
        }

        @Override
        public Object read(JsonParser parser) throws IOException, Unusual {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw Unusual.INSTANCE;
            }
            RecordReader nested = reader;
            if (nested == null) {
                nested = of(type, excluded); // a race only looks it up twice
                reader = nested;
            }
            return nested.read(parser);
        }
    }

    private record ListReader(int minItems, ValueReader element) implements ValueReader {
        @Override
        public Object read(JsonParser parser) throws IOException, Unusual {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw Unusual.INSTANCE;
            }
            List<Object> values = new ArrayList<>(); // the List Jackson gives a record
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                values.add(element.read(parser));
            }
            if (values.size() < minItems) {
                throw Unusual.INSTANCE;
            }
            return values;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f]Z} (one to nine fraction digits), the form chargers, the load
     * generators and this suite write, read without a {@code DateTimeFormatter}; null for any other
     * text, valid or not (an offset, a lower-case t or z), which the thorough way judges and reads.
     * Where it gives an instant it is the one the validator accepts and Jackson reads.
     */
    static Instant utcInstant(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = text.charAt(19) == '.' ? digits(text, 20, fractionDigits) : -1;
            if (fraction < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                fraction *= 10;
            }
            nanos = fraction;
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number the ASCII digits at [from, from + count) spell, or -1 if one of them is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Whether Jackson binds this class as the validator reads it: by component names and wire names
     * alone. A Jackson annotation on it (a creator, a renamed or ignored property, a value method),
     * but {@code @JsonProperty} on an enum constant, is one this reader does not follow: such a
     * class is always read the thorough way.
     */
    private static boolean boundAsTheValidatorSeesIt(Class<?> type) {
        if (hasJacksonAnnotation(type)) {
            return false;
        }
        for (java.lang.reflect.Field field : type.getDeclaredFields()) {
            if (!field.isEnumConstant() && hasJacksonAnnotation(field)) {
                return false;
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (hasJacksonAnnotation(method)) {
                return false;
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (hasJacksonAnnotation(constructor)) {
                return false;
            }
            for (Annotation[] parameter : constructor.getParameterAnnotations()) {
                for (Annotation annotation : parameter) {
                    if (isJackson(annotation)) {
                        return false;
                    }
                }
            }
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (hasJacksonAnnotation(component)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean hasJacksonAnnotation(AnnotatedElement element) {
        for (Annotation annotation : element.getDeclaredAnnotations()) {
            if (isJackson(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJackson(Annotation annotation) {
        return annotation.annotationType().getName().startsWith("com.fasterxml.jackson.");
    }

    private static Constructor<?> canonical(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
            return constructor.canAccess(null) || constructor.trySetAccessible() ? constructor : null;
        } catch (NoSuchMethodException e) {
            return null; // every record has one; without it, the thorough way
        }
    }
}
