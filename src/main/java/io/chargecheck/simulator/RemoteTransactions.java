package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionResponse;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;

/**
 * RemoteStartTransaction and RemoteStopTransaction (Core): which connector a remote start goes
 * to, whether it is taken (with the TxProfile it may bring, Smart Charging), and the stop of a
 * running transaction by its id.
 */
final class RemoteTransactions {

    private final Station station;
    private final EventLog log;

    RemoteTransactions(Station station) {
        this.station = station;
        this.log = station.log;
    }

    void register(RemoteCommands commands) {
        commands.on(RemoteStartTransactionRequest.class, this::remoteStart);
        commands.on(RemoteStopTransactionRequest.class, this::remoteStop);
    }

    private Answer remoteStart(RemoteStartTransactionRequest request) {
        String idTag = request.idTag();
        Integer connectorId = request.connectorId();
        if (connectorId != null && connectorId == 0 && station.has(Quirk.REMOTE_START_CONNECTOR_ZERO_ACCEPTED)) {
            log.info("RemoteStartTransaction for connector 0 taken as any connector (quirk remote-start-connector-zero-accepted)");
            connectorId = null;
        }
        Connector c = connectorId == null ? connectorFor(idTag) : startable(connectorId, idTag);
        if (c == null && connectorId != null && busy(connectorId) && station.has(Quirk.REMOTE_START_ON_BUSY_CONNECTOR_ACCEPTED)) {
            log.info("RemoteStartTransaction for busy connector {}: Accepted, nothing follows"
                    + " (quirk remote-start-on-busy-connector-accepted)", connectorId);
            return Answer.of(new RemoteStartTransactionResponse(RemoteStartStopStatus.Accepted));
        }
        if (c == null || !station.boot.isAccepted()) {
            log.info("RemoteStartTransaction for {} on connector {}: Rejected, no connector can take it", idTag,
                    connectorId == null ? "any" : connectorId);
            return Answer.of(new RemoteStartTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        ChargingProfile profile = station.supports(Profile.SmartCharging) ? request.chargingProfile() : null;
        String refused = profile == null ? null : station.chargingProfiles.refusalForRemoteStart(profile);
        if (refused != null) {
            log.info("RemoteStartTransaction for {} on connector {}: Rejected, {}", idTag, c.id, refused);
            return Answer.of(new RemoteStartTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStartTransaction for {} on connector {}: Accepted", idTag, c.id);
        RemoteStartTransactionResponse accepted = new RemoteStartTransactionResponse(RemoteStartStopStatus.Accepted);
        if (station.has(Quirk.REMOTE_START_IGNORED)) {
            return Answer.of(accepted, () -> log.info("nothing follows (quirk remote-start-ignored)"));
        }
        Connector.Reservation reservation = station.reservations.governing(c, idTag);
        Integer reservationId = reservation == null ? null : reservation.reservationId();
        boolean ask = station.configuration.booleanValue(ConfigurationStore.AUTHORIZE_REMOTE_TX_REQUESTS);
        return Answer.of(accepted, () -> station.authorizing.authorize(idTag, ask).thenAccept(verdict -> {
            if (verdict.status() == AuthorizationStatus.Accepted) {
                if (profile != null) {
                    station.chargingProfiles.forNextTransaction(c, profile);
                }
                station.transactions.authorized(c, idTag, reservationId, verdict.parentIdTag(), false);
            } else {
                log.info("remote start for {} is {}: nothing happens", idTag, verdict.status());
            }
        }));
    }

    private boolean busy(int connectorId) {
        return connectorId >= 1 && connectorId < station.connectors.length && station.connectors[connectorId].transaction != null;
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
            if (c.effectiveReservation() != null) {
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
        boolean free = station.transactions.canStart(c) && c.authorizedIdTag == null;
        Connector.Reservation reservation = station.reservations.governing(c, idTag);
        boolean reservedForOther = reservation != null && !reservation.idTag().equals(idTag);
        return free && !reservedForOther ? c : null;
    }

    private Answer remoteStop(RemoteStopTransactionRequest request) {
        Connector c = station.chargingConnectors().stream()
                .filter(candidate -> candidate.transaction.transactionId != null
                        && candidate.transaction.transactionId.equals(request.transactionId()))
                .findFirst().orElse(null);
        if (c == null) {
            if (station.has(Quirk.REMOTE_STOP_UNKNOWN_ACCEPTED)) {
                log.info("RemoteStopTransaction {}: Accepted, though no such transaction runs (quirk remote-stop-unknown-accepted)",
                        request.transactionId());
                return Answer.of(new RemoteStopTransactionResponse(RemoteStartStopStatus.Accepted));
            }
            log.info("RemoteStopTransaction {}: Rejected, no such transaction runs", request.transactionId());
            return Answer.of(new RemoteStopTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStopTransaction {}: Accepted", request.transactionId());
        RemoteStopTransactionResponse accepted = new RemoteStopTransactionResponse(RemoteStartStopStatus.Accepted);
        if (station.has(Quirk.REMOTE_STOP_IGNORED)) {
            return Answer.of(accepted, () -> log.info("the transaction goes on (quirk remote-stop-ignored)"));
        }
        Reason reason = Reason.Remote;
        if (station.has(Quirk.REMOTE_STOP_REASON_LOCAL)) {
            log.info("stopping with reason Local (quirk remote-stop-reason-local)");
            reason = Reason.Local;
        }
        Connector.Transaction tx = c.transaction;
        Reason stopReason = reason;
        return Answer.of(accepted, () -> {
            if (c.transaction == tx) {
                station.transactions.stop(c, stopReason, null);
            }
        });
    }
}
