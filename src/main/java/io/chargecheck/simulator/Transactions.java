package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionResponse;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionResponse;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorResponse;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Charging sessions (Core): the cable, the card and the EV at a connector, local and remote starts
 * and stops, the transaction messages with their meter readings, and UnlockConnector.
 */
final class Transactions {

    private final Station station;
    private final EventLog log;
    private final ConfigurationStore configuration;
    /** How late {@link Variant#LATE_FINISHING} is, the same from run to run for a station. */
    private final Random lateness;

    Transactions(Station station) {
        this.station = station;
        this.log = station.log;
        this.configuration = station.configuration;
        this.lateness = new Random(station.config.chargePointId().hashCode());
    }

    void register(RemoteCommands commands) {
        commands.on(RemoteStartTransactionRequest.class, this::remoteStart);
        commands.on(RemoteStopTransactionRequest.class, this::remoteStop);
        commands.on(UnlockConnectorRequest.class, this::unlock);
    }

    // ------------------------------------------------------------------ the physical world

    void cablePlugged(Connector c) {
        if (c.cablePlugged) {
            log.info("connector {}: a cable is already plugged in", c.id);
            return;
        }
        c.cablePlugged = true;
        c.frozenStatus = null;
        log.info("cable plugged in at connector {}", c.id);
        if (c.transaction == null && c.authorizedIdTag != null) {
            String idTag = c.authorizedIdTag;
            Integer reservationId = c.authorizedReservationId;
            c.clearAuthorization();
            start(c, idTag, reservationId);
        }
    }

