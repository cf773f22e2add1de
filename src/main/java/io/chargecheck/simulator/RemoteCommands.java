package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityResponse;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ClearCacheResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.DataTransferResponse;
import io.chargecheck.ocpp.message.Core.DataTransferStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionResponse;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetResponse;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorResponse;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsResponse;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListResponse;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageResponse;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationResponse;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import io.chargecheck.ocpp.message.Reservation.ReserveNowResponse;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The station's side of the central system's calls: each answered at once (a CALLERROR for an
 * unknown action or a payload that breaks the rules), and what the call sets off happens after
 * the answer is on the wire. Runs on the simulator's event loop.
 */
final class RemoteCommands {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final List<String> FIRMWARE_EXTENSIONS = List.of(".tar.gz", ".tgz", ".bin", ".img", ".zip", ".fw", ".hex", ".pkg");

    /** The answer to a call, and what the call sets off once the answer is sent. */
    private record Answer(Response response, ErrorCode error, String description, Runnable then) {
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

    private final ChargePointSimulator sim;
    private final SimulatorConfig config;
    private final EventLog log;
    private final ConfigurationStore configuration;
    private int softResets;

    RemoteCommands(ChargePointSimulator sim) {
        this.sim = sim;
        this.config = sim.config();
        this.log = sim.log();
        this.configuration = sim.configurationStore();
    }

    /** A frame from the central system: a call to answer, or the answer to a call of ours. */
    void received(String text) {
        Frame frame;
        try {
            frame = FrameCodec.parse(text);
        } catch (MalformedFrameException e) {
            log.warn("unreadable frame from the central system: {}", e.getMessage());
            // OCPP-J answers CALLs only: a broken answer or an unknown message type gets no CALLERROR.
            if (e.messageTypeId().orElse(Frame.CALL_TYPE_ID) == Frame.CALL_TYPE_ID) {
                e.messageId().ifPresent(id -> sim.reply(FrameCodec.write(new Frame.CallError(id, e.code(), e.getMessage()))));
            }
            return;
        }
        if (frame instanceof Frame.Call call) {
            called(call);
        } else {
            sim.outbox().answer(frame);
        }
    }

    private void called(Frame.Call call) {
        Answer answer = answer(call);
        if (answer.error() != null) {
            log.warn("{} answered with CALLERROR {}: {}", call.action(), answer.error(), answer.description());
            sim.reply(FrameCodec.write(new Frame.CallError(call.messageId(), answer.error(), answer.description())));
            return;
        }
        sim.reply(FrameCodec.write(new Frame.CallResult(call.messageId(), MessageCodec.encode(answer.response()))));
        if (answer.then() != null) {
            answer.then().run();
        }
    }

    private Answer answer(Frame.Call call) {
        Action action = Action.fromWire(call.action()).orElse(null);
        if (action == null) {
            return Answer.error(ErrorCode.NotImplemented, "unknown action " + call.action());
        }
        if (!action.isSentByCentralSystem()) {
            return Answer.error(ErrorCode.NotSupported, action + " is sent by a charge point, not to one");
        }
        Request<?> request;
        try {
            request = MessageCodec.decodeRequest(action, call.payload());
        } catch (PayloadException e) {
            return Answer.error(e.code(), e.getMessage());
        }
        try {
            return handle(action, request);
        } catch (RuntimeException bug) {
            log.error("internal error handling " + action, bug);
            return Answer.error(ErrorCode.InternalError, "the station failed to handle " + action);
        }
    }

