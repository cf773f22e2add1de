package io.chargecheck.ocpp.message;

/** The payload of a CALLRESULT. */
public interface Response {
}
