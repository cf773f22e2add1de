package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.FirmwareUpdate;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.simulator.Firmware;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/**
 * TC_044_1_CS to TC_044_3_CS: a firmware update that works, one whose download fails and one whose
 * installation fails, on the file server of the vendor script's case 12 ({@link FirmwareUpdate}),
 * whose check that the file was fetched whole they share.
 */
public final class FirmwareCases {

    /** The file name of the OCA's own location for a download that must fail. */
    private static final String DOWNLOAD_FAIL = "download_fail.fwi";
    /** What the simulator gets to refuse: its marker of a file for another model. */
    private static final String REFUSED_NAME = "chargecheck-firmware-for-another-model.bin";

    private final Context context;
    private final FirmwareUpdate update;

    public FirmwareCases(Context context, FirmwareUpdate update) {
        this.context = context;
        this.update = update;
    }

    /**
     * A firmware file the station must refuse to install: on the simulator one with its marker of
     * an image for another model; at a live charger the file of chargecheck.octt.invalidFirmwareFile.
     */
    public void serveFirmwareToRefuse() {
        if (context.station().driver().isSimulated()) {
            update.serve(REFUSED_NAME, ("ChargeCheck test image for another charger model: " + Firmware.INVALID_MARKER + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return;
        }
        String setting = context.settings().octt().get("invalidFirmwareFile");
        if (setting == null || setting.isBlank()) {
            throw new TestAbortedException("set chargecheck.octt.invalidFirmwareFile to a firmware file the charger must "
                    + "refuse to install (an image for another model, a corrupted or unsigned one): the case serves it and "
                    + "expects InstallationFailed");
        }
        Path file = Path.of(setting.strip());
        try {
            update.serve(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the firmware file the charger must refuse (setting "
                    + "chargecheck.octt.invalidFirmwareFile) " + file, e);
        }
    }

    /**
     * UpdateFirmware without retries for a location where nothing is served: the station's upload
     * directory on the suite's file server, which serves no file.
     */
    public void requestUpdateFromNowhere() {
        URI nowhere = context.bench().files().uploadLocation(context.station().id()).resolve(DOWNLOAD_FAIL);
        context.platform().send(new UpdateFirmwareRequest(nowhere.toString(), 0, Instant.now(), null));
    }

    /** DownloadFailed, Downloading before it if at all, and no word of a download that worked. */
    public void assertDownloadFailed() {
        long since = context.scene().lastAction;
        Received<FirmwareStatusNotificationRequest> outcome = awaitOutcome(since, FirmwareStatus.DownloadFailed,
                Set.of(FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.Installed,
                        FirmwareStatus.InstallationFailed));
        if (outcome.message().status() != FirmwareStatus.DownloadFailed) {
            throw new AssertionError("expected FirmwareStatusNotification DownloadFailed for a location where nothing is "
                    + "served; the station reported " + statuses(since), null);
        }
    }

    /**
     * Downloading, Downloaded, Installing if at all, and InstallationFailed, in that order; the file
     * fetched whole before Downloaded.
     */
    public void assertInstallationFailed() {
        long since = context.scene().lastAction;
        Received<FirmwareStatusNotificationRequest> outcome = awaitOutcome(since, FirmwareStatus.InstallationFailed,
                Set.of(FirmwareStatus.Installed, FirmwareStatus.DownloadFailed));
        List<Received<FirmwareStatusNotificationRequest>> came = context.evidence()
                .received(FirmwareStatusNotificationRequest.class, since).stream()
                .takeWhile(r -> r.entry().seq() <= outcome.entry().seq()).toList();
        List<FirmwareStatus> order = came.stream().map(r -> r.message().status()).toList();
        int downloading = order.indexOf(FirmwareStatus.Downloading);
        int downloaded = order.indexOf(FirmwareStatus.Downloaded);
        int installing = order.indexOf(FirmwareStatus.Installing);
        boolean inOrder = outcome.message().status() == FirmwareStatus.InstallationFailed && downloading >= 0
                && downloaded > downloading && (installing < 0 || installing > downloaded);
        if (!inOrder) {
            throw new AssertionError("expected FirmwareStatusNotification Downloading, Downloaded, (Installing,) "
                    + "InstallationFailed in that order for a firmware file the station must refuse; the station reported "
                    + statuses(since), null);
        }
        update.assertFetchedWhole(came.get(downloaded).entry().time());
    }

    /** After the reboot into the new firmware: the connector Available. */
    public void assertAvailableAfterTheReboot() {
        Received<BootNotificationRequest> boot = context.evidence().next(BootNotificationRequest.class)
                .after(context.scene().lastAction).within(context.timeouts().reboot());
        awaitAvailableAfter(boot);
    }

    /** A station may reboot after a failed installation (the OCA's optional steps): if it does, the connector Available. */
    public void assertAvailableIfRebooted() {
        Received<BootNotificationRequest> boot;
        try {
            boot = context.evidence().next(BootNotificationRequest.class).after(context.scene().lastAction)
                    .within(context.timeouts().quiet());
        } catch (AssertionError noReboot) {
            context.observations().note("no reboot after the failed installation");
            return;
        }
        awaitAvailableAfter(boot);
    }

    private void awaitAvailableAfter(Received<BootNotificationRequest> boot) {
        new MessageOrder(context).awaitInOrder(boot.entry().seq(), context.timeouts().message(),
                Expected.status(context.connector(), ChargePointStatus.Available));
    }

    /** The first status that ends the update one way or another; fails, naming what came, when none comes. */
    private Received<FirmwareStatusNotificationRequest> awaitOutcome(long since, FirmwareStatus expected,
                                                                       Set<FirmwareStatus> otherEndings) {
        try {
            return context.evidence().next(FirmwareStatusNotificationRequest.class)
                    .matching(expected.name(), f -> f.status() == expected || otherEndings.contains(f.status()))
                    .after(since).within(context.timeouts().firmware());
        } catch (AssertionError e) {
            throw new AssertionError("expected FirmwareStatusNotification " + expected + " within "
                    + Describe.seconds(context.timeouts().firmware()) + "; the station reported " + statuses(since), null);
        }
    }

    private String statuses(long since) {
        List<Received<FirmwareStatusNotificationRequest>> all = context.evidence()
                .received(FirmwareStatusNotificationRequest.class, since);
        return all.isEmpty() ? "no FirmwareStatusNotification at all" : all.stream()
                .map(r -> r.message().status() + " at " + Describe.time(r.entry().time())).collect(Collectors.joining(", "));
    }
}
