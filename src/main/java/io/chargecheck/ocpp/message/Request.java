package io.chargecheck.ocpp.message;

/**
 * The payload of a CALL. The type parameter is the payload of the CALLRESULT that answers it, so
 * that sending a request gives a future of exactly its response type.
 */
public interface Request<R extends Response> {
}