    private Answer handle(Action action, Request<?> request) {
        return switch (action) {
            case ChangeAvailability -> changeAvailability((ChangeAvailabilityRequest) request);
            case ChangeConfiguration -> changeConfiguration((ChangeConfigurationRequest) request);
            case ClearCache -> clearCache();
            case DataTransfer -> dataTransfer((DataTransferRequest) request);
            case GetConfiguration -> getConfiguration((GetConfigurationRequest) request);
            case RemoteStartTransaction -> remoteStart((RemoteStartTransactionRequest) request);
            case RemoteStopTransaction -> remoteStop((RemoteStopTransactionRequest) request);
            case Reset -> reset((ResetRequest) request);
            case UnlockConnector -> unlock((UnlockConnectorRequest) request);
            case GetDiagnostics -> getDiagnostics((GetDiagnosticsRequest) request);
            case UpdateFirmware -> updateFirmware((UpdateFirmwareRequest) request);
            case GetLocalListVersion -> Answer.of(new GetLocalListVersionResponse(localListEnabled() ? sim.authorization().listVersion() : -1));
            case SendLocalList -> sendLocalList((SendLocalListRequest) request);
            case ReserveNow -> reserveNow((ReserveNowRequest) request);
            case CancelReservation -> cancelReservation((CancelReservationRequest) request);
            case TriggerMessage -> trigger((TriggerMessageRequest) request);
            default -> Answer.error(ErrorCode.NotSupported,
                    action + " (" + action.profile() + " profile) is not supported by this station");
        };
    }

    // ------------------------------------------------------------------ Core

    private Answer changeAvailability(ChangeAvailabilityRequest request) {
        int id = request.connectorId();
        Connector[] connectors = sim.connectors();
        if (id < 0 || id >= connectors.length) {
            log.info("ChangeAvailability for connector {}, which does not exist: Rejected", id);
            return Answer.of(new ChangeAvailabilityResponse(AvailabilityStatus.Rejected));
        }
        List<Connector> affected = id == 0 ? Arrays.asList(connectors) : List.of(connectors[id]);
        boolean scheduled = false;
        for (Connector c : affected) {
            boolean busy = c.isStation() ? !sim.chargingConnectors().isEmpty() : c.transaction != null;
            if (request.type() == AvailabilityType.Inoperative && busy) {
                c.scheduledAvailability = AvailabilityType.Inoperative;
                scheduled = true;
            } else {
                c.scheduledAvailability = null;
                c.availability = request.type();
                if (request.type() == AvailabilityType.Inoperative) {
                    c.clearAuthorization();
                }
            }
        }
        sim.saveStation();
        AvailabilityStatus status = scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted;
        log.info("ChangeAvailability {} for {}: {}", request.type(), id == 0 ? "the whole station" : "connector " + id,
                scheduled ? "Scheduled, applied when the transaction ends" : "Accepted");
        if (config.has(Quirk.AVAILABILITY_NOT_REPORTED)) {
            return Answer.of(new ChangeAvailabilityResponse(status), () -> {
                log.info("no StatusNotification for the new availability (quirk availability-not-reported)");
                sim.reportedSilently(affected);
            });
        }
        return Answer.of(new ChangeAvailabilityResponse(status));
    }

    private Answer changeConfiguration(ChangeConfigurationRequest request) {
        String key = request.key();
        String value = request.value();
        ConfigurationStatus status;
        String why = "";
        if (config.has(Quirk.REJECT_CHANGE_CONFIGURATION)) {
            status = ConfigurationStatus.Rejected;
            why = " (quirk reject-change-configuration)";
        } else if (config.has(Quirk.KEY_NOT_SUPPORTED) && key.equals(ConfigurationStore.CONNECTION_TIME_OUT)) {
            status = ConfigurationStatus.NotSupported;
            why = " (quirk key-not-supported)";
        } else if (config.has(Quirk.REJECT_MEASURAND) && key.equals(ConfigurationStore.METER_VALUES_SAMPLED_DATA)
                && Arrays.stream(value.split(",")).map(String::trim).anyMatch("Voltage"::equals)) {
            status = ConfigurationStatus.Rejected;
            why = " (quirk reject-measurand)";
        } else {
            status = configuration.change(key, value);
        }
        log.info("ChangeConfiguration {} = '{}': {}{}", key, value, status, why);
        if (status != ConfigurationStatus.Accepted && status != ConfigurationStatus.RebootRequired) {
            return Answer.of(new ChangeConfigurationResponse(status));
        }
        sim.saveStation();
        return Answer.of(new ChangeConfigurationResponse(status), () -> configurationChanged(key));
    }

