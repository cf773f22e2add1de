package io.chargecheck.ocpp.message;

import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import java.time.Instant;
import java.util.List;

/**
 * The messages the OCPP 1.6 Security Whitepaper (edition 2) adds to OCPP 1.6J: certificates
 * (SignCertificate, CertificateSigned, InstallCertificate, DeleteCertificate,
 * GetInstalledCertificateIds), ExtendedTriggerMessage, security events, the security log (GetLog)
 * and the signed firmware update. Not a feature profile of SupportedFeatureProfiles: a station
 * implements the extension or not.
 */
public final class Security {

    private Security() {
    }

    public enum CertificateSignedStatus { Accepted, Rejected }

    public enum CertificateUse { CentralSystemRootCertificate, ManufacturerRootCertificate }

    public enum DeleteCertificateStatus { Accepted, Failed, NotFound }

    /** The whitepaper's MessageTriggerEnumType: TriggerMessage's, plus the security extension's own. */
    public enum ExtendedMessageTrigger {
        BootNotification, LogStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues,
        SignChargePointCertificate, StatusNotification
    }

    public enum GenericStatus { Accepted, Rejected }

    public enum GetInstalledCertificateStatus { Accepted, NotFound }

    public enum HashAlgorithm { SHA256, SHA384, SHA512 }

    public enum InstallCertificateStatus { Accepted, Failed, Rejected }

    public enum LogType { DiagnosticsLog, SecurityLog }

    public enum LogStatus { Accepted, Rejected, AcceptedCanceled }

    public enum UploadLogStatus { BadMessage, Idle, NotSupportedOperation, PermissionDenied, Uploaded, UploadFailure, Uploading }

    public enum UpdateFirmwareStatus { Accepted, Rejected, AcceptedCanceled, InvalidCertificate, RevokedCertificate }

    public enum SignedFirmwareStatus {
        Downloaded, DownloadFailed, Downloading, DownloadScheduled, DownloadPaused, Idle, InstallationFailed, Installing,
        Installed, InstallRebooting, InstallScheduled, InstallVerificationFailed, InvalidSignature, SignatureVerified
    }

    /** A certificate named as OCSP names one: the hashes of its issuer's name and key, and its serial number (hex). */
    public record CertificateHashData(@Required HashAlgorithm hashAlgorithm, @Required @MaxLength(128) String issuerNameHash,
                                      @Required @MaxLength(128) String issuerKeyHash,
                                      @Required @MaxLength(40) String serialNumber) {
    }

    public record CertificateSignedRequest(@Required @MaxLength(10000) @AnyText String certificateChain)
            implements Request<CertificateSignedResponse> {
    }

    public record CertificateSignedResponse(@Required CertificateSignedStatus status) implements Response {
    }

    public record DeleteCertificateRequest(@Required CertificateHashData certificateHashData)
            implements Request<DeleteCertificateResponse> {
    }

    public record DeleteCertificateResponse(@Required DeleteCertificateStatus status) implements Response {
    }

    public record ExtendedTriggerMessageRequest(@Required ExtendedMessageTrigger requestedMessage, Integer connectorId)
            implements Request<ExtendedTriggerMessageResponse> {
    }

    public record ExtendedTriggerMessageResponse(@Required TriggerMessageStatus status) implements Response {
    }

    public record GetInstalledCertificateIdsRequest(@Required CertificateUse certificateType)
            implements Request<GetInstalledCertificateIdsResponse> {
    }

    public record GetInstalledCertificateIdsResponse(@MinItems(1) List<CertificateHashData> certificateHashData,
                                                     @Required GetInstalledCertificateStatus status) implements Response {
    }

    public record InstallCertificateRequest(@Required CertificateUse certificateType,
                                            @Required @MaxLength(5500) @AnyText String certificate)
            implements Request<InstallCertificateResponse> {
    }

    public record InstallCertificateResponse(@Required InstallCertificateStatus status) implements Response {
    }

    /** {@code type}: one of the whitepaper's security events (InvalidCentralSystemCertificate, FirmwareUpdated, ...). */
    public record SecurityEventNotificationRequest(@Required @MaxLength(50) String type, @Required Instant timestamp,
                                                   @MaxLength(255) @AnyText String techInfo)
            implements Request<SecurityEventNotificationResponse> {
    }

    public record SecurityEventNotificationResponse() implements Response {
    }

    public record SignCertificateRequest(@Required @MaxLength(5500) @AnyText String csr) implements Request<SignCertificateResponse> {
    }

    public record SignCertificateResponse(@Required GenericStatus status) implements Response {
    }

    /** Where to upload a log, and its window; the location is a URL but the schema does not say so. */
    public record LogParameters(@Required @MaxLength(512) String remoteLocation, Instant oldestTimestamp,
                                Instant latestTimestamp) {
    }

    public record GetLogRequest(@Required LogParameters log, @Required LogType logType, @Required Integer requestId,
                                Integer retries, Integer retryInterval) implements Request<GetLogResponse> {
    }

    public record GetLogResponse(@Required LogStatus status, @MaxLength(255) String filename) implements Response {
    }

    public record LogStatusNotificationRequest(@Required UploadLogStatus status, Integer requestId)
            implements Request<LogStatusNotificationResponse> {
    }

    public record LogStatusNotificationResponse() implements Response {
    }

    /** The whitepaper's FirmwareType: where the image is, and the certificate and signature it must verify against. */
    public record Firmware(@Required @MaxLength(512) String location, @Required Instant retrieveDateTime,
                           Instant installDateTime, @Required @MaxLength(5500) @AnyText String signingCertificate,
                           @Required @MaxLength(800) String signature) {
    }

    public record SignedUpdateFirmwareRequest(Integer retries, Integer retryInterval, @Required Integer requestId,
                                              @Required Firmware firmware) implements Request<SignedUpdateFirmwareResponse> {
    }

    public record SignedUpdateFirmwareResponse(@Required UpdateFirmwareStatus status) implements Response {
    }

    public record SignedFirmwareStatusNotificationRequest(@Required SignedFirmwareStatus status, Integer requestId)
            implements Request<SignedFirmwareStatusNotificationResponse> {
    }

    public record SignedFirmwareStatusNotificationResponse() implements Response {
    }
}
