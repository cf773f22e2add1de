package io.chargecheck.simulator;

import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Response;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The station's answer to a call of the central system: a response or a CALLERROR, and what the
 * call sets off once the answer is on the wire ({@code then}, may be null). {@code later}, when
 * not null, is an answer that comes only once something else is done.
 */
record Answer(Response response, ErrorCode error, String description, Runnable then, CompletionStage<Answer> later) {

    static Answer of(Response response) {
        return new Answer(response, null, null, null, null);
    }

    static Answer of(Response response, Runnable then) {
        return new Answer(response, null, null, then, null);
    }

    static Answer error(ErrorCode code, String description) {
        return new Answer(null, code, description, null, null);
    }

    /** The answer once {@code before} is done: for chargers that send what a call sets off before they answer it. */
    static Answer after(CompletionStage<?> before, Supplier<Answer> answer) {
        return new Answer(null, null, null, null, before.handle((ok, error) -> answer.get()));
    }
}
