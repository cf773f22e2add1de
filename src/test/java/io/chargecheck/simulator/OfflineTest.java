package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Transaction messages while the central system is out of reach: kept, persisted, replayed in order. */
class OfflineTest {

    private static final String CP = "CP-OFF";

    @TempDir
    Path state;

    private Bench bench;

    @AfterEach
    void close() {
        bench.close();
    }

    @SideBySide
    void whatHappensOfflineIsReplayedInOrderWithTheTransactionIdOnReconnect() {
        bench = Bench.start();
        ChargePointSimulator cp = bench.boot(bench.config(CP).configure("MeterValueSampleInterval", "1"));
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        int transactionId = cp.transactionId(1).orElseThrow();

        bench.cs.goOffline(CP, Duration.ofSeconds(30));
        Bench.await().until(() -> !cp.isConnected());
        Bench.await().until(() -> cp.queuedTransactionMessages() >= 1); // a periodic sample, kept
        cp.unplug(1);
        cp.plugIn(2);
        assertThat(cp.queuedTransactionMessages()).isGreaterThanOrEqualTo(2);
        long mark = bench.mark();

        bench.cs.comeBackOnline(CP);

        bench.awaitSent(CP, StopTransactionRequest.class, mark);
        Bench.await().until(() -> bench.trail(CP, mark).contains("StatusNotification 2 Preparing"));
        List<String> trail = bench.trail(CP, mark);
        assertThat(trail).as("no new boot after an outage").doesNotContain("BootNotification");
        int stop = trail.indexOf("StopTransaction");
        assertThat(trail.subList(0, stop)).isNotEmpty().containsOnly("MeterValues");
        assertThat(trail.subList(stop + 1, trail.size())).as("statuses that changed meanwhile, after the queue")
                .containsExactlyInAnyOrder("StatusNotification 1 Available", "StatusNotification 2 Preparing");
        assertThat(bench.sent(CP, MeterValuesRequest.class, mark)).extracting(MeterValuesRequest::transactionId)
                .containsOnly(transactionId);
        StopTransactionRequest stopped = bench.awaitSent(CP, StopTransactionRequest.class, mark);
        assertThat(stopped.transactionId()).isEqualTo(transactionId);
        assertThat(stopped.reason()).isEqualTo(Reason.EVDisconnected);
        assertThat(cp.queuedTransactionMessages()).isZero();
    }

    @SideBySide
    void aStatusLostAsTheConnectionGoesIsReportedOnceItIsBack() {
        bench = Bench.start();
        ChargePointSimulator cp = bench.boot(bench.config(CP));
        Bench.charging(cp);
        // the central system goes away as Finishing comes in: the station never hears that it arrived
        bench.cs.responders().onFor(CP, StatusNotificationRequest.class, (id, status) -> {
            if (status.status() == ChargePointStatus.Finishing) {
                bench.cs.goOffline(CP, Duration.ofSeconds(30));
            }
            return new StatusNotificationResponse();
        });
        cp.presentCard(1, "GOOD-1");
        Bench.await().until(() -> !cp.isConnected());
        long mark = bench.mark();

        bench.cs.comeBackOnline(CP);

        Bench.await().until(() -> bench.trail(CP, mark).contains("StatusNotification 1 Finishing"));
    }

    @SideBySide
    void aTransactionStartedOfflineSurvivesARestartAndGetsItsIdOnReplay() {
        bench = Bench.start();
        SimulatorConfig.Builder config = bench.config(CP).stateDirectory(state)
                .configure("AllowOfflineTxForUnknownId", "true");
        ChargePointSimulator first = bench.boot(config);
        first.plugIn(1);
        first.loseNetwork();
        first.presentCard(1, "GOOD-1");
        assertThat(first.status(1)).isEqualTo(ChargePointStatus.Charging);
        first.unplug(1);
        assertThat(first.queuedTransactionMessages()).isEqualTo(3); // StartTransaction, Transaction.Begin sample, StopTransaction
        first.close();
        long mark = bench.mark();

        ChargePointSimulator second = bench.boot(config);

        bench.awaitSent(CP, StopTransactionRequest.class, mark);
        assertThat(bench.trail(CP, mark)).startsWith("BootNotification", "StartTransaction", "MeterValues", "StopTransaction");
        StartTransactionRequest start = bench.awaitSent(CP, StartTransactionRequest.class, mark);
        assertThat(start.idTag()).isEqualTo("GOOD-1");
        Bench.await().until(() -> second.queuedTransactionMessages() == 0);
        int assigned = bench.cs.journal().since(mark).stream()
                .flatMap(entry -> entry.message(io.chargecheck.ocpp.message.Core.StartTransactionResponse.class).stream())
                .findFirst().orElseThrow().transactionId();
        assertThat(bench.awaitSent(CP, MeterValuesRequest.class, mark).transactionId()).isEqualTo(assigned);
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).transactionId()).isEqualTo(assigned);
    }

    @SideBySide
    void withoutNetworkStatusesAreNotQueuedButReportedWhenItIsBack() {
        bench = Bench.start();
        ChargePointSimulator cp = bench.boot(bench.config(CP));
        cp.loseNetwork();
        cp.plugIn(1);
        cp.unplug(1);
        cp.plugIn(2);
        assertThat(cp.queuedTransactionMessages()).isZero();
        long mark = bench.mark();

        cp.regainNetwork();

        bench.awaitTrail(CP, mark, "StatusNotification 2 Preparing");
        assertThat(cp.isConnected()).isTrue();
    }
}
