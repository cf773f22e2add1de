package io.chargecheck.ocpp.message;

import java.time.Instant;

/** OCPP 1.6 Firmware Management profile: firmware updates and diagnostics uploads. */
public final class FirmwareManagement {

    private FirmwareManagement() {
    }

    public enum DiagnosticsStatus { Idle, Uploaded, UploadFailed, Uploading }

    public enum FirmwareStatus { Downloaded, DownloadFailed, Downloading, Idle, InstallationFailed, Installing, Installed }

    public record DiagnosticsStatusNotificationRequest(@Required DiagnosticsStatus status)
            implements Request<DiagnosticsStatusNotificationResponse> {
    }

    public record DiagnosticsStatusNotificationResponse() implements Response {
    }

    public record FirmwareStatusNotificationRequest(@Required FirmwareStatus status)
            implements Request<FirmwareStatusNotificationResponse> {
    }

    public record FirmwareStatusNotificationResponse() implements Response {
    }

    public record GetDiagnosticsRequest(@Required @AnyUri String location, Integer retries, Integer retryInterval,
                                        Instant startTime, Instant stopTime) implements Request<GetDiagnosticsResponse> {
    }

    public record GetDiagnosticsResponse(@MaxLength(255) String fileName) implements Response {
    }

    public record UpdateFirmwareRequest(@Required @AnyUri String location, Integer retries,
                                        @Required Instant retrieveDate, Integer retryInterval)
            implements Request<UpdateFirmwareResponse> {
    }

    public record UpdateFirmwareResponse() implements Response {
    }
}
