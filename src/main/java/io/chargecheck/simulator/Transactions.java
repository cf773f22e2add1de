package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionResponse;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorResponse;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Charging sessions (Core): the cable, the card and the EV at a connector, starting and stopping
 * transactions with their meter readings, what the central system's answers do to them, and
 * UnlockConnector. The remote commands that start and stop them are {@link RemoteTransactions}.
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
        commands.on(UnlockConnectorRequest.class, this::unlock);
    }

    /** Whether a new transaction may start here (a quirk starts even while faulted). */
    boolean canStart(Connector c) {
        if (c.acceptsNewTransaction(station.stationFaulted())) {
            return true;
        }
        return station.has(Quirk.STARTS_WHILE_FAULTED) && c.transaction == null
                && c.availability == AvailabilityType.Operative;
    }

    // ------------------------------------------------------------------ the cable

    void cablePlugged(Connector c) {
        if (c.cablePlugged) {
            log.info("connector {}: a cable is already plugged in", c.id);
            return;
        }
        c.cablePlugged = true;
        c.cableInSocket = false;
        c.frozenStatus = null;
        if (c.heldStatus == ChargePointStatus.Available) {
            c.heldStatus = null;
        }
        log.info("cable plugged in at connector {}", c.id);
        if (c.transaction == null && c.authorizedIdTag != null) {
            if (c.authorizedByCard && station.has(Quirk.CARD_FIRST_START_IGNORED)) {
                log.info("{} was authorised before the cable: nothing starts (quirk card-first-start-ignored)", c.authorizedIdTag);
                return;
            }
            String idTag = c.authorizedIdTag;
            Integer reservationId = c.authorizedReservationId;
            String parentIdTag = c.authorizedParentIdTag;
            c.clearAuthorization();
            start(c, idTag, reservationId, parentIdTag);
        }
    }

    /** The cable goes in, but the connector's lock does not engage: no transaction can start. */
    void cablePluggedHalfway(Connector c) {
        if (c.cablePlugged) {
            log.info("connector {}: a cable is already plugged in", c.id);
            return;
        }
        c.cablePlugged = true;
        c.lockFailed = true;
        c.frozenStatus = null;
        if (station.has(Quirk.LOCK_FAILURE_NOT_REPORTED)) {
            log.info("cable at connector {} not locked; not reported (quirk lock-failure-not-reported)", c.id);
            return;
        }
        log.info("cable at connector {} could not be locked", c.id);
        c.clearAuthorization();
        c.fault = new Connector.Fault(ChargePointErrorCode.ConnectorLockFailure, null);
    }

    /** The cable is taken out, at both ends (or out of the socket, after the EV end). */
    void cableUnplugged(Connector c) {
        if (!c.cablePlugged) {
            if (c.cableInSocket) {
                c.cableInSocket = false;
                c.finishing = false;
                c.heldStatus = null;
                log.info("cable taken out of the socket of connector {}", c.id);
            } else {
                log.info("connector {}: no cable to unplug", c.id);
            }
            return;
        }
        ChargePointStatus before = c.status(station.stationFaulted());
        c.cablePlugged = false;
        c.cableInSocket = false;
        c.evSuspended = false;
        c.finishing = false;
        c.heldStatus = null;
        if (c.lockFailed) {
            c.lockFailed = false;
            if (c.fault != null && c.fault.errorCode() == ChargePointErrorCode.ConnectorLockFailure) {
                c.fault = null;
            }
        }
        log.info("cable unplugged at connector {}", c.id);
        if (c.transaction != null) {
            evGone(c);
        }
        if (station.has(Quirk.WRONG_STATUS_AFTER_UNPLUG) && c.status(station.stationFaulted()) == ChargePointStatus.Available) {
            c.frozenStatus = before == ChargePointStatus.Preparing ? ChargePointStatus.Preparing : ChargePointStatus.Finishing;
        }
    }

    /** The cable is pulled out of the EV; a loose cable stays in the station's socket, a fixed one is hung up. */
    void cableOutOfEv(Connector c) {
        if (!c.cablePlugged) {
            log.info("connector {}: no EV connected", c.id);
            return;
        }
        c.cablePlugged = false;
        c.cableInSocket = !station.config.fixedCable();
        c.evSuspended = false;
        log.info("cable pulled out of the EV at connector {}{}", c.id, c.cableInSocket ? "; it is still in the socket" : "");
        if (!configuration.booleanValue(ConfigurationStore.UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT) && c.cableInSocket) {
            log.info("connector {} keeps the cable locked (UnlockConnectorOnEVSideDisconnect is false)", c.id);
        }
        if (c.transaction != null) {
            evGone(c);
        } else if (!c.cableInSocket) {
            c.finishing = false;
        }
        if (station.has(Quirk.EV_DISCONNECT_REPORTS_AVAILABLE) && c.transaction == null && c.finishing) {
            log.info("connector {} reports Available, the cable still in (quirk ev-disconnect-reports-available)", c.id);
            c.finishing = false;
        }
    }

    /** The EV is no longer connected during a transaction: it stops or is suspended, as configured. */
    private void evGone(Connector c) {
        boolean stopKey = configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, true);
        if (station.has(Quirk.UNPLUG_DOES_NOT_STOP)) {
            log.info("transaction at connector {} goes on (quirk unplug-does-not-stop)", c.id);
        } else if (!stopKey && station.has(Quirk.EV_SIDE_DISCONNECT_STOPS_ANYWAY)) {
            log.info("transaction at connector {} stops though StopTransactionOnEVSideDisconnect is false"
                    + " (quirk ev-side-disconnect-stops-anyway)", c.id);
            stop(c, Reason.EVDisconnected, null);
        } else if (!stopKey) {
            log.info("transaction at connector {} suspended: StopTransactionOnEVSideDisconnect is false", c.id);
        } else {
            stop(c, Reason.EVDisconnected, null);
        }
    }

    void evSuspended(Connector c, boolean suspended) {
        if (c.transaction == null) {
            log.info("connector {}: no transaction, the EV cannot {}", c.id, suspended ? "suspend" : "resume");
            return;
        }
        c.evSuspended = suspended;
        log.info("EV at connector {} {} charging", c.id, suspended ? "suspends" : "resumes");
    }

    // ------------------------------------------------------------------ the card

    CompletableFuture<Void> cardPresented(Connector c, String idTag) {
        log.info("card {} presented at connector {}", idTag, c.id);
        Connector.Transaction tx = c.transaction;
        if (tx != null) {
            if (idTag.equals(tx.idTag)) {
                if (station.has(Quirk.LOCAL_STOP_IGNORED)) {
                    log.info("card {} ignored (quirk local-stop-ignored)", idTag);
                } else {
                    stop(c, Reason.Local, idTag);
                }
                return done();
            }
            return anotherCard(c, tx, idTag);
        }
        if (c.authorizedIdTag != null) {
            if (idTag.equals(c.authorizedIdTag)) {
                log.info("card {} presented again at connector {}: authorisation withdrawn", idTag, c.id);
                c.clearAuthorization();
            } else {
                log.info("connector {} is already authorised, waiting for the cable: {} ignored", c.id, idTag);
            }
            return done();
        }
        if (!canStart(c)) {
            log.info("connector {} is {}: card {} ignored", c.id, c.status(station.stationFaulted()), idTag);
            return done();
        }
        Connector.Reservation reservation = station.reservations.governing(c, idTag);
        if (reservation != null && !reservation.idTag().equals(idTag)) {
            return reservedForAnother(c, reservation, idTag);
        }
        Integer reservationId = reservation == null ? null : reservation.reservationId();
        boolean cableFirst = c.cablePlugged;
        boolean ask = !(station.has(Quirk.LOCAL_START_WITHOUT_AUTHORIZE) && cableFirst);
        if (!ask) {
            log.info("no Authorize for {} (quirk local-start-without-authorize)", idTag);
        }
        return station.authorizing.authorize(idTag, ask).thenAccept(verdict -> {
            if (verdict.status() != AuthorizationStatus.Accepted && !station.has(Quirk.START_DESPITE_REJECTED_CARD)) {
                log.info("card {} is {}: nothing happens", idTag, verdict.status());
            } else if (cableFirst && station.outbox.isOnline() && station.has(Quirk.CABLE_FIRST_START_IGNORED)) {
                log.info("card {} accepted, nothing starts (quirk cable-first-start-ignored)", idTag);
            } else {
                if (verdict.status() != AuthorizationStatus.Accepted) {
                    log.info("card {} is {}, starting anyway (quirk start-despite-rejected-card)", idTag, verdict.status());
                }
                authorized(c, idTag, reservationId, verdict.parentIdTag(), true);
            }
        });
    }

    /**
     * A card other than the transaction's own: it may stop the transaction when it belongs to the
     * same group (parentIdTag). Only a transaction whose card has a group can be stopped so, so
     * for one without, the card is ignored without asking the central system.
     */
    private CompletableFuture<Void> anotherCard(Connector c, Connector.Transaction tx, String idTag) {
        if (station.has(Quirk.ANY_CARD_STOPS)) {
            return station.authorizing.authorize(idTag, true).thenAccept(verdict -> {
                if (verdict.status() == AuthorizationStatus.Accepted && c.transaction == tx) {
                    log.info("card {} stops the transaction of {} (quirk any-card-stops)", idTag, tx.idTag);
                    stop(c, Reason.Local, idTag);
                }
            });
        }
        if (tx.parentIdTag == null || station.has(Quirk.PARENT_ID_TAG_IGNORED)) {
            log.info("connector {} charges for another card: {} ignored{}", c.id, idTag,
                    tx.parentIdTag != null ? " (quirk parent-id-tag-ignored)" : "");
            return done();
        }
        return station.authorizing.authorize(idTag, true).thenAccept(verdict -> {
            if (Authorizing.sameGroup(verdict, tx.parentIdTag) && c.transaction == tx) {
                log.info("card {} is of the group {} of the running transaction: it stops it", idTag, tx.parentIdTag);
                stop(c, Reason.Local, idTag);
            } else {
                log.info("card {} is not of the group {} of the transaction at connector {}: ignored", idTag,
                        tx.parentIdTag, c.id);
            }
        });
    }

    /** A reserved connector takes its own card, and one of the reservation's group (parentIdTag). */
    private CompletableFuture<Void> reservedForAnother(Connector c, Connector.Reservation reservation, String idTag) {
        if (station.has(Quirk.RESERVATION_IGNORES_ID_TAG)) {
            log.info("connector {} is reserved for {}; {} may use it all the same (quirk reservation-ignores-id-tag)",
                    c.id, reservation.idTag(), idTag);
            return station.authorizing.authorize(idTag, true).thenAccept(verdict -> {
                if (verdict.status() == AuthorizationStatus.Accepted) {
                    authorized(c, idTag, null, verdict.parentIdTag(), true);
                }
            });
        }
        if (reservation.parentIdTag() == null || station.has(Quirk.RESERVATION_PARENT_ID_IGNORED)) {
            log.info("connector {} is reserved for another card: {} ignored{}", c.id, idTag,
                    reservation.parentIdTag() != null ? " (quirk reservation-parent-id-ignored)" : "");
            return done();
        }
        return station.authorizing.authorize(idTag, true).thenAccept(verdict -> {
            if (Authorizing.sameGroup(verdict, reservation.parentIdTag())) {
                log.info("card {} is of the group {} of reservation {}", idTag, reservation.parentIdTag(),
                        reservation.reservationId());
                authorized(c, idTag, reservation.reservationId(), verdict.parentIdTag(), true);
            } else {
                log.info("card {} is not of the reservation's group: ignored", idTag);
            }
        });
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }

    // ------------------------------------------------------------------ transactions

    /**
     * An id tag may charge here: at once if the cable is in, else once it comes within
     * ConnectionTimeOut. {@code byCard}: presented at the reader, not sent by a remote start.
     */
    void authorized(Connector c, String idTag, Integer reservationId, String parentIdTag, boolean byCard) {
        if (!canStart(c) || c.authorizedIdTag != null) {
            log.info("connector {} is {} now: no transaction for {}", c.id, c.status(station.stationFaulted()), idTag);
            return;
        }
        if (c.cablePlugged) {
            if (c.lockFailed) {
                log.info("the cable at connector {} is not locked: no transaction for {}", c.id, idTag);
                return;
            }
            start(c, idTag, reservationId, parentIdTag);
            return;
        }
        c.authorizedIdTag = idTag;
        c.authorizedReservationId = reservationId;
        c.authorizedParentIdTag = parentIdTag;
        c.authorizedByCard = byCard;
        c.frozenStatus = null;
        if (!byCard && station.has(Quirk.REMOTE_START_WITHOUT_PREPARING)) {
            log.info("connector {} waits for the cable but shows Available (quirk remote-start-without-preparing)", c.id);
            c.heldStatus = ChargePointStatus.Available;
        }
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

    private void start(Connector c, String idTag, Integer reservationId, String parentIdTag) {
        Instant now = station.now();
        List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
        MeterValue begin = stopTxnData.isEmpty() ? null : c.meter.sample(stopTxnData, ReadingContext.TransactionBegin, now);
        Connector.Transaction tx = new Connector.Transaction(station.outbox.newLocalTransactionId(), idTag,
                c.meter.registerWh(now), now, reservationId, begin);
        tx.parentIdTag = parentIdTag;
        c.transaction = tx;
        c.clearAuthorization();
        if (reservationId != null) {
            station.reservations.used(reservationId);
        }
        c.clearReservation();
        c.finishing = false;
        c.heldStatus = null;
        c.frozenStatus = null;
        Integer sentReservationId = reservationId;
        if (reservationId != null && station.has(Quirk.RESERVATION_ID_NOT_SENT)) {
            log.info("reservation {} used, not named in StartTransaction (quirk reservation-id-not-sent)", reservationId);
            sentReservationId = null;
        }
        log.info("starting a transaction at connector {} for {}, meter at {} Wh", c.id, idTag, tx.meterStart);
        Outbox.Outgoing<StartTransactionResponse> started = station.outbox.sendTransactional(
                new StartTransactionRequest(c.id, idTag, tx.meterStart, sentReservationId, now), tx.localId);
        started.answer.whenComplete((response, error) -> {
            if (error != null) {
                log.warn("StartTransaction at connector {} failed: {}", c.id, error.getMessage());
                return;
            }
            tx.transactionId = response.transactionId();
            station.authorizing.remember(idTag, response.idTagInfo());
            if (response.idTagInfo().parentIdTag() != null) {
                tx.parentIdTag = response.idTagInfo().parentIdTag();
            }
            log.info("transaction {} runs at connector {}", tx.transactionId, c.id);
            if (response.idTagInfo().status() != AuthorizationStatus.Accepted && c.transaction == tx) {
                invalidated(c, tx, response.idTagInfo());
            }
        });
        station.reconcile(); // Charging follows StartTransaction, before any sample
        if (!station.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            station.metering.send(c, ReadingContext.TransactionBegin);
        }
        station.metering.scheduleSampling(c);
    }

    /** The central system says the transaction's card is not valid (after an offline start, typically). */
    private void invalidated(Connector c, Connector.Transaction tx, IdTagInfo verdict) {
        if (station.has(Quirk.START_ANSWER_INVALID_IGNORED)) {
            log.info("central system says {} is {}; nothing changes (quirk start-answer-invalid-ignored)", tx.idTag,
                    verdict.status());
        } else if (configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_INVALID_ID)) {
            log.info("central system says {} is {}: stopping the transaction", tx.idTag, verdict.status());
            stop(c, Reason.DeAuthorized, null);
        } else {
            log.info("central system says {} is {}; charging goes on up to MaxEnergyOnInvalidId (StopTransactionOnInvalidId"
                    + " is false)", tx.idTag, verdict.status());
            tx.invalidated = true;
            limitEnergy(c, tx);
        }
    }

    /** Suspends the energy of an invalidated transaction once it has delivered MaxEnergyOnInvalidId. */
    private void limitEnergy(Connector c, Connector.Transaction tx) {
        if (c.transaction != tx) {
            return;
        }
        int limit = configuration.intValue(ConfigurationStore.MAX_ENERGY_ON_INVALID_ID);
        double delivered = c.meter.energyWh(station.now()) - tx.meterStart;
        if (delivered >= limit) {
            log.info("transaction {}: {} Wh delivered, MaxEnergyOnInvalidId {}: energy suspended", tx.wireId(),
                    Math.round(delivered), limit);
            tx.suspendedByStation = true;
            return;
        }
        double power = c.meter.chargingPowerW(); // a charging limit may hold it down, even to nothing for a while
        long millis = power <= 0 ? 1000 : (long) Math.ceil((limit - delivered) / power * 3_600_000);
        tx.energyLimit = station.schedule(() -> limitEnergy(c, tx), Duration.ofMillis(Math.max(millis, 100)));
    }

    /** Ends the transaction at the connector; returns its StopTransaction, or null when a quirk loses it. */
    Outbox.Outgoing<StopTransactionResponse> stop(Connector c, Reason reason, String idTag) {
        Connector.Transaction tx = c.transaction;
        ChargePointStatus before = c.status(station.stationFaulted());
        Instant now = station.now();
        int meterStop = c.meter.registerWh(now);
        List<MeterValue> transactionData = null;
        if (!station.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            transactionData = transactionData(c, tx, now);
        }
        c.transaction = null;
        c.evSuspended = false;
        c.stopSampling();
        EventLoop.cancel(tx.energyLimit);
        c.finishing = c.cablePlugged || c.cableInSocket;
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

    /** The readings of StopTxnSampledData at begin and end, with the clock-aligned ones of StopTxnAlignedData between. */
    private List<MeterValue> transactionData(Connector c, Connector.Transaction tx, Instant now) {
        List<MeterValue> data = new ArrayList<>();
        List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
        boolean sampled = tx.beginSample != null && !stopTxnData.isEmpty();
        if (sampled) {
            data.add(tx.beginSample);
        }
        data.addAll(tx.alignedSamples);
        if (sampled) {
            data.add(c.meter.sample(stopTxnData, ReadingContext.TransactionEnd, now));
        }
        return data.isEmpty() ? null : data;
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

    // ------------------------------------------------------------------ UnlockConnector

    /** The lock of the connector is blocked: the next UnlockConnector there fails. */
    void jamLock(Connector c) {
        c.lockJammed = true;
        log.info("the lock of connector {} is blocked", c.id);
    }

    private Answer unlock(UnlockConnectorRequest request) {
        int id = request.connectorId();
        Connector[] connectors = station.connectors;
        if (id < 1 || id >= connectors.length) {
            if (station.has(Quirk.UNLOCK_UNKNOWN_CONNECTOR_UNLOCKED)) {
                log.info("UnlockConnector {}: Unlocked, though there is no such connector (quirk unlock-unknown-connector-unlocked)", id);
                return unlocked(UnlockStatus.Unlocked);
            }
            log.info("UnlockConnector {}: NotSupported, no such connector", id);
            return unlocked(UnlockStatus.NotSupported);
        }
        Connector c = connectors[id];
        if (station.config.fixedCable() && !station.has(Quirk.FIXED_CABLE_UNLOCKS)) {
            log.info("UnlockConnector {}: NotSupported, the cable is fixed", id);
            return unlocked(UnlockStatus.NotSupported);
        }
        if (c.lockJammed || station.has(Quirk.UNLOCK_FAILS)) {
            c.lockJammed = false;
            if (station.has(Quirk.UNLOCK_FAILURE_HIDDEN)) {
                log.info("UnlockConnector {}: the lock is blocked, answered Unlocked (quirk unlock-failure-hidden)", id);
                return unlocked(UnlockStatus.Unlocked);
            }
            log.info("UnlockConnector {}: UnlockFailed{}", id, station.has(Quirk.UNLOCK_FAILS) ? " (quirk unlock-fails)" : "");
            return unlocked(UnlockStatus.UnlockFailed);
        }
        log.info("UnlockConnector {}: Unlocked", id);
        Connector.Transaction tx = c.transaction;
        if (tx == null) {
            return unlocked(UnlockStatus.Unlocked);
        }
        if (station.has(Quirk.UNLOCK_KEEPS_TRANSACTION)) {
            return Answer.of(new UnlockConnectorResponse(UnlockStatus.Unlocked),
                    () -> log.info("the transaction goes on (quirk unlock-keeps-transaction)"));
        }
        return Answer.of(new UnlockConnectorResponse(UnlockStatus.Unlocked), () -> {
            if (c.transaction == tx) {
                stop(c, Reason.UnlockCommand, null);
            }
        });
    }

    private static Answer unlocked(UnlockStatus status) {
        return Answer.of(new UnlockConnectorResponse(status));
    }
}
