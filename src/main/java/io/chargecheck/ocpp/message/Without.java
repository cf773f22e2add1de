package io.chargecheck.ocpp.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Enum values (wire names) that a field does not take, anywhere inside it, although their type has
 * them. For where the official 1.6 schema of one message lists fewer values than the type shares
 * with other messages: StopTransaction.json's transactionData has no "Hertz" unit, MeterValues.json
 * has. Narrowing the field keeps one {@code MeterValue} type for both messages.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Without {
    Class<? extends Enum<?>> type();

    String[] values();
}
