package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatus;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedUpdateFirmwareRequest;
import io.chargecheck.ocpp.message.Security.SignedUpdateFirmwareResponse;
import io.chargecheck.ocpp.message.Security.UpdateFirmwareStatus;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.FirmwareSigner;
import io.chargecheck.security.Pem;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The secure firmware update (security extension): SignedUpdateFirmware's signing certificate must
 * lead to an installed ManufacturerRootCertificate (else InvalidCertificate and a security event);
 * the image is downloaded, its signature checked with that certificate (SignatureVerified, or
 * InvalidSignature and a security event), installed, and booted into; Installed and the security
 * event FirmwareUpdated follow the boot.
 */
final class SignedFirmware {

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final FileTransfers transfers;

    private SignedFirmwareStatus status = SignedFirmwareStatus.Idle;
    private Integer requestId;
    /** A firmware installed before the reboot, to be reported once the station has booted into it. */
    private boolean installedBeforeBoot;

    SignedFirmware(Station station, FileTransfers transfers) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.transfers = transfers;
    }

    void register(RemoteCommands commands) {
        commands.on(SignedUpdateFirmwareRequest.class, this::update);
    }

    /** After a boot the central system accepted: a firmware installed before it is reported. */
    void booted() {
        if (installedBeforeBoot) {
            installedBeforeBoot = false;
            sendStatus(SignedFirmwareStatus.Installed);
            station.security.event("FirmwareUpdated", "firmware " + station.firmware.version());
        }
    }

    /** ExtendedTriggerMessage FirmwareStatusNotification: the update under way, or Idle. */
    void sendTriggeredStatus() {
        sendStatus(switch (status) {
            case Downloading, Downloaded, SignatureVerified, Installing -> status;
            default -> SignedFirmwareStatus.Idle;
        });
    }

    private Outbox.Outgoing<?> sendStatus(SignedFirmwareStatus next) {
        status = next;
        log.info("signed firmware {}", next);
        return station.outbox.send(new SignedFirmwareStatusNotificationRequest(next, requestId));
    }

    private Answer update(SignedUpdateFirmwareRequest request) {
        X509Certificate signer;
        try {
            signer = Pem.certificates(request.firmware().signingCertificate()).get(0);
        } catch (IllegalArgumentException e) {
            return invalidCertificate(e.getMessage());
        }
        Optional<String> problem = Certificates.chainProblem(List.of(signer), station.certificates.manufacturerRoots(),
                station.now());
        if (problem.isPresent()) {
            return invalidCertificate(problem.get());
        }
        requestId = request.requestId();
        Duration wait = Duration.between(station.now(), request.firmware().retrieveDateTime());
        log.info("SignedUpdateFirmware from {}, signed by {}: Accepted", request.firmware().location(),
                Certificates.describe(signer));
        int session = station.session();
        return Answer.of(new SignedUpdateFirmwareResponse(UpdateFirmwareStatus.Accepted), () -> station.schedule(() -> {
            if (session == station.session()) {
                fetch(request, signer);
            }
        }, wait.isNegative() ? Duration.ZERO : wait));
    }

    private Answer invalidCertificate(String why) {
        log.info("SignedUpdateFirmware: InvalidCertificate, {}", why);
        return Answer.of(new SignedUpdateFirmwareResponse(UpdateFirmwareStatus.InvalidCertificate),
                () -> station.security.event("InvalidFirmwareSigningCertificate", why));
    }

    private void fetch(SignedUpdateFirmwareRequest request, X509Certificate signer) {
        sendStatus(SignedFirmwareStatus.Downloading);
        URI location;
        try {
            location = URI.create(request.firmware().location());
        } catch (IllegalArgumentException e) {
            log.info("the firmware location is no URL: {}", e.getMessage());
            sendStatus(SignedFirmwareStatus.DownloadFailed);
            return;
        }
        transfers.run("signed firmware download", () -> transfers.ftp().download(location),
                FileTransfers.attempts(request.retries()), FileTransfers.retryInterval(request.retryInterval()),
                (image, failure) -> {
                    if (failure != null) {
                        log.info("signed firmware download failed: {}", failure);
                        sendStatus(SignedFirmwareStatus.DownloadFailed);
                        return;
                    }
                    sendStatus(SignedFirmwareStatus.Downloaded);
                    verifyAndInstall(image, request.firmware().signature(), signer, Firmware.versionOf(location));
                });
    }

    private void verifyAndInstall(byte[] image, String signature, X509Certificate signer, String version) {
        if (!FirmwareSigner.verifies(image, signature, signer)) {
            if (!station.has(Quirk.INVALID_FIRMWARE_SIGNATURE_INSTALLED)) {
                sendStatus(SignedFirmwareStatus.InvalidSignature);
                station.security.event("InvalidFirmwareSignature", "the signature of " + image.length
                        + " bytes does not verify with the signing certificate");
                return;
            }
            log.info("the signature does not verify; reported verified (quirk invalid-firmware-signature-installed)");
        }
        if (station.has(Quirk.SIGNATURE_VERIFIED_NOT_REPORTED)) {
            log.info("signature verified, not reported (quirk signature-verified-not-reported)");
        } else {
            sendStatus(SignedFirmwareStatus.SignatureVerified);
        }
        Outbox.Outgoing<?> installing = sendStatus(SignedFirmwareStatus.Installing);
        int session = station.session();
        // the install starts once Installing is answered: the reboot at its end must not cut it off
        installing.settled.whenComplete((ok, error) -> station.execute(() -> station.schedule(() -> {
            if (session != station.session()) {
                return;
            }
            if (!Firmware.valid(image)) {
                log.info("the firmware image is not valid for this station: installation failed");
                sendStatus(SignedFirmwareStatus.InstallationFailed);
                return;
            }
            station.firmware.bootInto(version);
            installedBeforeBoot = true;
            station.boot.reboot(Reason.Reboot, true, "signed firmware " + version + " installed");
        }, config.installTime())));
    }
}