    /** The keys whose new value changes a running behaviour at once; the others are read where they are used. */
    private void configurationChanged(String key) {
        switch (key) {
            case ConfigurationStore.HEARTBEAT_INTERVAL -> {
                if (config.has(Quirk.HEARTBEAT_INTERVAL_IGNORED)) {
                    log.info("heartbeat keeps its old interval (quirk heartbeat-interval-ignored)");
                } else if (sim.registration() == RegistrationStatus.Accepted) {
                    sim.startHeartbeat(configuration.intValue(key));
                }
            }
            case ConfigurationStore.METER_VALUE_SAMPLE_INTERVAL -> sim.chargingConnectors().forEach(sim::scheduleSampling);
            default -> {
                // read when next needed
            }
        }
    }

    private Answer clearCache() {
        if (config.has(Quirk.IGNORE_CLEAR_CACHE)) {
            log.info("ClearCache: Rejected (quirk ignore-clear-cache)");
            return Answer.of(new ClearCacheResponse(ClearCacheStatus.Rejected));
        }
        log.info("ClearCache: {} cached id tag(s) forgotten", sim.authorization().cacheSize());
        sim.authorization().clearCache();
        return Answer.of(new ClearCacheResponse(ClearCacheStatus.Accepted));
    }

    private Answer dataTransfer(DataTransferRequest request) {
        if (!request.vendorId().equals(config.identity().vendor())) {
            return Answer.of(new DataTransferResponse(DataTransferStatus.UnknownVendorId, null));
        }
        if ("Echo".equals(request.messageId())) {
            return Answer.of(new DataTransferResponse(DataTransferStatus.Accepted, request.data()));
        }
        return Answer.of(new DataTransferResponse(DataTransferStatus.UnknownMessageId, null));
    }

    private Answer getConfiguration(GetConfigurationRequest request) {
        List<String> keys = request.key();
        if (keys == null || keys.isEmpty()) {
            List<KeyValue> all = configuration.all();
            log.info("GetConfiguration: all {} keys", all.size());
            return Answer.of(new GetConfigurationResponse(all, null));
        }
        List<KeyValue> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (configuration.isKnown(key)) {
                known.add(configuration.keyValue(key));
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty() && config.has(Quirk.UNKNOWN_KEY_NOT_REPORTED)) {
            log.info("unknown key(s) {} left out (quirk unknown-key-not-reported)", unknown);
            unknown.clear();
        }
        log.info("GetConfiguration {}: {} known, unknown {}", keys, known.size(), unknown);
        return Answer.of(new GetConfigurationResponse(known.isEmpty() ? null : known, unknown.isEmpty() ? null : unknown));
    }

