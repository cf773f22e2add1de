package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.HeartbeatResponse;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Response;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox on its own: a list for the wire, timers fired by hand, a real state directory. */
class OutboxTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path state;

    private final List<String> wire = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private boolean open = true;
    private Outbox outbox;

    @BeforeEach
    void create() {
        outbox = outbox(true);
    }

    private Outbox outbox(boolean patchPlaceholders) {
        Outbox created = new Outbox(new StateStore(state), frame -> open && wire.add(frame), (task, delay) -> {
            timers.add(task);
            return new NeverDue();
        }, Duration.ofSeconds(30), patchPlaceholders, new EventLog("T", Clock.systemUTC()));
        created.reload();
        return created;
    }

    @Test
    void oneCallAtATimeInTheOrderTheyWereMade() {
        outbox.state(true, true);
        Outbox.Outgoing<HeartbeatResponse> first = outbox.send(new HeartbeatRequest());
        outbox.send(status(1));
        assertThat(wire).hasSize(1);
        CompletableFuture<Void> drained = outbox.drained();

        answer(0, new HeartbeatResponse(T));

        assertThat(first.answer).isCompletedWithValue(new HeartbeatResponse(T));
        assertThat(call(1).action()).isEqualTo("StatusNotification");
        assertThat(drained).isNotDone();
        answer(1, new io.chargecheck.ocpp.message.Core.StatusNotificationResponse());
        assertThat(drained).isDone();
    }

    @Test
    void aCallErrorOrNoAnswerFailsTheCall() {
        outbox.state(true, true);
        Outbox.Outgoing<HeartbeatResponse> refused = outbox.send(new HeartbeatRequest());
        outbox.answer(new Frame.CallError(call(0).messageId(), ErrorCode.NotSupported, "no"));
        assertThat(refused.answer).isCompletedExceptionally();
        assertThat(refused.answer.handle((r, e) -> ((CallFailedException) e).code())).isCompletedWithValue(
                java.util.Optional.of(ErrorCode.NotSupported));

        Outbox.Outgoing<HeartbeatResponse> unanswered = outbox.send(new HeartbeatRequest());
        timers.get(timers.size() - 1).run();
        assertThat(unanswered.answer).isCompletedExceptionally();
        assertThat(unanswered.settled).isDone();
    }

    @Test
    void withoutConnectionOtherMessagesAreDroppedAndTransactionMessagesKept() {
        Outbox.Outgoing<?> status = outbox.send(status(1));
        int tx = outbox.newLocalTransactionId();
        Outbox.Outgoing<?> start = outbox.sendTransactional(start(), tx);

        assertThat(status.answer).isCompletedExceptionally();
        assertThat(start.settled).as("queued counts as done for now").isDone();
        assertThat(start.answer).isNotDone();
        assertThat(outbox.queuedTransactionMessages()).isEqualTo(1);
        assertThat(wire).isEmpty();
    }

    @Test
    void transactionMessagesSurviveARestartAndGetTheAssignedIdWhenReplayed() {
        int tx = outbox.newLocalTransactionId();
        assertThat(tx).isNegative();
        outbox.sendTransactional(start(), tx);
        outbox.sendTransactional(meterValues(tx), tx);
        outbox.sendTransactional(stop(tx), tx);

        Outbox restarted = outbox(true);
        assertThat(restarted.queuedTransactionMessages()).isEqualTo(3);
        assertThat(restarted.newLocalTransactionId()).as("never reused").isLessThan(tx);
        restarted.state(true, true);

        assertThat(call(0).action()).isEqualTo("StartTransaction");
        answer(restarted, 0, new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.Accepted), 42));
        assertThat(call(1).action()).isEqualTo("MeterValues");
        assertThat(call(1).payload().get("transactionId").intValue()).isEqualTo(42);
        answer(restarted, 1, new io.chargecheck.ocpp.message.Core.MeterValuesResponse());
        assertThat(call(2).payload().get("transactionId").intValue()).isEqualTo(42);
        answer(restarted, 2, new io.chargecheck.ocpp.message.Core.StopTransactionResponse(null));
        assertThat(restarted.queuedTransactionMessages()).isZero();
        assertThat(outbox(true).queuedTransactionMessages()).as("nothing left on disk").isZero();
    }

    @Test
    void withTheDefectThePlaceholderGoesOutAsItIs() {
        Outbox defective = outbox(false);
        int tx = defective.newLocalTransactionId();
        defective.sendTransactional(start(), tx);
        defective.sendTransactional(stop(tx), tx);
        defective.state(true, true);
        answer(defective, 0, new StartTransactionResponse(new IdTagInfo(AuthorizationStatus.Accepted), 42));
        assertThat(call(1).payload().get("transactionId").intValue()).isEqualTo(tx);
    }

    @Test
    void aLostConnectionKeepsTheUnansweredTransactionMessageForTheNextOne() {
        outbox.state(true, true);
        int tx = outbox.newLocalTransactionId();
        outbox.sendTransactional(start(), tx);
        Outbox.Outgoing<?> status = outbox.send(status(1));
        String firstId = call(0).messageId();

        open = false;
        outbox.state(false, false);
        assertThat(status.answer).isCompletedExceptionally();
        assertThat(outbox.queuedTransactionMessages()).isEqualTo(1);

        open = true;
        outbox.state(true, true);
        assertThat(call(1).action()).isEqualTo("StartTransaction");
        assertThat(call(1).messageId()).isNotEqualTo(firstId);
    }

    @Test
    void beforeTheBootIsAcceptedOnlyBootNotificationGoesOut() {
        outbox.state(true, false);
        outbox.send(status(0));
        outbox.send(new BootNotificationRequest("V", "M", null, null, null, null, null, null, null));
        assertThat(call(0).action()).isEqualTo("BootNotification");
        answer(0, new io.chargecheck.ocpp.message.Core.BootNotificationResponse(
                io.chargecheck.ocpp.message.Core.RegistrationStatus.Accepted, T, 60));
        assertThat(wire).hasSize(1);

        outbox.state(true, true);
        assertThat(call(1).action()).isEqualTo("StatusNotification");
    }

    private Frame.Call call(int index) {
        try {
            return (Frame.Call) FrameCodec.parse(wire.get(index));
        } catch (MalformedFrameException e) {
            throw new AssertionError(e);
        }
    }

    private void answer(int index, Response response) {
        answer(outbox, index, response);
    }

    private void answer(Outbox to, int index, Response response) {
        to.answer(new Frame.CallResult(call(index).messageId(), MessageCodec.encode(response)));
    }

    private static StatusNotificationRequest status(int connector) {
        return new StatusNotificationRequest(connector, ChargePointErrorCode.NoError, null, ChargePointStatus.Available, T, null, null);
    }

    private static StartTransactionRequest start() {
        return new StartTransactionRequest(1, "TAG", 100, null, T);
    }

    private static MeterValuesRequest meterValues(int tx) {
        return new MeterValuesRequest(1, tx, List.of(new MeterValue(T, List.of(new SampledValue("150", null, null,
                null, null, null, null)))));
    }

    private static StopTransactionRequest stop(int tx) {
        return new StopTransactionRequest(null, 200, T, tx, null, null);
    }

    /** A timer that never fires on its own; the tests run the tasks by hand. */
    private static final class NeverDue implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return Long.MAX_VALUE;
        }

        @Override
        public int compareTo(Delayed other) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
