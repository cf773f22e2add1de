package io.chargecheck.centralsystem;

/** The OCPP 1.6 security profiles (OCPP 1.6 Security Whitepaper, section 2). */
public enum SecurityProfile {
    /** Plain ws://, no authentication: fine on a bench network, never in the field. */
    NONE(0),
    /** ws:// with HTTP Basic: user = charge point id, password = AuthorizationKey. */
    BASIC(1),
    /** wss:// with a server certificate, plus HTTP Basic. */
    TLS_BASIC(2),
    /** wss:// with client certificates checked against a truststore. */
    MUTUAL_TLS(3);

    private final int number;

    SecurityProfile(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public boolean usesTls() {
        return this == TLS_BASIC || this == MUTUAL_TLS;
    }

    public boolean usesBasicAuth() {
        return this == BASIC || this == TLS_BASIC;
    }

    public static SecurityProfile ofNumber(int number) {
        for (SecurityProfile profile : values()) {
            if (profile.number == number) {
                return profile;
            }
        }
        throw new IllegalArgumentException("security profile must be 0, 1, 2 or 3, was " + number);
    }
}