    private Answer remoteStart(RemoteStartTransactionRequest request) {
        String idTag = request.idTag();
        Connector c = request.connectorId() == null ? connectorFor(idTag) : startable(request.connectorId(), idTag);
        if (c == null || sim.registration() != RegistrationStatus.Accepted) {
            log.info("RemoteStartTransaction for {} on connector {}: Rejected, no connector can take it", idTag,
                    request.connectorId() == null ? "any" : request.connectorId());
            return Answer.of(new RemoteStartTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStartTransaction for {} on connector {}: Accepted", idTag, c.id);
        RemoteStartTransactionResponse accepted = new RemoteStartTransactionResponse(RemoteStartStopStatus.Accepted);
        if (config.has(Quirk.REMOTE_START_IGNORED)) {
            return Answer.of(accepted, () -> log.info("nothing follows (quirk remote-start-ignored)"));
        }
        Integer reservationId = c.reservation == null ? null : c.reservation.reservationId();
        boolean ask = configuration.booleanValue(ConfigurationStore.AUTHORIZE_REMOTE_TX_REQUESTS);
        return Answer.of(accepted, () -> sim.authorize(idTag, ask).thenAccept(status -> {
            if (status == AuthorizationStatus.Accepted) {
                sim.authorized(c, idTag, reservationId);
            } else {
                log.info("remote start for {} is {}: nothing happens", idTag, status);
            }
        }));
    }

    /** The connector a remote start without connector id goes to: reserved for the tag, else one with a cable, else any free. */
    private Connector connectorFor(String idTag) {
        Connector[] connectors = sim.connectors();
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
        Connector[] connectors = sim.connectors();
        if (id < 1 || id >= connectors.length) {
            return null;
        }
        Connector c = connectors[id];
        boolean free = c.acceptsNewTransaction(sim.stationFaulted()) && c.authorizedIdTag == null;
        boolean reservedForOther = c.reservation != null && !c.reservation.idTag().equals(idTag);
        return free && !reservedForOther ? c : null;
    }

    private Answer remoteStop(RemoteStopTransactionRequest request) {
        Connector c = sim.chargingConnectors().stream()
                .filter(candidate -> candidate.transaction.transactionId != null
                        && candidate.transaction.transactionId.equals(request.transactionId()))
                .findFirst().orElse(null);
        if (c == null) {
            log.info("RemoteStopTransaction {}: Rejected, no such transaction runs", request.transactionId());
            return Answer.of(new RemoteStopTransactionResponse(RemoteStartStopStatus.Rejected));
        }
        log.info("RemoteStopTransaction {}: Accepted", request.transactionId());
        RemoteStopTransactionResponse accepted = new RemoteStopTransactionResponse(RemoteStartStopStatus.Accepted);
        if (config.has(Quirk.REMOTE_STOP_IGNORED)) {
            return Answer.of(accepted, () -> log.info("the transaction goes on (quirk remote-stop-ignored)"));
        }
        Connector.Transaction tx = c.transaction;
        return Answer.of(accepted, () -> {
            if (c.transaction == tx) {
                sim.stopTransaction(c, Reason.Remote, null);
            }
        });
    }

    private Answer reset(ResetRequest request) {
        ResetResponse accepted = new ResetResponse(ResetStatus.Accepted);
        log.info("Reset {}: Accepted", request.type());
        if (request.type() == ResetType.Hard) {
            if (config.has(Quirk.HARD_RESET_IGNORED)) {
                return Answer.of(accepted, () -> log.info("nothing happens (quirk hard-reset-ignored)"));
            }
            // At once, without waiting for anything: the StopTransactions (HardReset) go out after the
            // boot. The WebSocket is closed properly all the same, as that is the only way to be sure
            // the answer above leaves first (Java-WebSocket writes on a thread of its own).
            return Answer.of(accepted, () -> sim.reboot(Reason.HardReset, true, "hard reset"));
        }
        if (config.has(Quirk.SOFT_RESET_IGNORED)) {
            return Answer.of(accepted, () -> log.info("nothing happens (quirk soft-reset-ignored)"));
        }
        if (config.has(Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT) && softResets++ % 2 == 0) {
            return Answer.of(accepted, () -> log.info("nothing happens this time (quirk soft-reset-needs-second-attempt)"));
        }
        return Answer.of(accepted, this::softReset);
    }

    /** Soft reset: transactions stop with SoftReset while the connection is up, then a graceful reboot. */
    private void softReset() {
        List<CompletableFuture<?>> stops = new ArrayList<>();
        for (Connector c : sim.chargingConnectors()) {
            Outbox.Outgoing<?> stop = sim.stopTransaction(c, Reason.SoftReset, null);
            if (stop != null && sim.outbox().isOnline()) {
                stops.add(stop.answer);
            }
        }
        afterAnswers(stops, () -> sim.reboot(Reason.SoftReset, true, "soft reset"));
    }

    private Answer unlock(UnlockConnectorRequest request) {
        int id = request.connectorId();
        Connector[] connectors = sim.connectors();
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
                sim.stopTransaction(c, Reason.UnlockCommand, null);
            }
        });
    }

    // ------------------------------------------------------------------ Firmware Management

    private Answer getDiagnostics(GetDiagnosticsRequest request) {
        String fileName = "diagnostics-" + config.chargePointId().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(sim.now()) + ".log";
        URI location = URI.create(request.location());
        log.info("GetDiagnostics from {} to {}: {} goes to {}", orOpen(request.startTime()), orOpen(request.stopTime()),
                fileName, redacted(location));
        String answered = config.has(Quirk.DIAGNOSTICS_NO_FILE_NAME) ? null : fileName;
        if (answered == null) {
            log.info("answered without a file name (quirk diagnostics-no-file-name)");
        }
        return Answer.of(new GetDiagnosticsResponse(answered), () -> uploadDiagnostics(request, location, fileName));
    }

