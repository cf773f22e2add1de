package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Platform.Reply;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;

/** TC_040_1_CS and TC_040_2_CS: a key the station does not have, and a value a key cannot take. */
public final class ConfigurationKeys {

    /** The OCA's key that no station has. */
    static final String UNKNOWN_KEY = "Testing";

    private final Context context;
    private String key;
    private String value;
    private Reply<ChangeConfigurationResponse> reply;

    public ConfigurationKeys(Context context) {
        this.context = context;
    }

    /** ChangeConfiguration of the key {@code Testing} to {@code true}. */
    public void changeTheUnknownKey() {
        change(UNKNOWN_KEY, "true");
    }

    /** ChangeConfiguration of MeterValueSampleInterval to -1, which no interval can be. */
    public void changeToAnInvalidValue() {
        change("MeterValueSampleInterval", "-1");
    }

    private void change(String key, String value) {
        this.key = key;
        this.value = value;
        reply = context.platform().changeConfigurationAllowingCallError(key, value);
    }

    /** The answer is NotSupported; a CALLERROR is not what the OCA allows here. */
    public void assertNotSupported() {
        ConfigurationStatus status = answered("NotSupported");
        if (status != ConfigurationStatus.NotSupported) {
            throw new AssertionError("expected ChangeConfiguration of " + key + ", a key the station does not have, to be "
                    + "answered NotSupported; it was " + status, null);
        }
    }

    /** Rejected, or a CALLERROR PropertyConstraintViolation. */
    public void assertRejectedOrPropertyConstraintViolation() {
        if (reply.refused() && reply.refusal().code() == ErrorCode.PropertyConstraintViolation) {
            return;
        }
        ConfigurationStatus status = answered("Rejected or a CALLERROR PropertyConstraintViolation");
        if (status != ConfigurationStatus.Rejected) {
            throw new AssertionError("expected ChangeConfiguration " + key + " = " + value + ", a value the key cannot take, to "
                    + "be Rejected (or refused with CALLERROR PropertyConstraintViolation); it was " + status, null);
        }
    }

    private ConfigurationStatus answered(String expected) {
        if (reply.refused()) {
            throw new AssertionError("expected ChangeConfiguration " + key + " = " + value + " to be answered " + expected
                    + "; the station answered " + reply.refusalInWords(), null);
        }
        return reply.answer().status();
    }
}
