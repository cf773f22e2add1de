package io.chargecheck.simulator;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The kebab-case names by which {@link Quirk}s and {@link Variant}s are switched on from outside. */
final class WireNames<E extends Enum<E>> {

    private final Class<E> type;
    private final String kind;
    private final Map<String, E> byName;

    WireNames(Class<E> type, String kind, Function<E, String> wireName) {
        this.type = type;
        this.kind = kind;
        this.byName = Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(wireName, Function.identity()));
    }

    Optional<E> fromWire(String name) {
        return Optional.ofNullable(byName.get(name.trim()));
    }

    /** Parses "a,b,c" (blanks and empty parts ignored); an unknown name fails, listing the known ones. */
    Set<E> parse(String names) {
        EnumSet<E> parsed = EnumSet.noneOf(type);
        if (names != null) {
            for (String name : names.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                parsed.add(fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown " + kind + " '"
                        + name.trim() + "'; known " + kind + "s: " + String.join(", ", byName.keySet().stream().sorted().toList()))));
            }
        }
        return Collections.unmodifiableSet(parsed);
    }
}
