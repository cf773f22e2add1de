package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationResponse;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Firmware updates (Firmware Management): UpdateFirmware downloads the file at the retrieve date,
 * installs it and reboots into it once no transaction runs, reporting each step; the firmware
 * version survives reboots. Public only for {@link #INVALID_MARKER}: the suite puts it into a
 * firmware file the station must refuse to install (TC_044_3_CS).
 */
public final class Firmware {

    /**
     * A firmware file that holds this text (anywhere in it, ASCII) is not valid for this station: it
     * is downloaded and then fails to install (InstallationFailed), as an image for another model
     * would. An empty file fails the same way.
     */
    public static final String INVALID_MARKER = "CHARGECHECK-INVALID-FIRMWARE";

    /** What {@link Quirk#FIRMWARE_NOT_DOWNLOADED} "installs": nothing it fetched. */
    private static final byte[] NOT_FETCHED = {0};
    private static final List<String> FIRMWARE_EXTENSIONS = List.of(".tar.gz", ".tgz", ".bin", ".img", ".zip", ".fw", ".hex", ".pkg");

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final FileTransfers transfers;

    private String version;
    private String installedVersion;
    private boolean rebootPending;
    private FirmwareStatus status = FirmwareStatus.Idle;

    Firmware(Station station, FileTransfers transfers) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.transfers = transfers;
        this.version = config.identity().firmwareVersion();
    }

    void register(RemoteCommands commands) {
        commands.on(UpdateFirmwareRequest.class, this::updateFirmware);
    }

    /** The version that runs now. */
    String version() {
        return version;
    }

    /** The version kept on flash from an earlier run. */
    void restore(String saved) {
        if (saved != null) {
            version = saved;
        }
    }

    FirmwareStatus status() {
        return status;
    }

    /** Boots into firmware installed before the reboot. */
    void poweredOn() {
        status = FirmwareStatus.Idle;
        if (installedVersion != null) {
            version = installedVersion;
            installedVersion = null;
            station.saveStation();
        }
    }

    void switchedOff() {
        rebootPending = false;
    }

    Outbox.Outgoing<FirmwareStatusNotificationResponse> sendStatus(FirmwareStatus status) {
        this.status = status;
        log.info("firmware {}", status);
        return station.outbox.send(new FirmwareStatusNotificationRequest(status));
    }

    /** What TriggerMessage(FirmwareStatusNotification) reports: Idle unless an update is under way. */
    void sendTriggeredStatus() {
        sendStatus(switch (status) {
            case Downloading, Downloaded, Installing -> status;
            default -> FirmwareStatus.Idle; // a finished one (Installed, failures) counts as not under way
        });
    }

    private Answer updateFirmware(UpdateFirmwareRequest request) {
        URI location = URI.create(request.location());
        Duration wait = Duration.between(station.now(), request.retrieveDate());
        log.info("UpdateFirmware from {}, retrieve at {}", RemoteCommands.redacted(location), request.retrieveDate());
        if (station.has(Variant.NOTIFICATIONS_BEFORE_ANSWER) && wait.toMillis() <= 1000) { // due now, give or take a clock
            log.info("downloading before answering (variant notifications-before-answer)");
            Outbox.Outgoing<?> downloading = sendStatus(FirmwareStatus.Downloading);
            return Answer.after(downloading.settled, () -> Answer.of(new UpdateFirmwareResponse(), () -> fetch(request, location)));
        }
        int session = station.session();
        return Answer.of(new UpdateFirmwareResponse(), () -> station.schedule(() -> {
            if (session == station.session()) {
                sendStatus(FirmwareStatus.Downloading);
                fetch(request, location);
            }
        }, wait.isNegative() ? Duration.ZERO : wait));
    }

    private void fetch(UpdateFirmwareRequest request, URI location) {
        if (station.has(Quirk.FIRMWARE_NOT_DOWNLOADED)) {
            log.info("{} not fetched, reported downloaded all the same (quirk firmware-not-downloaded)",
                    RemoteCommands.redacted(location));
            downloaded(NOT_FETCHED, version);
            return;
        }
        transfers.run("firmware download", () -> transfers.ftp().download(location),
                FileTransfers.attempts(request.retries()), FileTransfers.retryInterval(request.retryInterval()),
                (content, failure) -> {
                    if (failure != null) {
                        log.info("firmware download failed: {}", failure);
                        if (station.has(Quirk.DOWNLOAD_FAILED_NOT_REPORTED)) {
                            log.info("no DownloadFailed (quirk download-failed-not-reported)");
                        } else {
                            sendStatus(FirmwareStatus.DownloadFailed);
                        }
                        return;
                    }
                    log.info("firmware downloaded: {} bytes", content.length);
                    downloaded(content, versionOf(location));
                });
    }

    private void downloaded(byte[] content, String newVersion) {
        sendStatus(FirmwareStatus.Downloaded);
        sendStatus(FirmwareStatus.Installing);
        if (station.has(Quirk.FIRMWARE_NEVER_INSTALLED)) {
            log.info("installation never ends (quirk firmware-never-installed)");
            return;
        }
        int session = station.session();
        station.schedule(() -> {
            if (session == station.session()) {
                install(content, newVersion);
            }
        }, config.installTime());
    }

    private void install(byte[] content, String newVersion) {
        if (!valid(content)) {
            if (station.has(Quirk.INVALID_FIRMWARE_INSTALLED)) {
                log.info("the firmware file is not valid for this station; installed all the same (quirk invalid-firmware-installed)");
            } else {
                log.info("the firmware file is {}: installation failed", content.length == 0 ? "empty" : "not valid for this station");
                sendStatus(FirmwareStatus.InstallationFailed);
                return;
            }
        }
        Outbox.Outgoing<?> installed = sendStatus(FirmwareStatus.Installed);
        installedVersion = newVersion;
        if (station.has(Quirk.FIRMWARE_NO_REBOOT)) {
            log.info("firmware {} installed, no reboot follows (quirk firmware-no-reboot)", newVersion);
            return;
        }
        log.info("firmware {} installed; rebooting into it once no transaction runs", newVersion);
        rebootPending = true;
        rebootIntoNewFirmwareAfter(installed.answer);
    }

    /** Boots into this version at the next power-on (a signed firmware update installed it). */
    void bootInto(String newVersion) {
        installedVersion = newVersion;
    }

    static boolean valid(byte[] content) {
        return content.length > 0 && !new String(content, StandardCharsets.ISO_8859_1).contains(INVALID_MARKER);
    }

    private boolean rebootDue() {
        return rebootPending && station.chargingConnectors().isEmpty();
    }

    /** Reboots into installed firmware once {@code answered} is answered (or given up on) and no transaction runs. */
    void rebootIntoNewFirmwareAfter(CompletableFuture<?> answered) {
        if (!rebootDue()) {
            return;
        }
        station.commands.afterAnswers(List.of(answered), () -> {
            if (rebootDue()) {
                rebootPending = false;
                station.boot.reboot(Reason.Reboot, true, "new firmware");
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
}
