package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Diagnostics (Firmware Management): GetDiagnostics names a file and uploads the station's own log
 * of the requested window to the given location, reporting Uploading and Uploaded or UploadFailed.
 */
final class Diagnostics {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final FileTransfers transfers;
    private DiagnosticsStatus status = DiagnosticsStatus.Idle;

    Diagnostics(Station station, FileTransfers transfers) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.transfers = transfers;
    }

    void register(RemoteCommands commands) {
        commands.on(GetDiagnosticsRequest.class, this::getDiagnostics);
    }

    void poweredOn() {
        status = DiagnosticsStatus.Idle;
    }

    Outbox.Outgoing<?> sendStatus(DiagnosticsStatus status) {
        this.status = status;
        log.info("diagnostics {}", status);
        return station.outbox.send(new DiagnosticsStatusNotificationRequest(status));
    }

    /** What TriggerMessage(DiagnosticsStatusNotification) reports: Uploading while an upload runs, else Idle. */
    void sendTriggeredStatus() {
        sendStatus(status == DiagnosticsStatus.Uploading ? DiagnosticsStatus.Uploading : DiagnosticsStatus.Idle);
    }

    private Answer getDiagnostics(GetDiagnosticsRequest request) {
        String fileName = "diagnostics-" + config.chargePointId().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + FILE_TIME.format(station.now()) + ".log";
        URI location = URI.create(request.location());
        log.info("GetDiagnostics from {} to {}: {} goes to {}", orOpen(request.startTime()), orOpen(request.stopTime()),
                fileName, RemoteCommands.redacted(location));
        String answered = station.has(Quirk.DIAGNOSTICS_NO_FILE_NAME) ? null : fileName;
        if (answered == null) {
            log.info("answered without a file name (quirk diagnostics-no-file-name)");
        }
        GetDiagnosticsResponse response = new GetDiagnosticsResponse(answered);
        if (station.has(Variant.NOTIFICATIONS_BEFORE_ANSWER)) {
            log.info("uploading before answering (variant notifications-before-answer)");
            return Answer.after(upload(request, location, fileName), () -> Answer.of(response));
        }
        return Answer.of(response, () -> upload(request, location, fileName));
    }

    /** Uploads with its status notifications; completes once the last of them is settled. */
    private CompletableFuture<Void> upload(GetDiagnosticsRequest request, URI location, String fileName) {
        Outbox.Outgoing<?> uploading = sendStatus(DiagnosticsStatus.Uploading);
        if (station.has(Quirk.DIAGNOSTICS_NEVER_UPLOADED)) {
            log.info("no upload follows (quirk diagnostics-never-uploaded)");
            return uploading.settled;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] content = file(request.startTime(), request.stopTime());
        transfers.run("diagnostics upload", () -> {
            transfers.ftp().upload(location, fileName, content);
            return Boolean.TRUE;
        }, FileTransfers.attempts(request.retries()), FileTransfers.retryInterval(request.retryInterval()), (ok, failure) -> {
            Outbox.Outgoing<?> last;
            if (failure == null) {
                log.info("diagnostics uploaded: {} ({} bytes)", fileName, content.length);
                last = sendStatus(DiagnosticsStatus.Uploaded);
            } else if (station.has(Quirk.UPLOAD_FAILURE_REPORTED_UPLOADED)) {
                log.info("diagnostics upload failed ({}); reported Uploaded (quirk upload-failure-reported-uploaded)", failure);
                last = sendStatus(DiagnosticsStatus.Uploaded);
            } else {
                log.info("diagnostics upload failed: {}", failure);
                last = sendStatus(DiagnosticsStatus.UploadFailed);
            }
            last.settled.whenComplete((settled, error) -> done.complete(null));
        });
        return done;
    }

    /** The station's own log for the window asked for, with a header that says whose it is. */
    private byte[] file(Instant from, Instant to) {
        SimulatorConfig.Identity id = config.identity();
        StringBuilder file = new StringBuilder()
                .append("ChargeCheck charge point simulator: diagnostics\n")
                .append("station ").append(config.chargePointId()).append(", ").append(id.vendor()).append(' ')
                .append(id.model()).append(", serial ").append(id.serialNumber()).append(", firmware ")
                .append(station.firmware.version()).append('\n')
                .append("window ").append(orOpen(from)).append(" to ").append(orOpen(to)).append('\n');
        List<EventLog.Line> lines = log.between(from, to);
        file.append(lines.size()).append(" log line(s)\n\n");
        lines.forEach(line -> file.append(line.format()).append('\n'));
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String orOpen(Instant time) {
        return time == null ? "(open)" : time.toString();
    }
}
