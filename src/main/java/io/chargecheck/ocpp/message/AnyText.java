package io.chargecheck.ocpp.message;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A string with a {@link MaxLength} that is not a CiString: the security whitepaper's
 * {@code string[0..n]} fields, which carry PEM with its line breaks (a CSR, a certificate chain).
 * Only the printable-ASCII rule of CiStrings is off; the length still counts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface AnyText {
}
