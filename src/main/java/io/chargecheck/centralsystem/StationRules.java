package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OCPP 1.6 rules a schema cannot state, because they depend on what the station and this
 * central system said before: connectors that exist, a boot that was accepted, transactions that
 * were given. One per station for the whole run, so a reconnect does not forget them.
 *
 * <p>Where OCPP-J gives the central system an answer for the breach it is given (a CALLERROR);
 * where OCPP leaves it to the central system, the call is answered as usual, because refusing it
 * would only make the station retry or lose data, and the breach goes into the journal and so into
 * the report as a protocol violation.
 */
final class StationRules {

    /** What to do with a call: answer it with a CALLERROR of this code, or as usual; and what was wrong. */
    record Verdict(ErrorCode error, String problem) {
        static final Verdict FINE = new Verdict(null, null);
    }

    private volatile RegistrationStatus lastBootAnswer;
    private volatile Integer numberOfConnectors;
    private final Set<Integer> transactionsGiven = ConcurrentHashMap.newKeySet();

    Verdict check(Request<?> request) {
        if (request instanceof StatusNotificationRequest status) {
            return checkConnector(status.connectorId());
        }
        if (request instanceof StartTransactionRequest start) {
            if (start.connectorId() <= 0) {
                return new Verdict(ErrorCode.PropertyConstraintViolation, "StartTransaction on connector "
                        + start.connectorId() + ": a transaction runs on a connector numbered from 1 (0 is the station itself)");
            }
            RegistrationStatus boot = lastBootAnswer;
            if (boot != null && boot != RegistrationStatus.Accepted) {
                // OCPP 1.6 section 4.2: no requests but BootNotification until Accepted. 1.6 names no answer;
                // OCPP 2.0.1 (B02.FR.09, B03.FR.08) answers SecurityError, and so does this central system.
                return new Verdict(ErrorCode.SecurityError, "StartTransaction while the station's registration is "
                        + boot + ": OCPP 1.6 allows no request but BootNotification until it is Accepted");
            }
            if (boot == null) {
                return new Verdict(null, "StartTransaction before any BootNotification of this station in this run"
                        + " (answered all the same)");
            }
            return checkConnector(start.connectorId());
        }
        if (request instanceof StopTransactionRequest stop && !transactionsGiven.contains(stop.transactionId())) {
            // OCPP 1.6 section 4.10: the central system has to answer a StopTransaction, known or not
            return new Verdict(null, "StopTransaction for transactionId " + stop.transactionId()
                    + ", which this central system never gave the station (answered all the same)");
        }
        if (request instanceof MeterValuesRequest values && values.transactionId() != null
                && !transactionsGiven.contains(values.transactionId())) {
            return new Verdict(null, "MeterValues for transactionId " + values.transactionId()
                    + ", which this central system never gave the station (answered all the same)");
        }
        return Verdict.FINE;
    }

    private Verdict checkConnector(Integer connectorId) {
        if (connectorId == null) {
            return Verdict.FINE;
        }
        if (connectorId < 0) {
            return new Verdict(ErrorCode.PropertyConstraintViolation,
                    "connectorId " + connectorId + ": connectors are numbered from 0 (the station itself)");
        }
        Integer connectors = numberOfConnectors;
        if (connectors != null && connectorId > connectors) {
            return new Verdict(null, "connectorId " + connectorId + ", but the station reports NumberOfConnectors "
                    + connectors + " (answered all the same)");
        }
        return Verdict.FINE;
    }

    /** What this central system answered to one of the station's calls. */
    void answered(Response response) {
        if (response instanceof BootNotificationResponse boot) {
            lastBootAnswer = boot.status();
        } else if (response instanceof StartTransactionResponse start && start.transactionId() != null) {
            transactionsGiven.add(start.transactionId());
        }
    }

    /** What the station answered to one of our calls: NumberOfConnectors is learned from GetConfiguration. */
    void learned(Response response) {
        if (response instanceof GetConfigurationResponse configuration && configuration.configurationKey() != null) {
            for (KeyValue key : configuration.configurationKey()) {
                if ("NumberOfConnectors".equalsIgnoreCase(key.key()) && key.value() != null) {
                    try {
                        numberOfConnectors = Integer.parseInt(key.value().strip());
                    } catch (NumberFormatException e) {
                        // not a number: nothing learned; the configuration case reports the value itself
                    }
                }
            }
        }
    }
}