    private void uploadDiagnostics(GetDiagnosticsRequest request, URI location, String fileName) {
        sim.sendDiagnosticsStatus(DiagnosticsStatus.Uploading);
        if (config.has(Quirk.DIAGNOSTICS_NEVER_UPLOADED)) {
            log.info("no upload follows (quirk diagnostics-never-uploaded)");
            return;
        }
        byte[] content = diagnosticsFile(request.startTime(), request.stopTime());
        sim.transfer("diagnostics upload", () -> {
            sim.ftp().upload(location, fileName, content);
            return Boolean.TRUE;
        }, attempts(request.retries()), retryInterval(request.retryInterval()), (ok, failure) -> {
            if (failure == null) {
                log.info("diagnostics uploaded: {} ({} bytes)", fileName, content.length);
                sim.sendDiagnosticsStatus(DiagnosticsStatus.Uploaded);
            } else {
                log.info("diagnostics upload failed: {}", failure);
                sim.sendDiagnosticsStatus(DiagnosticsStatus.UploadFailed);
            }
        });
    }

    /** The station's own log for the window asked for, with a header that says whose it is. */
    private byte[] diagnosticsFile(Instant from, Instant to) {
        SimulatorConfig.Identity id = config.identity();
        StringBuilder file = new StringBuilder()
                .append("ChargeCheck charge point simulator: diagnostics\n")
                .append("station ").append(config.chargePointId()).append(", ").append(id.vendor()).append(' ')
                .append(id.model()).append(", serial ").append(id.serialNumber()).append(", firmware ")
                .append(sim.currentFirmwareVersion()).append('\n')
                .append("window ").append(orOpen(from)).append(" to ").append(orOpen(to)).append('\n');
        List<EventLog.Line> lines = log.between(from, to);
        file.append(lines.size()).append(" log line(s)\n\n");
        lines.forEach(line -> file.append(line.format()).append('\n'));
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Answer updateFirmware(UpdateFirmwareRequest request) {
        URI location = URI.create(request.location());
        Duration wait = Duration.between(sim.now(), request.retrieveDate());
        log.info("UpdateFirmware from {}, retrieve at {}", redacted(location), request.retrieveDate());
        int session = sim.session();
        return Answer.of(new UpdateFirmwareResponse(), () -> sim.schedule(() -> {
            if (session == sim.session()) {
                downloadFirmware(request, location);
            }
        }, wait.isNegative() ? Duration.ZERO : wait));
    }

    private void downloadFirmware(UpdateFirmwareRequest request, URI location) {
        sim.sendFirmwareStatus(FirmwareStatus.Downloading);
        int session = sim.session();
        sim.transfer("firmware download", () -> sim.ftp().download(location), attempts(request.retries()),
                retryInterval(request.retryInterval()), (content, failure) -> {
                    if (failure != null) {
                        log.info("firmware download failed: {}", failure);
                        sim.sendFirmwareStatus(FirmwareStatus.DownloadFailed);
                        return;
                    }
                    log.info("firmware downloaded: {} bytes", content.length);
                    sim.sendFirmwareStatus(FirmwareStatus.Downloaded);
                    sim.sendFirmwareStatus(FirmwareStatus.Installing);
                    if (config.has(Quirk.FIRMWARE_NEVER_INSTALLED)) {
                        log.info("installation never ends (quirk firmware-never-installed)");
                        return;
                    }
                    sim.schedule(() -> {
                        if (session == sim.session()) {
                            install(content, versionOf(location));
                        }
                    }, config.installTime());
                });
    }

    private void install(byte[] content, String version) {
        if (content.length == 0) {
            log.info("the firmware file is empty: installation failed");
            sim.sendFirmwareStatus(FirmwareStatus.InstallationFailed);
            return;
        }
        Outbox.Outgoing<?> installed = sim.sendFirmwareStatus(FirmwareStatus.Installed);
        sim.firmwareInstalled(version);
        if (config.has(Quirk.FIRMWARE_NO_REBOOT)) {
            log.info("firmware {} installed, no reboot follows (quirk firmware-no-reboot)", version);
            return;
        }
        log.info("firmware {} installed; rebooting into it once no transaction runs", version);
        sim.rebootForFirmwareWhenIdle();
        rebootIntoNewFirmwareAfter(installed.answer);
    }

    /** Reboots into installed firmware once {@code answered} is answered (or given up on) and no transaction runs. */
    void rebootIntoNewFirmwareAfter(CompletableFuture<?> answered) {
        if (!sim.rebootForFirmwarePending()) {
            return;
        }
        afterAnswers(List.of(answered), () -> {
            if (sim.rebootForFirmwarePending()) {
                sim.clearRebootForFirmware();
                sim.reboot(Reason.Reboot, true, "new firmware");
            }
        });
    }

    /** The version a firmware file brings: its file name without the extension, e.g. cc-sim-2.0.0.bin gives cc-sim-2.0.0. */
    static String versionOf(URI location) {
        String path = location.getPath() == null ? "" : location.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String extension : FIRMWARE_EXTENSIONS) {
            if (name.toLowerCase().endsWith(extension) && name.length() > extension.length()) {
                name = name.substring(0, name.length() - extension.length());
                break;
            }
        }
        if (name.isBlank()) {
            name = "unknown";
        }
        return name.length() > 50 ? name.substring(0, 50) : name;
    }

