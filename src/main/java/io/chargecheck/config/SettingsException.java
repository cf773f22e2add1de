package io.chargecheck.config;

/** A setting that cannot be used: the message names it and says what would be valid. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