    void cableUnplugged(Connector c) {
        if (!c.cablePlugged) {
            log.info("connector {}: no cable to unplug", c.id);
            return;
        }
        ChargePointStatus before = c.status(station.stationFaulted());
        c.cablePlugged = false;
        c.evSuspended = false;
        c.finishing = false;
        c.heldStatus = null;
        log.info("cable unplugged at connector {}", c.id);
        if (c.transaction != null) {
            if (station.has(Quirk.UNPLUG_DOES_NOT_STOP)) {
                log.info("transaction at connector {} goes on (quirk unplug-does-not-stop)", c.id);
            } else if (!configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, true)) {
                log.info("transaction at connector {} suspended: StopTransactionOnEVSideDisconnect is false", c.id);
            } else {
                stop(c, Reason.EVDisconnected, null);
            }
        }
        if (station.has(Quirk.WRONG_STATUS_AFTER_UNPLUG) && c.status(station.stationFaulted()) == ChargePointStatus.Available) {
            c.frozenStatus = before == ChargePointStatus.Preparing ? ChargePointStatus.Preparing : ChargePointStatus.Finishing;
        }
    }

    CompletableFuture<Void> cardPresented(Connector c, String idTag) {
        log.info("card {} presented at connector {}", idTag, c.id);
        if (c.transaction != null) {
            if (!idTag.equals(c.transaction.idTag)) {
                log.info("connector {} charges for another card: {} ignored", c.id, idTag);
            } else if (station.has(Quirk.LOCAL_STOP_IGNORED)) {
                log.info("card {} ignored (quirk local-stop-ignored)", idTag);
            } else {
                stop(c, Reason.Local, idTag);
            }
            return CompletableFuture.completedFuture(null);
        }
        if (c.authorizedIdTag != null) {
            log.info("connector {} is already authorised, waiting for the cable: {} ignored", c.id, idTag);
            return CompletableFuture.completedFuture(null);
        }
        if (!c.acceptsNewTransaction(station.stationFaulted())) {
            log.info("connector {} is {}: card {} ignored", c.id, c.status(station.stationFaulted()), idTag);
            return CompletableFuture.completedFuture(null);
        }
        if (c.reservation != null && !c.reservation.idTag().equals(idTag)) {
            log.info("connector {} is reserved for another card: {} ignored", c.id, idTag);
            return CompletableFuture.completedFuture(null);
        }
        Integer reservationId = c.reservation == null ? null : c.reservation.reservationId();
        boolean ask = !(station.has(Quirk.LOCAL_START_WITHOUT_AUTHORIZE) && c.cablePlugged);
        if (!ask) {
            log.info("no Authorize for {} (quirk local-start-without-authorize)", idTag);
        }
        return station.authorizing.authorize(idTag, ask).thenAccept(status -> {
            if (status == AuthorizationStatus.Accepted) {
                authorized(c, idTag, reservationId);
            } else if (station.has(Quirk.START_DESPITE_REJECTED_CARD)) {
                log.info("card {} is {}, starting anyway (quirk start-despite-rejected-card)", idTag, status);
                authorized(c, idTag, reservationId);
            } else {
                log.info("card {} is {}: nothing happens", idTag, status);
            }
        });
    }

    void evSuspended(Connector c, boolean suspended) {
        if (c.transaction == null) {
            log.info("connector {}: no transaction, the EV cannot {}", c.id, suspended ? "suspend" : "resume");
            return;
        }
        c.evSuspended = suspended;
        log.info("EV at connector {} {} charging", c.id, suspended ? "suspends" : "resumes");
    }

    // ------------------------------------------------------------------ transactions

    /** An id tag may charge here: at once if the cable is in, else once it comes within ConnectionTimeOut. */
    void authorized(Connector c, String idTag, Integer reservationId) {
        if (!c.acceptsNewTransaction(station.stationFaulted()) || c.authorizedIdTag != null) {
            log.info("connector {} is {} now: no transaction for {}", c.id, c.status(station.stationFaulted()), idTag);
            return;
        }
        if (c.cablePlugged) {
            start(c, idTag, reservationId);
            return;
        }
        c.authorizedIdTag = idTag;
        c.authorizedReservationId = reservationId;
        c.frozenStatus = null;
        int timeout = configuration.intValue(ConfigurationStore.CONNECTION_TIME_OUT);
        if (station.has(Quirk.CONNECTION_TIMEOUT_IGNORED)) {
            log.info("{} authorised at connector {}: waiting for the cable, for ever (quirk connection-timeout-ignored)", idTag, c.id);
        } else if (timeout > 0) {
            log.info("{} authorised at connector {}: waiting {} s for the cable", idTag, c.id, timeout);
            c.connectionTimeout = station.schedule(() -> {
                if (idTag.equals(c.authorizedIdTag) && !c.cablePlugged) {
                    log.info("no cable at connector {} within {} s: authorisation of {} dropped", c.id, timeout, idTag);
                    c.clearAuthorization();
                }
            }, Duration.ofSeconds(timeout));
        }
    }

    private void start(Connector c, String idTag, Integer reservationId) {
        Instant now = station.now();
        List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
        MeterValue begin = stopTxnData.isEmpty() ? null : c.meter.sample(stopTxnData, ReadingContext.TransactionBegin, now);
        Connector.Transaction tx = new Connector.Transaction(station.outbox.newLocalTransactionId(), idTag,
                c.meter.registerWh(now), now, reservationId, begin);
        c.transaction = tx;
        c.clearAuthorization();
        c.clearReservation();
        c.finishing = false;
        c.heldStatus = null;
        c.frozenStatus = null;
        log.info("starting a transaction at connector {} for {}, meter at {} Wh", c.id, idTag, tx.meterStart);
        Outbox.Outgoing<StartTransactionResponse> started = station.outbox.sendTransactional(
                new StartTransactionRequest(c.id, idTag, tx.meterStart, reservationId, now), tx.localId);
        started.answer.whenComplete((response, error) -> {
            if (error != null) {
                log.warn("StartTransaction at connector {} failed: {}", c.id, error.getMessage());
                return;
            }
            tx.transactionId = response.transactionId();
            station.authorizing.remember(idTag, response.idTagInfo());
            log.info("transaction {} runs at connector {}", tx.transactionId, c.id);
            if (response.idTagInfo().status() != AuthorizationStatus.Accepted && c.transaction == tx) {
                if (configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_INVALID_ID)) {
                    log.info("central system says {} is {}: stopping the transaction", idTag, response.idTagInfo().status());
                    stop(c, Reason.DeAuthorized, null);
                } else {
                    log.info("central system says {} is {}; charging goes on (StopTransactionOnInvalidId is false)",
                            idTag, response.idTagInfo().status());
                }
            }
        });
        station.reconcile(); // Charging follows StartTransaction, before any sample
        if (!station.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            station.metering.send(c, ReadingContext.TransactionBegin);
        }
        station.metering.scheduleSampling(c);
    }

    /** Ends the transaction at the connector; returns its StopTransaction, or null when a quirk loses it. */
    Outbox.Outgoing<StopTransactionResponse> stop(Connector c, Reason reason, String idTag) {
        Connector.Transaction tx = c.transaction;
        ChargePointStatus before = c.status(station.stationFaulted());
        Instant now = station.now();
        int meterStop = c.meter.registerWh(now);
        List<MeterValue> transactionData = null;
        if (!station.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
            if (tx.beginSample != null && !stopTxnData.isEmpty()) {
                transactionData = List.of(tx.beginSample, c.meter.sample(stopTxnData, ReadingContext.TransactionEnd, now));
            }
        }
        c.transaction = null;
        c.evSuspended = false;
        c.stopSampling();
        c.finishing = c.cablePlugged;
        log.info("transaction {} at connector {} stops ({}), meter at {} Wh, {} Wh charged", tx.wireId(), c.id, reason,
                meterStop, meterStop - tx.meterStart);
        Outbox.Outgoing<StopTransactionResponse> stop = null;
        if (!station.outbox.isOnline() && station.has(Quirk.REPLAY_OUT_OF_ORDER_LATE)) {
            station.metering.sendLastReading(c, tx, now); // the reading that will come late on replay
        }
        if (!station.outbox.isOnline() && station.has(Quirk.LOSE_QUEUED_STOP_TRANSACTION)) {
            log.info("offline StopTransaction of transaction {} lost (quirk lose-queued-stop-transaction)", tx.wireId());
        } else {
            stop = station.outbox.sendTransactional(new StopTransactionRequest(idTag, meterStop, now, tx.wireId(), reason,
                    transactionData), tx.localId);
            stop.answer.thenAccept(response -> station.authorizing.remember(idTag, response.idTagInfo()));
        }
        station.statuses.applyScheduledAvailability(c); // Finishing, Available or Unavailable follows at the end of the task
        if (stop != null) {
            if (c.finishing && station.has(Variant.LATE_FINISHING)) {
                finishLate(c, before, stop);
            }
            station.firmware.rebootIntoNewFirmwareAfter(stop.answer);
        }
        return stop;
    }

    /** Keeps showing the status of the transaction until a while after the central system answered its stop. */
    private void finishLate(Connector c, ChargePointStatus before, Outbox.Outgoing<StopTransactionResponse> stop) {
        c.heldStatus = before;
        station.commands.afterAnswers(List.of(stop.answer), () -> {
            int lag = Variant.LATE_FINISHING_MIN_MS + lateness.nextInt(Variant.LATE_FINISHING_MAX_MS - Variant.LATE_FINISHING_MIN_MS + 1);
            station.schedule(() -> {
                if (c.heldStatus == before && c.transaction == null) {
                    log.info("connector {} reports Finishing {} ms after the StopTransaction answer (variant late-finishing)",
                            c.id, lag);
                    c.heldStatus = null;
                }
            }, Duration.ofMillis(lag));
        });
    }

    // ------------------------------------------------------------------ remote commands

    private Answer remoteStart(RemoteStartTransactionRequest request) {
        String idTag = request.idTag();
        Connector c = request.connectorId() == null ? connectorFor(idTag) : startable(request.connectorId(), idTag);
        if (c == null || !station.boot.isAccepted()) {
            log.info("RemoteStartTransaction for {} on connector {}: Rejected, no connector can take it", idTag,
                    request.connectorId() == null ? "any" : request.connectorId());
            return Answer.of(new RemoteStartTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStartTransaction for {} on connector {}: Accepted", idTag, c.id);
        RemoteStartTransactionResponse accepted = new RemoteStartTransactionResponse(RemoteStartStopStatus.Accepted);
        if (station.has(Quirk.REMOTE_START_IGNORED)) {
            return Answer.of(accepted, () -> log.info("nothing follows (quirk remote-start-ignored)"));
        }
        Integer reservationId = c.reservation == null ? null : c.reservation.reservationId();
        boolean ask = configuration.booleanValue(ConfigurationStore.AUTHORIZE_REMOTE_TX_REQUESTS);
        return Answer.of(accepted, () -> station.authorizing.authorize(idTag, ask).thenAccept(status -> {
            if (status == AuthorizationStatus.Accepted) {
                authorized(c, idTag, reservationId);
            } else {
                log.info("remote start for {} is {}: nothing happens", idTag, status);
            }
        }));
    }

    /** The connector a remote start without connector id goes to: reserved for the tag, else one with a cable, else any free. */
    private Connector connectorFor(String idTag) {
        Connector[] connectors = station.connectors;
        Connector best = null;
        for (int id = 1; id < connectors.length; id++) {
            Connector c = startable(id, idTag);
            if (c == null) {
                continue;
            }
            if (c.reservation != null) {
                return c;
            }
            if (best == null || (c.cablePlugged && !best.cablePlugged)) {
                best = c;
            }
        }
        return best;
    }

    private Connector startable(int id, String idTag) {
        Connector[] connectors = station.connectors;
        if (id < 1 || id >= connectors.length) {
            return null;
        }
        Connector c = connectors[id];
        boolean free = c.acceptsNewTransaction(station.stationFaulted()) && c.authorizedIdTag == null;
        boolean reservedForOther = c.reservation != null && !c.reservation.idTag().equals(idTag);
        return free && !reservedForOther ? c : null;
    }

    private Answer remoteStop(RemoteStopTransactionRequest request) {
        Connector c = station.chargingConnectors().stream()
                .filter(candidate -> candidate.transaction.transactionId != null
                        && candidate.transaction.transactionId.equals(request.transactionId()))
                .findFirst().orElse(null);
        if (c == null) {
            log.info("RemoteStopTransaction {}: Rejected, no such transaction runs", request.transactionId());
            return Answer.of(new RemoteStopTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStopTransaction {}: Accepted", request.transactionId());
        RemoteStopTransactionResponse accepted = new RemoteStopTransactionResponse(RemoteStartStopStatus.Accepted);
        if (station.has(Quirk.REMOTE_STOP_IGNORED)) {
            return Answer.of(accepted, () -> log.info("the transaction goes on (quirk remote-stop-ignored)"));
        }
        Connector.Transaction tx = c.transaction;
        return Answer.of(accepted, () -> {
            if (c.transaction == tx) {
                stop(c, Reason.Remote, null);
            }
        });
    }

    private Answer unlock(UnlockConnectorRequest request) {
        int id = request.connectorId();
        Connector[] connectors = station.connectors;
        if (id < 1 || id >= connectors.length) {
            return Answer.of(new UnlockConnectorResponse(UnlockStatus.NotSupported));
        }
        Connector c = connectors[id];
        log.info("UnlockConnector {}: Unlocked", id);
        if (c.transaction == null) {
            return Answer.of(new UnlockConnectorResponse(UnlockStatus.Unlocked));
        }
        Connector.Transaction tx = c.transaction;
        return Answer.of(new UnlockConnectorResponse(UnlockStatus.Unlocked), () -> {
            if (c.transaction == tx) {
                stop(c, Reason.UnlockCommand, null);
            }
        });
    }
}