    // ------------------------------------------------------------------ Local Auth List, Reservation

    private boolean localListEnabled() {
        return configuration.booleanValue(ConfigurationStore.LOCAL_AUTH_LIST_ENABLED);
    }

    private Answer sendLocalList(SendLocalListRequest request) {
        if (!localListEnabled()) {
            return Answer.of(new SendLocalListResponse(UpdateStatus.NotSupported));
        }
        UpdateStatus status = sim.authorization().update(request,
                configuration.intValue(ConfigurationStore.SEND_LOCAL_LIST_MAX_LENGTH),
                configuration.intValue(ConfigurationStore.LOCAL_AUTH_LIST_MAX_LENGTH));
        log.info("SendLocalList {} version {}: {}, {} tag(s) in the list", request.updateType(), request.listVersion(),
                status, sim.authorization().listSize());
        return Answer.of(new SendLocalListResponse(status));
    }

    private Answer reserveNow(ReserveNowRequest request) {
        int id = request.connectorId();
        Connector[] connectors = sim.connectors();
        ReservationStatus status;
        if (id < 1 || id >= connectors.length || !request.expiryDate().isAfter(sim.now())) {
            status = ReservationStatus.Rejected; // connector 0: ReserveConnectorZeroSupported is false
        } else {
            Connector c = connectors[id];
            ChargePointStatus now = c.status(sim.stationFaulted());
            boolean otherReservation = c.reservation != null && c.reservation.reservationId() != request.reservationId();
            if (now == ChargePointStatus.Faulted) {
                status = ReservationStatus.Faulted;
            } else if (now == ChargePointStatus.Unavailable) {
                status = ReservationStatus.Unavailable;
            } else if (c.transaction != null || c.cablePlugged || c.authorizedIdTag != null || otherReservation) {
                status = ReservationStatus.Occupied;
            } else {
                reservationWithId(request.reservationId()).ifPresent(Connector::clearReservation);
                c.reservation = new Connector.Reservation(request.reservationId(), request.idTag(), request.expiryDate());
                c.reservationExpiry = sim.schedule(() -> {
                    if (c.reservation != null && c.reservation.reservationId() == request.reservationId()) {
                        log.info("reservation {} at connector {} expired", request.reservationId(), c.id);
                        c.clearReservation();
                    }
                }, Duration.between(sim.now(), request.expiryDate()));
                status = ReservationStatus.Accepted;
            }
        }
        log.info("ReserveNow {} at connector {} for {}: {}", request.reservationId(), id, request.idTag(), status);
        return Answer.of(new ReserveNowResponse(status));
    }

    private Answer cancelReservation(CancelReservationRequest request) {
        var reserved = reservationWithId(request.reservationId());
        reserved.ifPresent(Connector::clearReservation);
        log.info("CancelReservation {}: {}", request.reservationId(), reserved.isPresent() ? "Accepted" : "Rejected, unknown");
        return Answer.of(new CancelReservationResponse(reserved.isPresent() ? CancelReservationStatus.Accepted
                : CancelReservationStatus.Rejected));
    }

