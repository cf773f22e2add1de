package io.chargecheck.simulator;

import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Response;

/**
 * The station's answer to a call of the central system: a response or a CALLERROR, and what the
 * call sets off once the answer is on the wire ({@code then}, may be null).
 */
record Answer(Response response, ErrorCode error, String description, Runnable then) {

    static Answer of(Response response) {
        return new Answer(response, null, null, null);
    }

    static Answer of(Response response, Runnable then) {
        return new Answer(response, null, null, then);
    }

    static Answer error(ErrorCode code, String description) {
        return new Answer(null, code, description, null);
    }
}