    private java.util.Optional<Connector> reservationWithId(int reservationId) {
        return Arrays.stream(sim.connectors())
                .filter(c -> c.reservation != null && c.reservation.reservationId() == reservationId)
                .findFirst();
    }

    // ------------------------------------------------------------------ Remote Trigger

    private Answer trigger(TriggerMessageRequest request) {
        MessageTrigger message = request.requestedMessage();
        Integer id = request.connectorId();
        if (config.has(Quirk.TRIGGER_MESSAGE_NOT_IMPLEMENTED)) {
            log.info("TriggerMessage {}: NotImplemented (quirk trigger-message-not-implemented)", message);
            return Answer.of(new TriggerMessageResponse(TriggerMessageStatus.NotImplemented));
        }
        int lowest = message == MessageTrigger.MeterValues ? 1 : 0;
        if (id != null && (id < lowest || id >= sim.connectors().length)) {
            log.info("TriggerMessage {} for connector {}: Rejected, no such connector", message, id);
            return Answer.of(new TriggerMessageResponse(TriggerMessageStatus.Rejected));
        }
        log.info("TriggerMessage {}{}: Accepted", message, id == null ? "" : " for connector " + id);
        TriggerMessageResponse accepted = new TriggerMessageResponse(TriggerMessageStatus.Accepted);
        if (config.has(Quirk.TRIGGER_ACCEPTED_NOTHING_SENT)) {
            return Answer.of(accepted, () -> log.info("nothing is sent (quirk trigger-accepted-nothing-sent)"));
        }
        return Answer.of(accepted, () -> triggered(message, id));
    }

    private void triggered(MessageTrigger message, Integer id) {
        switch (message) {
            case BootNotification -> sim.sendBoot();
            case Heartbeat -> sim.sendHeartbeat();
            case StatusNotification -> {
                for (Connector c : selected(id, 0)) {
                    c.reported = c.report(sim.stationFaulted());
                    sim.sendStatus(c, c.reported);
                }
            }
            case MeterValues -> selected(id, 1).forEach(c -> sim.sendMeterValues(c, ReadingContext.Trigger));
            case FirmwareStatusNotification -> sim.sendFirmwareStatus(idleUnlessBusy(sim.currentFirmwareStatus()));
            case DiagnosticsStatusNotification -> sim.sendDiagnosticsStatus(
                    sim.currentDiagnosticsStatus() == DiagnosticsStatus.Uploading ? DiagnosticsStatus.Uploading : DiagnosticsStatus.Idle);
        }
    }

    /** OCPP 1.6: Idle when no update is under way; a finished one (Installed, failures) counts as not under way. */
    private static FirmwareStatus idleUnlessBusy(FirmwareStatus status) {
        return switch (status) {
            case Downloading, Downloaded, Installing -> status;
            default -> FirmwareStatus.Idle;
        };
    }

    private List<Connector> selected(Integer id, int from) {
        Connector[] connectors = sim.connectors();
        if (id != null) {
            return List.of(connectors[id]);
        }
        return Arrays.stream(connectors).skip(from).collect(Collectors.toList());
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Runs {@code then} on the event loop once all {@code answers} are complete, or after the call
     * timeout at the latest, and not at all if the station rebooted meanwhile.
     */
    private void afterAnswers(List<CompletableFuture<?>> answers, Runnable then) {
        int session = sim.session();
        boolean[] ran = {false};
        Runnable once = () -> {
            if (!ran[0] && session == sim.session()) {
                ran[0] = true;
                then.run();
            }
        };
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> sim.execute(once));
        sim.schedule(once, config.callTimeout());
    }

    private static int attempts(Integer retries) {
        return 1 + Math.max(0, Math.min(retries == null ? 0 : retries, 5));
    }

    private static Duration retryInterval(Integer seconds) {
        return Duration.ofSeconds(seconds == null ? 1 : Math.max(0, Math.min(seconds, 60)));
    }

    private static String orOpen(Instant time) {
        return time == null ? "(open)" : time.toString();
    }

    /** A location as it may be logged: without the password. */
    static String redacted(URI location) {
        String userInfo = location.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return location.toString();
        }
        return location.toString().replace(userInfo, userInfo.substring(0, userInfo.indexOf(':')) + ":***");
    }
}
